// vigie as a user runs it: exit codes, messages on standard error, outputs.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "test_support.h"

namespace vigie {
namespace {

using test::run_vigie;

TEST(Cli, VersionAndHelp) {
  auto r = run_vigie("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("vigie 0.", 0), 0u) << r.out;
  r = run_vigie("--help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("extract"), std::string::npos);
  EXPECT_NE(r.out.find("Exit codes"), std::string::npos);
  r = run_vigie("extract --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* option :
       {"--format", "--published", "--lang", "--emit-text", "--threads", "--output"}) {
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
  }
}

TEST(Cli, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run_vigie("").exit_code, 2);
  EXPECT_EQ(run_vigie("frobnicate").exit_code, 2);
  EXPECT_EQ(run_vigie("extract --format xml x.txt").exit_code, 2);
  EXPECT_EQ(run_vigie("extract --published 25/04/2022 x.txt").exit_code, 2);
  EXPECT_EQ(run_vigie("extract --published 2022-02-30 x.txt").exit_code, 2);  // no such day
  auto r = run_vigie("extract --lang de x.txt");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no such language pack"), std::string::npos);
}

TEST(Cli, EmitTextPrintsTheCleanedExampleArticle) {
  SKIP_WITHOUT_SHARED();
  const auto path = test::shared_dir() / "examples/mali-wagner-moura.fr.txt";
  auto r = run_vigie("extract '" + path.string() + "' --published 2022-04-25 --emit-text");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("La plus grande coalition djihadiste du Mali a annoncé", 0), 0u);
  EXPECT_EQ(r.out.find("FILE PHOTO"), std::string::npos);
  EXPECT_EQ(r.out.find("REUTERS"), std::string::npos);
  EXPECT_EQ(r.out.find("Continuez à lire"), std::string::npos);
  EXPECT_NE(r.out.find("ont exécuté 300 civils à Moura entre le 27 et le 31 mars."),
            std::string::npos);
  EXPECT_TRUE(r.out.ends_with("(Avec des informations de l'AFP)\n"));
  EXPECT_NE(r.err.find("vigie: 1 document(s), "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" event(s), 0 failed"), std::string::npos) << r.err;
}

TEST(Cli, EmitTextAsJsonLinesGivesHeadlineMetadataAndBodyInAnyLanguage) {
  const auto page = test::fixture("html") / "lemonde-article.fr.html";
  test::TempDir dir;
  test::write_file(dir / "es.html",
                   "<html lang=\"es\"><head><meta property=\"og:site_name\" content=\"Diario\">"
                   "</head><body><h1>Ataque en el norte</h1><p>Hombres armados atacaron el martes "
                   "una aldea del norte del país y mataron al menos a doce civiles, según las "
                   "autoridades locales.</p></body></html>");
  auto r = run_vigie("extract --emit-text --format jsonl -q '" + page.string() + "' '" +
                     (dir / "es.html").string() + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  std::vector<nlohmann::json> docs;
  while (std::getline(lines, line)) docs.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(docs.size(), 2u) << r.out;
  EXPECT_EQ(docs[0]["title"],
            "Au Niger, au moins dix-sept soldats tués dans une embuscade près de Koutougou");
  EXPECT_EQ(docs[0]["source"], "Le Monde.fr");
  EXPECT_EQ(docs[0]["published"], "2023-08-16");
  EXPECT_EQ(docs[0]["lang"], "fr");
  // The text is the article without its headline.
  EXPECT_EQ(docs[0]["text"].get<std::string>().rfind("L'attaque, dans la région de Tillabéri", 0),
            0u);
  EXPECT_EQ(docs[1]["title"], "Ataque en el norte");
  EXPECT_EQ(docs[1]["source"], "Diario");
  EXPECT_EQ(docs[1]["lang"], "es");
  EXPECT_EQ(docs[1]["text"],
            "Hombres armados atacaron el martes una aldea del norte del país y mataron al menos a "
            "doce civiles, según las autoridades locales.");
  // Text and JSON lines are the two forms of the text.
  r = run_vigie("extract --emit-text --format csv '" + page.string() + "'");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(Cli, OneBadDocumentNeverSpoilsTheBatch) {
  test::TempDir dir;
  test::write_file(dir / "a.txt",
                   "Six soldats ont été tués dimanche près de Djibo, selon l'armée.");
  test::write_file(dir / "b.txt", "Attaque \xE0 S\xE9gou.");
  test::write_file(dir / "c.jsonl",
                   "{\"id\":\"x\",\"text\":\"Gunmen killed two soldiers near Gao on Monday, the "
                   "army said.\"}\nnot json\n");
  auto r = run_vigie("extract --emit-text -j 2 '" + (dir / "a.txt").string() + "' '" +
                     (dir / "b.txt").string() + "' '" + (dir / "c.jsonl").string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "Six soldats ont été tués dimanche près de Djibo, selon l'armée.\n\f\n"
            "Gunmen killed two soldiers near Gao on Monday, the army said.\n");
  EXPECT_NE(r.err.find((dir / "b.txt").string() + ": invalid UTF-8 at byte offset 8"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find((dir / "c.jsonl").string() + ":2: not valid JSON"), std::string::npos)
      << r.err;
  // The text alone builds no events.
  EXPECT_NE(r.err.find("2 document(s), 0 event(s), 2 failed"), std::string::npos) << r.err;
  // Events: one in each good document, the soldiers killed near Djibo and those near Gao.
  r = run_vigie("extract -j 2 '" + (dir / "a.txt").string() + "' '" + (dir / "b.txt").string() +
                "' '" + (dir / "c.jsonl").string() + "'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("2 document(s), 2 event(s), 2 failed"), std::string::npos) << r.err;
}

TEST(Cli, ReadsStandardInputAndWritesEventFormats) {
  const std::string text =
      "Des hommes armés ont attaqué dimanche un poste de l'armée près de Ménaka, selon des sources "
      "locales.";
  auto r = run_vigie("extract - --format geojson -q", text);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "{\"type\":\"FeatureCollection\",\"features\":[\n]}\n");
  EXPECT_EQ(r.err, "");
  r = run_vigie("extract --format csv -q", text);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("event_id_cnty,event_date,", 0), 0u);
}

TEST(Cli, ConllUShowsTheTextLayerWithCodePointSpans) {
  auto r = run_vigie("extract - --emit-conllu --lang fr -q", "Ségou : l'armée a riposté.");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("1\tSégou\tSégou\tPROPN\t_\t_\t_\t_\t_\tSpan=0-5"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("3\tl'\tle\tDET\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Span=8-10|SpaceAfter=No"), std::string::npos) << r.out;
}

TEST(Cli, OutputFileAndUnwritableOutput) {
  test::TempDir dir;
  auto r = run_vigie("extract - --emit-text -q -o '" + (dir / "out.txt").string() + "'",
                     "Six soldats tués à Gao.");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(test::read_file(dir / "out.txt"), "Six soldats tués à Gao.\n");
  r = run_vigie("extract - -o /nonexistent/dir/out.txt", "Six soldats tués à Gao.");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("cannot write /nonexistent/dir/out.txt"), std::string::npos);
}

}  // namespace
}  // namespace vigie

namespace vigie {
namespace {

// Hand-made rows in GeoNames' 19-column layout: two villages of an invented admin1 of Mali.
constexpr const char* kTwoVillages =
    "9000001\tKalabougou\tKalabougou\tKalabugu\t13.1\t-6.2\tP\tPPL\tML\t\t77\t\t\t\t"
    "1200\t\t300\tAfrica/Bamako\t2020-01-01\n"
    "9000002\tSirakoro\tSirakoro\t\t13.3\t-6.4\tP\tPPL\tML\t\t77\t\t\t\t800\t\t"
    "310\tAfrica/Bamako\t2020-01-01\n";

// A gazetteer saved, loaded and extended with admin codes alone (no new places) is rebuilt
// whole: the second import once crashed on the names the loaded file no longer held per place.
TEST(Cli, GazetteerTakesAdminCodesAfterItsPlaces) {
  test::TempDir dir;
  const std::string data = "--data '" + (dir / "data").string() + "'";
  test::write_file(dir / "XX.txt", kTwoVillages);
  test::write_file(dir / "admin1.txt", "ML.77\tRegion Test\tRegion Test\t9000000\n");
  auto r = run_vigie("gazetteer import " + data + " '" + (dir / "XX.txt").string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_vigie("gazetteer import " + data + " '" + (dir / "admin1.txt").string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The two villages, and their admin1 area placed at their centre (GeoNames lists no point
  // for it in an admin code file).
  r = run_vigie("gazetteer info " + data);
  EXPECT_NE(r.out.find(": 3 places"), std::string::npos) << r.out;
  r = run_vigie("extract - --annotations --lang fr -q " + data,
                "Des hommes armés ont attaqué le village de Kalabougou mardi.");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("geonameid=9000001 name=Kalabougou PPL admin1=Region Test"),
            std::string::npos)
      << r.out;
  r = run_vigie("extract - --annotations --lang fr -q " + data,
                "Des hommes armés ont attaqué un village de la région de Region Test mardi.");
  EXPECT_NE(r.out.find("geonameid=9000000 name=Region Test ADM1 admin1=Region Test (13.2,-6.3)"),
            std::string::npos)
      << r.out;
}

// Found by fuzz/gazetteer_fuzzer: an id of 25 digits threw out of the parser and aborted the
// process. It is a bad number on a named line (exit 1, the gazetteer left as it was); in an admin
// code file, an id too long is left out.
TEST(Cli, GazetteerNamesAnOverlongIdInsteadOfAborting) {
  test::TempDir dir;
  const std::string data = "--data '" + (dir / "data").string() + "'";
  test::write_file(dir / "XX.txt", kTwoVillages);
  auto r = run_vigie("gazetteer import " + data + " '" + (dir / "XX.txt").string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(run_vigie("gazetteer info " + data).out.find(": 2 places,"), std::string::npos);
  test::write_file(dir / "bad.txt",
                   "2353158235315823531582353\tZyonguen\tZyonguen\t\t12.36667\t-0.45\tP\tPPL\tBF"
                   "\t\t04\t\t\t\t0\t\t293\tAfrica/Ouagadougou\t2012-01-01\n");
  r = run_vigie("gazetteer import " + data + " '" + (dir / "bad.txt").string() + "'");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("bad.txt:1: bad number"), std::string::npos) << r.err;
  EXPECT_NE(run_vigie("gazetteer info " + data).out.find(": 2 places,"), std::string::npos);
  test::write_file(dir / "admin1.txt",
                   "ML.77\tRegion Test\tRegion Test\t99999999999999999999999\n");
  r = run_vigie("gazetteer import " + data + " '" + (dir / "admin1.txt").string() + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
}

// A ZIP archive holding one file, as GeoNames' export site packs a country's dump.
std::string zip_of(const std::string& name, const std::string& content) {
  std::vector<char> buffer(content.size() + 4096);
  std::size_t used = 0;
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  archive_write_open_memory(a, buffer.data(), buffer.size(), &used);
  archive_entry* entry = archive_entry_new();
  archive_entry_set_pathname(entry, name.c_str());
  archive_entry_set_size(entry, static_cast<la_int64_t>(content.size()));
  archive_entry_set_filetype(entry, AE_IFREG);
  archive_entry_set_perm(entry, 0644);
  archive_write_header(a, entry);
  archive_write_data(a, content.data(), content.size());
  archive_entry_free(entry);
  archive_write_close(a);
  archive_write_free(a);
  return std::string(buffer.data(), used);
}

TEST(Cli, GazetteerFetchDownloadsCountryDumpsAndReportsTheOnesThatFail) {
  // GeoNames' export site stood in for by a server on the loopback interface: XX.zip holds a
  // dump of two villages, YY.zip is no ZIP archive, and there is no QQ.zip.
  httplib::Server server;
  const std::string zip = zip_of("XX.txt", kTwoVillages);
  server.Get("/dump/XX.zip", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(zip, "application/zip");
  });
  server.Get("/dump/YY.zip", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("<html>maintenance</html>", "text/html");
  });
  const int port = server.bind_to_any_port("127.0.0.1");
  ASSERT_GT(port, 0);
  std::thread serving([&] { server.listen_after_bind(); });  // bound: connections queue

  test::TempDir dir;
  const std::string data = "--data '" + (dir / "data").string() + "'";
  const std::string from = " --from http://127.0.0.1:" + std::to_string(port) + "/dump";
  auto r = run_vigie("gazetteer fetch xx QQ YY A1" + from + " " + data);
  server.stop();
  serving.join();
  EXPECT_EQ(r.exit_code, 1) << r.err;  // some countries failed, the others were added
  EXPECT_NE(r.err.find("XX: 2 new places"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/dump/QQ.zip: HTTP 404"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/dump/YY.zip: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("A1: not a two-letter country code"), std::string::npos) << r.err;
  r = run_vigie("extract - --annotations --lang fr -q " + data,
                "Des hommes armés ont attaqué le village de Kalabougou mardi.");
  EXPECT_NE(r.out.find("geonameid=9000001 name=Kalabougou"), std::string::npos) << r.out;

  // Nobody answering: a clear error, and no gazetteer made up.
  test::TempDir empty;
  r = run_vigie("gazetteer fetch ML" + from + " --data '" + (empty / "data").string() + "'");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("/dump/ML.zip: "), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(empty / "data" / "gazetteer.bin"));
}

TEST(Cli, AnnotationsAsJsonLinesGiveEachPlaceItsPointAndTheEntriesWeighed) {
  test::TempDir dir;
  const std::string data = "--data '" + (dir / "data").string() + "'";
  // Two namesakes: the village of the text's region must win, and both be listed.
  test::write_file(dir / "XX.txt",
                   "9000001\tKalabougou\tKalabougou\t\t13.1\t-6.2\tP\tPPL\tML\t\t77\t\t\t\t"
                   "1200\t\t300\tAfrica/Bamako\t2020-01-01\n"
                   "9000003\tKalabougou\tKalabougou\t\t11.5\t-4.1\tP\tPPL\tBF\t\t03\t\t\t\t"
                   "900\t\t300\tAfrica/Ouagadougou\t2020-01-01\n");
  auto r = run_vigie("gazetteer import " + data + " '" + (dir / "XX.txt").string() + "'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = "Au Mali, des hommes armés ont attaqué le village de Kalabougou mardi.";
  r = run_vigie("extract - --annotations --format jsonl --lang fr -q " + data, text);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::istringstream lines(r.out);
  std::string line;
  int places = 0;
  while (std::getline(lines, line)) {
    const auto m = nlohmann::json::parse(line);  // every line is one JSON object
    ASSERT_TRUE(m.contains("kind") && m.contains("begin") && m.contains("end")) << line;
    if (m["kind"] != "place" || m["text"] != "Kalabougou") continue;
    ++places;
    // Code point offsets, not bytes: « armés » and « attaqué » come before it.
    EXPECT_EQ(m["begin"].get<int>(), 52) << line;
    EXPECT_EQ(m["end"].get<int>(), 62) << line;
    EXPECT_EQ(m["entry"]["geonameid"], 9000001) << line;
    EXPECT_DOUBLE_EQ(m["lat"].get<double>(), 13.1) << line;
    ASSERT_EQ(m["considered"].size(), 2u) << line;
    EXPECT_EQ(m["considered"][1]["geonameid"], 9000003) << line;
    EXPECT_GT(m["considered"][0]["score"].get<double>(), m["considered"][1]["score"].get<double>())
        << line;
  }
  EXPECT_EQ(places, 1) << r.out;
  // The other output formats are for events; asked of annotations they are a usage error.
  r = run_vigie("extract - --annotations --format csv --lang fr -q " + data, text);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("--annotations"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace vigie

namespace vigie {
namespace {

TEST(Cli, ExplainShowsTheEventWordTheWordsOfEachFieldAndWhy) {
  test::TempDir dir;
  test::write_file(dir / "a.txt",
                   "Selon Human Rights Watch, des hommes armés ont exécuté 300 civils entre le 27 "
                   "et le 31 mars.\n");
  auto r =
      test::run_vigie("explain '" + (dir / "a.txt").string() +
                      "' --published 2022-04-25 --lang fr -q --data '" + dir.path().string() + "'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const char* line : {
           "1. Violence against civilians / Attack",
           "   event word  « exécuté » (lemma:exécuter)",
           "   evidence    « Selon Human Rights Watch, des hommes armés ont exécuté 300 civils",
           "   date        2022-03-27 to 2022-03-31 (day, range)  ← « entre le 27 et le 31 mars »",
           "   fatalities  300 (300–300)  ← « exécuté 300 civils »",
           "   source      Human Rights Watch, reported  ← « Selon » [0-5]",
           "     - source: Human Rights Watch, reported (preposition: Selon)",
       }) {
    EXPECT_NE(r.out.find(line), std::string::npos) << line << "\n" << r.out;
  }
}

}  // namespace
}  // namespace vigie
