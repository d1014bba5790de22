// Every kind of bad input gets a clear message naming where it is, and never stops the batch.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "clean/cleaner.h"
#include "input/input_reader.h"
#include "pipeline/pipeline.h"
#include "test_support.h"
#include "util/utf8.h"

namespace vigie {
namespace {

std::string problem_text(const InputItem& item) {
  const auto* p = std::get_if<InputProblem>(&item);
  return p ? p->describe() : "(not a problem)";
}

TEST(BadInput, EmptyAndWhitespaceOnlyFilesAreReported) {
  test::TempDir dir;
  test::write_file(dir / "empty.txt", "");
  test::write_file(dir / "blank.txt", " \n\t\n\u00A0\n");
  test::write_file(dir / "good.txt", "Deux soldats tués.");
  auto items = test::read_all_inputs(
      {(dir / "empty.txt").string(), (dir / "blank.txt").string(), (dir / "good.txt").string()});
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(problem_text(items[0]), (dir / "empty.txt").string() + ": empty document (0 bytes)");
  EXPECT_EQ(problem_text(items[1]),
            (dir / "blank.txt").string() + ": empty document (whitespace only)");
  EXPECT_TRUE(std::holds_alternative<RawDocument>(items[2]));
}

TEST(BadInput, InvalidUtf8NamesTheFileAndByteOffset) {
  test::TempDir dir;
  test::write_file(dir / "latin1.txt", "Attaque \xE0 S\xE9gou.");  // ISO-8859-1 bytes
  auto items = test::read_all_inputs({(dir / "latin1.txt").string()});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(
      problem_text(items[0]),
      (dir / "latin1.txt").string() +
          ": invalid UTF-8 at byte offset 8 (byte 0xE0, line 1, column 9); vigie reads UTF-8 only");
}

TEST(BadInput, BinaryJunkIsRefused) {
  test::TempDir dir;
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 7919) % 256);
  test::write_file(dir / "junk.txt", junk);
  test::write_file(dir / "junk.bin", std::string("\x7f"
                                                 "ELF\x02\x01\x01",
                                                 7) +
                                         std::string(100, '\0'));
  auto items = test::read_all_inputs({(dir / "junk.txt").string(), (dir / "junk.bin").string()});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_NE(problem_text(items[0]).find("binary data (NUL byte at byte offset 0)"),
            std::string::npos);
  EXPECT_NE(problem_text(items[1]).find("binary data"), std::string::npos);
}

TEST(BadInput, Utf16IsNamedAsSuch) {
  test::TempDir dir;
  test::write_file(dir / "utf16.txt", std::string("\xFF\xFE"
                                                  "A\0t\0",
                                                  6));
  auto items = test::read_all_inputs({(dir / "utf16.txt").string()});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_NE(problem_text(items[0]).find("UTF-16 text is not supported"), std::string::npos);
}

TEST(BadInput, MissingFileIsReportedAndTheBatchGoesOn) {
  test::TempDir dir;
  test::write_file(dir / "ok.txt", "Texte.");
  auto items = test::read_all_inputs({(dir / "nope.txt").string(), (dir / "ok.txt").string()});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(problem_text(items[0]), (dir / "nope.txt").string() + ": no such file");
  EXPECT_TRUE(std::holds_alternative<RawDocument>(items[1]));
}

TEST(BadInput, MalformedJsonLinesAreReportedByLineAndSkipped) {
  test::TempDir dir;
  test::write_file(dir / "feed.jsonl",
                   "{\"id\":\"ok1\",\"text\":\"Premier texte.\"}\n"
                   "{\"id\":\"broken\",\"text\":\"pas fini\n"
                   "\n"
                   "[1,2,3]\n"
                   "{\"id\":\"notext\",\"title\":\"Titre seul\"}\n"
                   "{\"id\":\"ok2\",\"text\":\"Deuxième texte.\",\"published\":\"hier\"}\n"
                   "{\"id\":\"ok3\",\"text\":\"Troisième texte.\"}\n"
                   "{\"id\":\"zero\",\"text\":\"Texte.\",\"published\":\"0001-01-01T00:00:00Z\"}");
  auto items = test::read_all_inputs({(dir / "feed.jsonl").string()});
  ASSERT_EQ(items.size(), 7u);
  const std::string path = (dir / "feed.jsonl").string();
  EXPECT_EQ(std::get<RawDocument>(items[0]).meta.id, "ok1");
  EXPECT_EQ(problem_text(items[1]).rfind(path + ":2: not valid JSON", 0), 0u)
      << problem_text(items[1]);
  EXPECT_EQ(problem_text(items[2]), path + ":4: JSON line is not an object");
  EXPECT_EQ(problem_text(items[3]), path + ":5: record has no 'text' or 'html' field");
  EXPECT_EQ(problem_text(items[4]),
            path + ":6: 'published' is not a date of news (YYYY-MM-DD, 1900-2199): hier");
  // A placeholder date is no date: the page generator's 0001-01-01 would resolve « mardi » in
  // year 0.
  EXPECT_EQ(problem_text(items[6]),
            path + ":8: 'published' is not a date of news (YYYY-MM-DD, 1900-2199): " +
                "0001-01-01T00:00:00Z");
  EXPECT_EQ(std::get<RawDocument>(items[5]).meta.id, "ok3");
  EXPECT_EQ(std::get<RawDocument>(items[5]).origin.line, 7u);
}

