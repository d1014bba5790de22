// Article pages written in the styles of French and English news sites; the extracted text must
// match the .txt beside each page exactly, and the metadata the .meta file.
#include "clean/html_extractor.h"

#include <gtest/gtest.h>

#include "test_support.h"
#include "util/tsv.h"

namespace vigie {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> pages() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(test::fixture("html"))) {
    if (e.path().extension() == ".html") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(HtmlExtractor, FixturesCoverAtLeastTenPagesInBothLanguages) {
  int fr = 0, en = 0;
  for (const auto& p : pages()) {
    const std::string name = p.filename().string();
    fr += name.find(".fr.") != std::string::npos;
    en += name.find(".en.") != std::string::npos;
  }
  EXPECT_GE(fr + en, 10);
  EXPECT_GE(fr, 4);
  EXPECT_GE(en, 4);
}

TEST(HtmlExtractor, ExtractsExactlyTheArticleText) {
  BoilerplateFilter filter(test::languages());
  HtmlExtractor extractor(filter);
  for (const auto& page : pages()) {
    SCOPED_TRACE(page.filename().string());
    fs::path expected_text = page, expected_meta = page;
    expected_text.replace_extension(".txt");
    expected_meta.replace_extension(".meta");
    const ExtractedArticle a = extractor.extract(test::read_file(page));
    std::string expected = test::read_file(expected_text);
    while (!expected.empty() && expected.back() == '\n') expected.pop_back();
    EXPECT_EQ(a.text, expected);
    std::map<std::string, std::string> meta;
    for (const auto& row : read_tsv(expected_meta)) meta[row.fields.at(0)] = row.fields.at(1);
    EXPECT_EQ(a.published.value_or(""), meta["published"]);
    EXPECT_EQ(a.source.value_or(""), meta["source"]);
    EXPECT_EQ(a.title.value_or(""), meta["title"]);
    if (meta.count("url")) {
      EXPECT_EQ(a.url.value_or(""), meta["url"]);
    }
    if (meta.count("lang")) {
      EXPECT_EQ(a.lang.value_or(""), meta["lang"]);
    }
  }
}

TEST(HtmlExtractor, PublicationDatePrefersArticleMetaThenJsonLdThenTime) {
  BoilerplateFilter filter(test::languages());
  HtmlExtractor extractor(filter);
  EXPECT_EQ(extractor
                .extract(R"(<meta property="article:published_time" content="2022-04-25T08:00:00Z">
      <script type="application/ld+json">{"datePublished":"2022-04-20"}</script><p>x</p>)")
                .published,
            "2022-04-25");
  EXPECT_EQ(
      extractor
          .extract(
              R"(<script type="application/ld+json">[{"@type":"NewsArticle","datePublished":"2022-04-20T10:00:00"}]</script>
      <time datetime="2022-04-01">1er avril</time><p>x</p>)")
          .published,
      "2022-04-20");
  EXPECT_EQ(
      extractor
          .extract(
              R"(<article><time datetime="2022-04-01T09:00">1er avril</time><p>x</p></article>)")
          .published,
      "2022-04-01");
  EXPECT_FALSE(extractor.extract("<p>Aucune date ici.</p>").published);
  EXPECT_FALSE(
      extractor.extract(R"(<meta property="article:published_time" content="yesterday"><p>x</p>)")
          .published);
}

}  // namespace
}  // namespace vigie
