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

// Pages in the image of real ones, each for one way a page hides or pads its article.
class MainContentTest : public ::testing::Test {
 protected:
  std::string text_of(const std::string& html) { return extractor_.extract(html).text; }

  BoilerplateFilter filter_{test::languages()};
  HtmlExtractor extractor_{filter_};
};

// A sidebar of short teasers beside an article of long paragraphs: the paragraphs win, and a
// WordPress post's classes ("tag-…", "category-…") do not make it furniture.
TEST_F(MainContentTest, LongProseBeatsTeaserListsAndPostClassesAreNotFurniture) {
  const std::string html =
      "<html><body><h1>Floods cut the main road</h1>"
      "<div class=\"sidebar-list\"><p><a href=\"/a\">Mayor opens the new bridge, finally</a></p>"
      "<p><a href=\"/b\">Council votes on the budget for schools</a></p></div>"
      "<article class=\"post tag-weather category-news\"><div class=\"body\">"
      "<p>Heavy rain on Tuesday flooded the main road between the two towns, and the police "
      "closed it to traffic for most of the day, officials said.</p>"
      "<p>Farmers in the valley said the water reached their fields by noon, and several "
      "families left their homes, according to the local radio.</p>"
      "</div></article></body></html>";
  EXPECT_EQ(text_of(html),
            "Floods cut the main road\n\nHeavy rain on Tuesday flooded the main road between the "
            "two towns, and the police closed it to traffic for most of the day, officials said."
            "\n\nFarmers in the valley said the water reached their fields by noon, and several "
            "families left their homes, according to the local radio.");
}

// An article cut by an advertisement and a "related" box keeps every paragraph after them.
TEST_F(MainContentTest, ParagraphsAfterAnInlineBoxAreKept) {
  const std::string html =
      "<html><body><main><h1>Talks resume</h1><div class=\"story\">"
      "<p>Negotiators met again on Monday in the capital, the first meeting since the ceasefire "
      "collapsed, a spokesman said.</p>"
      "<div class=\"ad-slot\"><p>Advertisement</p></div>"
      "<div class=\"related-links\"><ul><li><a href=\"/x\">Ceasefire collapses after three "
      "days</a></li></ul></div>"
      "<p>Both delegations agreed to meet again next week, according to a joint statement "
      "released in the evening.</p></div></main></body></html>";
  EXPECT_EQ(text_of(html),
            "Talks resume\n\nNegotiators met again on Monday in the capital, the first meeting "
            "since the ceasefire collapsed, a spokesman said.\n\nBoth delegations agreed to meet "
            "again next week, according to a joint statement released in the evening.");
}

// A standfirst that repeats the page's declared description is metadata; one that does not is
// kept (the fixture pages keep theirs).
TEST_F(MainContentTest, AStandfirstThatIsTheDeclaredSummaryIsLeftOut) {
  const std::string body =
      "<body><article><h1>Prices rise again</h1><h2 class=\"sub-head\">Fuel and bread cost "
      "more for the third month in a row.</h2><div class=\"article-body\"><p>Consumer prices "
      "rose by 2 percent in March, the statistics office said on Friday, driven by fuel and "
      "bread.</p><p>Economists had expected a smaller rise, and the central bank is due to meet "
      "next week, analysts said.</p></div></article></body>";
  const std::string described =
      "<html><head><meta name=\"description\" content=\"Fuel and bread cost more for the third "
      "month in a row.\"></head>" +
      body + "</html>";
  EXPECT_EQ(text_of(described).find("Fuel and bread cost more"), std::string::npos);
  EXPECT_NE(text_of("<html>" + body + "</html>").find("Fuel and bread cost more"),
            std::string::npos);
}

// A page that shows a teaser and declares the whole article in schema.org is read from the
// declaration.
TEST_F(MainContentTest, TheDeclaredArticleBodyStandsInForATeaser) {
  const std::string html =
      "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"Port reopens\",\"articleBody\":\"The port reopened on Sunday after a "
      "week-long strike by dock workers, the port authority said.\\nShips waiting offshore "
      "began to unload their cargo in the afternoon, and the union said talks would continue "
      "over pay and hours. Traders said prices of imported goods had risen during the strike, "
      "which halted most of the country's imports.\"}</script></head><body><h1>Port "
      "reopens</h1><div class=\"teaser\"><p>The port reopened on Sunday after a week-long "
      "strike.</p></div><div class=\"paywall\">Subscribe to read more.</div></body></html>";
  EXPECT_EQ(text_of(html),
            "Port reopens\n\nThe port reopened on Sunday after a week-long strike by dock "
            "workers, the port authority said.\n\nShips waiting offshore began to unload their "
            "cargo in the afternoon, and the union said talks would continue over pay and hours. "
            "Traders said prices of imported goods had risen during the strike, which halted most "
            "of the country's imports.");
}

}  // namespace
}  // namespace vigie