TEST(BadInput, AHugeTextFileStreamsInBoundedParts) {
  // 50 MB of paragraphs: read in parts of at most 1 MiB each, cut at paragraph breaks, with
  // code point offsets that continue from part to part.
  test::TempDir dir;
  const std::string paragraph =
      "Des hommes armés ont attaqué le village de Ségou mardi soir, selon des sources locales.\n\n";
  {
    std::ofstream out(dir / "huge.txt", std::ios::binary);
    for (std::size_t written = 0; written < 50u * 1000 * 1000; written += paragraph.size())
      out << paragraph;
  }
  InputReader reader({(dir / "huge.txt").string()});
  InputItem item;
  std::size_t parts = 0, total_bytes = 0;
  std::uint64_t expected_base = 0;
  while (reader.next(item)) {
    ASSERT_TRUE(std::holds_alternative<RawDocument>(item)) << problem_text(item);
    const auto& d = std::get<RawDocument>(item);
    ++parts;
    EXPECT_EQ(d.origin.part, parts);
    EXPECT_LE(d.bytes.size(), ReaderOptions{}.max_text_part_bytes);
    EXPECT_EQ(d.origin.base_code_point, expected_base);
    EXPECT_TRUE(d.bytes.ends_with("\n\n"))
        << "part " << parts << " was not cut at a paragraph break";
    expected_base += utf8::count_code_points(d.bytes);
    total_bytes += d.bytes.size();
  }
  EXPECT_EQ(total_bytes, std::filesystem::file_size(dir / "huge.txt"));
  EXPECT_GE(parts, 48u);
}

TEST(BadInput, AHugeJsonlRecordIsReadInPartsLikeAHugeFile) {
  // A record whose text is a few parts long, between two ordinary ones: its parts keep its line
  // and metadata, take "<id>#part<N>", and their offsets continue from part to part.
  test::TempDir dir;
  std::string text;
  for (int n = 1; text.size() < 2500; ++n)
    text += "Des hommes armés ont attaqué le village n° " + std::to_string(n) + " mardi soir.\n\n";
  test::write_file(dir / "feed.jsonl",
                   "{\"id\":\"a\",\"text\":\"Court.\"}\n"
                   "{\"id\":\"big\",\"published\":\"2024-03-05\",\"text\":" +
                       nlohmann::json(text).dump() + "}\n{\"id\":\"b\",\"text\":\"Court.\"}\n");
  ReaderOptions options;
  options.max_text_part_bytes = 1000;
  auto items = test::read_all_inputs({(dir / "feed.jsonl").string()}, options);
  ASSERT_EQ(items.size(), 5u);  // a, three parts of big, b
  EXPECT_EQ(std::get<RawDocument>(items[0]).meta.id, "a");
  std::string joined;
  std::uint64_t expected_base = 0;
  for (std::size_t k = 1; k <= 3; ++k) {
    ASSERT_TRUE(std::holds_alternative<RawDocument>(items[k])) << problem_text(items[k]);
    const auto& part = std::get<RawDocument>(items[k]);
    EXPECT_EQ(part.meta.id, "big#part" + std::to_string(k));
    EXPECT_EQ(part.meta.published, "2024-03-05");
    EXPECT_EQ(part.origin.line, 2u);
    EXPECT_EQ(part.origin.part, k);
    EXPECT_EQ(part.origin.base_code_point, expected_base);
    EXPECT_LE(part.bytes.size(), 1000u);
    EXPECT_TRUE(part.bytes.ends_with("\n\n")) << "part " << k;
    EXPECT_FALSE(part.meta.content_hash.empty());
    expected_base += utf8::count_code_points(part.bytes);
    joined += part.bytes;
  }
  EXPECT_EQ(joined, text);
  EXPECT_NE(std::get<RawDocument>(items[1]).meta.content_hash,
            std::get<RawDocument>(items[2]).meta.content_hash);
  EXPECT_EQ(std::get<RawDocument>(items[4]).meta.id, "b");
}

