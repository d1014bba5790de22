#include "input/input_reader.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace vigie {
namespace {

using test::fixture;

const RawDocument& doc_at(const std::vector<InputItem>& items, std::size_t i) {
  return std::get<RawDocument>(items.at(i));
}

TEST(InputReader, ReadsPlainTextWhole) {
  auto items = test::read_all_inputs({fixture("inputs/depeche.fr.txt").string()});
  ASSERT_EQ(items.size(), 1u);
  const auto& d = doc_at(items, 0);
  EXPECT_EQ(d.format, InputFormat::Text);
  EXPECT_EQ(d.bytes, test::read_file(fixture("inputs/depeche.fr.txt")));
  EXPECT_EQ(d.origin.part, 0u);
}

TEST(InputReader, DecompressesGzipAndZstd) {
  const std::string plain = test::read_file(fixture("inputs/depeche.fr.txt"));
  for (const char* name : {"inputs/depeche.fr.txt.gz", "inputs/depeche.fr.txt.zst"}) {
    auto items = test::read_all_inputs({fixture(name).string()});
    ASSERT_EQ(items.size(), 1u) << name;
    EXPECT_EQ(doc_at(items, 0).bytes, plain) << name;
    EXPECT_EQ(doc_at(items, 0).format, InputFormat::Text) << name;
  }
}

TEST(InputReader, ReadsJsonLinesWithMetadata) {
  for (const char* name : {"inputs/feed.jsonl", "inputs/feed.jsonl.zst"}) {
    auto items = test::read_all_inputs({fixture(name).string()});
    ASSERT_EQ(items.size(), 3u) << name;
    const auto& a1 = doc_at(items, 0);
    EXPECT_EQ(a1.meta.id, "a1");
    EXPECT_EQ(a1.meta.published, "2023-05-14");
    EXPECT_EQ(a1.meta.source, "AFP");
    EXPECT_EQ(a1.meta.declared_lang, "fr");
    EXPECT_EQ(a1.meta.title, "Mali : attaque à Ménaka");
    EXPECT_EQ(a1.format, InputFormat::Text);
    EXPECT_EQ(a1.origin.line, 1u);
    EXPECT_EQ(doc_at(items, 1).format, InputFormat::Html);
    EXPECT_EQ(doc_at(items, 2).meta.id, "3");  // numeric ids become strings
    EXPECT_EQ(doc_at(items, 2).origin.line, 3u);
  }
}

TEST(InputReader, WalksDirectoriesRecursivelyInPathOrder) {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "b/sub");
  test::write_file(dir / "b/sub/z.txt", "Texte z.");
  test::write_file(dir / "a.txt", "Texte a.");
  test::write_file(dir / "b/m.html", "<p>Texte m.</p>");
  test::write_file(dir / "notes.md", "not an input");  // unknown extension in a directory: skipped
  test::write_file(dir / ".hidden.txt", "hidden");     // hidden: skipped
  auto items = test::read_all_inputs({dir.path().string()});
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(doc_at(items, 0).origin.path, (dir / "a.txt").string());
  EXPECT_EQ(doc_at(items, 1).origin.path, (dir / "b/m.html").string());
  EXPECT_EQ(doc_at(items, 1).format, InputFormat::Html);
  EXPECT_EQ(doc_at(items, 2).origin.path, (dir / "b/sub/z.txt").string());
}

TEST(InputReader, GuessesFormatFromContentWhenTheNameSaysNothing) {
  EXPECT_EQ(format_from_content("  <!DOCTYPE html>"), InputFormat::Html);
  EXPECT_EQ(format_from_content("{\"text\": \"x\"}"), InputFormat::Jsonl);
  EXPECT_EQ(format_from_content("Bamako, 3 mars"), InputFormat::Text);
  EXPECT_EQ(format_from_name("a/b/feed.ndjson.gz"), InputFormat::Jsonl);
  EXPECT_EQ(format_from_name("page.HTM"), InputFormat::Html);
  EXPECT_FALSE(format_from_name("archive.tar"));
}

TEST(InputReader, StripsAUtf8ByteOrderMark) {
  test::TempDir dir;
  test::write_file(dir / "bom.txt", "\xEF\xBB\xBFSix soldats tués.");
  auto items = test::read_all_inputs({(dir / "bom.txt").string()});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(doc_at(items, 0).bytes, "Six soldats tués.");
}

}  // namespace
}  // namespace vigie
