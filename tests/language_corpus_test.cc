// Runs every language pack's example corpus (lang/<code>/corpus/*.tsv). Each row is an input in
// context and the value vigie must produce; every row must pass, and a failure names the file
// and line. Formats are described in docs/adding-a-language.md.
#include <gtest/gtest.h>

#include "clean/cleaner.h"
#include "langid/language_identifier.h"
#include "pipeline/pipeline.h"
#include "test_support.h"
#include "text/folding.h"
#include "util/tsv.h"

namespace vigie {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at - start));
    if (at == std::string::npos) break;
    start = at + sep.size();
  }
  return out;
}

// The document for one corpus line: "\n" in the TSV stands for a line break.
Document analysed(const Pipeline& pipeline, const LanguagePack& pack, std::string text) {
  for (std::size_t at; (at = text.find("\\n")) != std::string::npos;) text.replace(at, 2, "\n");
  Document doc(text, InputFormat::Text, {"corpus"});
  find_paragraphs(doc);
  doc.language = {pack.code, 1, "option"};
  pipeline.analyse(doc, pack);
  return doc;
}

class CorpusTest : public ::testing::TestWithParam<std::string> {
 protected:
  const LanguagePack& pack() const { return *test::languages().find(GetParam()); }
  fs::path corpus(const std::string& name) const { return pack().dir / "corpus" / name; }
  std::vector<TsvRow> rows(const std::string& name) const {
    EXPECT_TRUE(fs::exists(corpus(name))) << corpus(name) << " is missing";
    return fs::exists(corpus(name)) ? read_tsv(corpus(name)) : std::vector<TsvRow>{};
  }
  std::string where(const std::string& name, const TsvRow& row) const {
    return corpus(name).string() + ":" + std::to_string(row.line);
  }
  Pipeline pipeline_{test::languages(), {}};
};

TEST_P(CorpusTest, Sentences) {
  const auto all = rows("sentences.tsv");
  EXPECT_GE(all.size(), 20u);
  for (const auto& row : all) {
    ASSERT_EQ(row.fields.size(), 2u) << where("sentences.tsv", row);
    const Document doc = analysed(pipeline_, pack(), row.fields[0]);
    std::vector<std::string> got;
    for (const auto& s : doc.sentences) got.emplace_back(doc.slice(s.span));
    EXPECT_EQ(got, split(row.fields[1], " || ")) << where("sentences.tsv", row);
  }
}

TEST_P(CorpusTest, Tokens) {
  const auto all = rows("tokens.tsv");
  EXPECT_GE(all.size(), 30u);
  for (const auto& row : all) {
    ASSERT_EQ(row.fields.size(), 2u) << where("tokens.tsv", row);
    const Document doc = analysed(pipeline_, pack(), row.fields[0]);
    std::vector<std::string> got;
    for (const auto& t : doc.tokens) got.emplace_back(doc.token_text(t));
    EXPECT_EQ(got, split(row.fields[1], " | ")) << where("tokens.tsv", row);
  }
}

TEST_P(CorpusTest, Lemmas) {
  const auto all = rows("lemmas.tsv");
  EXPECT_GE(all.size(), 50u);
  for (const auto& row : all) {
    ASSERT_GE(row.fields.size(), 3u) << where("lemmas.tsv", row);
    const Document doc = analysed(pipeline_, pack(), row.fields[0]);
    const Token* found = nullptr;
    for (const auto& t : doc.tokens) {
      if (doc.token_text(t) == row.fields[1]) {
        found = &t;
        break;
      }
    }
    ASSERT_NE(found, nullptr) << where("lemmas.tsv", row) << ": no token '" << row.fields[1] << "'";
    EXPECT_EQ(found->lemma, row.fields[2])
        << where("lemmas.tsv", row) << " (" << row.fields[1] << ")";
    if (row.fields.size() > 3 && !row.fields[3].empty()) {
      EXPECT_EQ(pos_name(found->pos), row.fields[3])
          << where("lemmas.tsv", row) << " (" << row.fields[1] << ")";
    }
  }
}

TEST_P(CorpusTest, VerbGroups) {
  const auto all = rows("verb_groups.tsv");
  EXPECT_GE(all.size(), 20u);
  for (const auto& row : all) {
    ASSERT_EQ(row.fields.size(), 5u) << where("verb_groups.tsv", row);
    const Document doc = analysed(pipeline_, pack(), row.fields[0]);
    const VerbGroup* found = nullptr;
    std::vector<std::string> seen;
    for (const auto& g : doc.verb_groups) {
      const std::string surface(
          doc.text().substr(doc.tokens[g.first].span.begin,
                            doc.tokens[g.last].span.end - doc.tokens[g.first].span.begin));
      seen.push_back(surface);
      if (surface == row.fields[1]) found = &g;
    }
    ASSERT_NE(found, nullptr) << where("verb_groups.tsv", row) << ": no group '" << row.fields[1]
                              << "' (found: " << ::testing::PrintToString(seen) << ")";
    EXPECT_EQ(tense_name(found->tense), row.fields[2]) << where("verb_groups.tsv", row);
    EXPECT_EQ(found->voice == Voice::Passive ? "passive" : "active", row.fields[3])
        << where("verb_groups.tsv", row);
    EXPECT_EQ(found->negated ? "negated" : "affirmative", row.fields[4])
        << where("verb_groups.tsv", row);
  }
}

TEST_P(CorpusTest, LanguageIdentification) {
  const auto all = rows("langid.tsv");
  EXPECT_GE(all.size(), 15u);
  LanguageIdentifier id(test::languages());
  for (const auto& row : all) {
    ASSERT_EQ(row.fields.size(), 2u) << where("langid.tsv", row);
    EXPECT_EQ(id.identify(row.fields[0]).code, row.fields[1]) << where("langid.tsv", row);
  }
}

TEST_P(CorpusTest, Boilerplate) {
  const auto all = rows("boilerplate.tsv");
  EXPECT_GE(all.size(), 15u);
  BoilerplateFilter filter(test::languages());
  for (const auto& row : all) {
    ASSERT_EQ(row.fields.size(), 2u) << where("boilerplate.tsv", row);
    const auto v = filter.classify(row.fields[0]);
    const char* got = v == BoilerplateFilter::Verdict::Keep   ? "keep"
                      : v == BoilerplateFilter::Verdict::Drop ? "drop"
                                                              : "cut";
    EXPECT_EQ(got, row.fields[1]) << where("boilerplate.tsv", row);
  }
}

std::vector<std::string> pack_codes() {
  return test::languages().codes();
}

INSTANTIATE_TEST_SUITE_P(AllLanguages, CorpusTest, ::testing::ValuesIn(pack_codes()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                           return param_info.param;
                         });

}  // namespace
}  // namespace vigie