TEST(BadInput, InvalidUtf8DeepInAHugeFileNamesTheFileOffset) {
  test::TempDir dir;
  std::string text(3u << 20, 'a');
  for (std::size_t i = 1000; i < text.size(); i += 1000) text[i] = '\n';
  text[(2u << 20) + 17] = '\xFF';
  test::write_file(dir / "big.txt", text);
  auto items = test::read_all_inputs({(dir / "big.txt").string()});
  ASSERT_FALSE(items.empty());
  const std::string last = problem_text(items.back());
  EXPECT_NE(last.find("invalid UTF-8 at byte offset " + std::to_string((2u << 20) + 17)),
            std::string::npos)
      << last;
  EXPECT_NE(last.find("rest of the file skipped"), std::string::npos);
}

TEST(BadInput, DeeplyNestedHtmlIsExtracted) {
  std::string html = "<html><body>";
  for (int i = 0; i < 10000; ++i) html += (i % 2 ? "<span>" : "<div>");
  html += "<p>Des soldats ont été tués à Djibo.</p>";
  for (int i = 10000; i-- > 0;) html += (i % 2 ? "</span>" : "</div>");
  html += "</body></html>";
  BoilerplateFilter filter(test::languages());
  HtmlExtractor extractor(filter);
  EXPECT_EQ(extractor.extract(html).text, "Des soldats ont été tués à Djibo.");
}

TEST(BadInput, TablesNestedInCellsThousandsDeepAreExtracted) {
  // Each level is a parse error for gumbo, which kept them all (gigabytes at 10,000 levels).
  std::string html = "<html><body><p>Des soldats ont été tués à Djibo.</p>";
  for (int i = 0; i < 3000; ++i) html += "<tr><td><table>";
  html += "</body></html>";
  BoilerplateFilter filter(test::languages());
  HtmlExtractor extractor(filter);
  EXPECT_EQ(extractor.extract(html).text, "Des soldats ont été tués à Djibo.");
}

TEST(BadInput, BrokenHtmlStillYieldsItsText) {
  BoilerplateFilter filter(test::languages());
  HtmlExtractor extractor(filter);
  EXPECT_EQ(extractor.extract("<p>Premier paragraphe<p>Second <b>paragraphe</i></div>").text,
            "Premier paragraphe\n\nSecond paragraphe");
  EXPECT_EQ(extractor.extract("<<<>>></p></p><script>alert(1)").text, "<<<>>>");
}

TEST(BadInput, UnknownAndUnsupportedLanguagesAreReportedNotDropped) {
  Pipeline pipeline(test::languages(), {});
  RawDocument german;
  german.bytes =
      "Bewaffnete Männer haben am Dienstag ein Dorf im Norden des Landes angegriffen und dabei "
      "mindestens zwölf Zivilisten getötet, wie die örtlichen Behörden am Mittwoch mitteilten. "
      "Die Armee hat Verstärkung in die Region geschickt.";
  german.origin.path = "de.txt";
  auto r = pipeline.process(german);
  ASSERT_TRUE(r.problem);
  EXPECT_EQ(r.problem->describe(),
            "de.txt: language 'de' is not supported (supported: en, fr); document skipped");

  RawDocument digits;
  digits.bytes = "12345 67890";
  digits.origin.path = "n.txt";
  r = pipeline.process(digits);
  ASSERT_TRUE(r.problem);
  EXPECT_EQ(r.problem->describe(),
            "n.txt: language could not be identified (supported: en, fr); use --lang to force one");
}

TEST(BadInput, ArticleTextAloneIsKeptInAnyLanguage) {
  PipelineOptions text_only;
  text_only.analyse = false;
  Pipeline pipeline(test::languages(), text_only);
  RawDocument german;
  german.format = InputFormat::Html;
  german.bytes =
      "<html lang=\"de\"><body><nav><a href=\"/\">Startseite</a></nav><article><h1>Angriff im "
      "Norden</h1><p>Bewaffnete Männer haben am Dienstag ein Dorf im Norden des Landes "
      "angegriffen und dabei mindestens zwölf Zivilisten getötet, wie die örtlichen Behörden am "
      "Mittwoch mitteilten.</p><p>Die Armee hat Verstärkung in die Region geschickt, hieß es "
      "weiter.</p></article></body></html>";
  german.origin.path = "de.html";
  const auto r = pipeline.process(german);
  ASSERT_FALSE(r.problem) << r.problem->describe();
  ASSERT_TRUE(r.doc);
  EXPECT_EQ(r.doc->language.code, "de");
  EXPECT_EQ(r.doc->clean_text(),
            "Angriff im Norden\n\nBewaffnete Männer haben am Dienstag ein Dorf im Norden des "
            "Landes angegriffen und dabei mindestens zwölf Zivilisten getötet, wie die örtlichen "
            "Behörden am Mittwoch mitteilten.\n\nDie Armee hat Verstärkung in die Region "
            "geschickt, hieß es weiter.");
  EXPECT_TRUE(r.events.empty());
}

}  // namespace
}  // namespace vigie
