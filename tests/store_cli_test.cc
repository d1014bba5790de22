// vigie ingest, query and stats as a user runs them, and what a killed or interrupted ingest
// leaves behind: everything committed, nothing corrupt, and a re-run that ends where a single
// uninterrupted run would.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <pqxx/pqxx>
#include <set>
#include <sstream>
#include <thread>

#include "postgres_cluster.h"
#include "test_support.h"
#include "util/utf8.h"

extern char** environ;

namespace vigie {
namespace {

using test::run_vigie;

// Built by appending: GCC 12 warns (-Wrestrict, a false positive) on "'" + std::string&&.
std::string quoted(const std::filesystem::path& p) {
  std::string out = "'";
  out += p.string();
  out += '\'';
  return out;
}

std::string data_option() {
  return " --data " + quoted(test::test_data_dir());
}

TEST(StoreCli, IngestQueryAndStatsOnTheIncidentSets) {
  SKIP_WITHOUT_SHARED();
  test::TempDir dir;
  const std::string db = " --db " + quoted(dir / "events.db");
  const std::string sets = quoted(test::source_dir() / "tests/incidents");
  auto r = run_vigie("ingest" + db + data_option() + " " + sets);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("vigie ingest: 11 documents stored"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("0 already stored"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos);  // not a terminal: plain lines

  r = run_vigie("ingest" + db + data_option() + " " + sets);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("0 documents stored (0.0/s), 11 already stored"), std::string::npos)
      << r.err;

  r = run_vigie("query --incidents" + db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Sebba (BF)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("competing"), std::string::npos) << r.out;
  const auto lines = std::count(r.out.begin(), r.out.end(), '\n');
  EXPECT_EQ(lines, 1 + 6) << r.out;  // header, six incidents

  r = run_vigie("query --format jsonl --country ml" + db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::set<std::string> incidents;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    const auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["location"]["country"], "ML");
    EXPECT_EQ(j["schema"], "vigie.event/1");
    incidents.insert(j["incident_id"].get<std::string>());
  }
  EXPECT_EQ(incidents.size(), 1u);  // three articles, one bus, one incident

  r = run_vigie("query --format csv --actor JNIM" + db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("event_id_cnty,event_date,", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("JNIM: Group for Support of Islam and Muslims"), std::string::npos);

  r = run_vigie("query --format geojson --near 14.1008,-1.6280,10" + db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto geo = nlohmann::json::parse(r.out);
  EXPECT_EQ(geo["type"], "FeatureCollection");
  EXPECT_EQ(geo["features"].size(), 3u);  // the two Djibo attacks and the Djibo ambush

  r = run_vigie("stats --json --by month --by type" + db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto stats = nlohmann::json::parse(r.out);
  EXPECT_EQ(stats["incidents"], 6);
  std::int64_t by_type = 0;
  for (const auto& row : stats["by_type"]) by_type += row["incidents"].get<std::int64_t>();
  EXPECT_EQ(by_type, 6);
}

TEST(StoreCli, BadFiltersAndMissingStoresAreExplained) {
  test::TempDir dir;
  const std::string db = " --db " + quoted(dir / "none.db");
  auto r = run_vigie("query --near 14,-4" + db);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--near: expected LAT,LON,KM"), std::string::npos) << r.err;
  r = run_vigie("query --from yesterday" + db);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--from: expected a date YYYY-MM-DD"), std::string::npos) << r.err;
  r = run_vigie("query" + db);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("no such store"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "none.db"));  // a query creates nothing
  r = run_vigie("query --incidents --format csv" + db);
  EXPECT_EQ(r.exit_code, 2);
}

// A file name that is not UTF-8 (an old archive's Latin-1 name) stops nothing: the file and the
// ones after it are read and stored, and every output stays UTF-8, the bad byte shown as U+FFFD.
TEST(StoreCli, AFileNameThatIsNotUtf8IsReadAndShownAsUtf8) {
  SKIP_WITHOUT_SHARED();
  test::TempDir dir;
  std::filesystem::create_directory(dir / "in");
  test::write_file(
      dir / "in" / "Kati-\xE9t\xE9.txt",
      "Des hommes armés ont tué trois soldats lundi à Kati, selon l'armée malienne.\n");
  test::write_file(dir / "in" / "z.txt",
                   "Gunmen killed three soldiers in Kano on Monday, police said.\n");
  const std::string db = " --db " + quoted(dir / "s.db");
  auto r = run_vigie("ingest" + data_option() + db + " " + quoted(dir / "in"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("2 documents stored"), std::string::npos) << r.err;
  for (const char* command : {"query --format jsonl", "query --format csv"}) {
    r = run_vigie(std::string(command) + db);
    EXPECT_EQ(r.exit_code, 0) << command << ": " << r.err;
    EXPECT_FALSE(utf8::first_invalid_byte(r.out)) << command;
    EXPECT_NE(r.out.find("Kati-\uFFFDt\uFFFD.txt"), std::string::npos) << command << ": " << r.out;
  }
  r = run_vigie("extract --format jsonl" + data_option() + " " + quoted(dir / "in"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(utf8::first_invalid_byte(r.out));
  EXPECT_NE(r.out.find("Kati-\uFFFDt\uFFFD.txt"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("z.txt"), std::string::npos) << r.out;
}

// A feed of `n` distinct articles (the development-set texts, each copy numbered).
std::filesystem::path write_feed(const std::filesystem::path& dir, int n) {
  std::vector<std::string> texts;
  for (const char* lang : {"fr", "en"}) {
    for (const auto& e :
         std::filesystem::directory_iterator(test::source_dir() / "tests/devset" / lang)) {
      if (e.path().extension() == ".txt") texts.push_back(test::read_file(e.path()));
    }
  }
  std::sort(texts.begin(), texts.end());
  std::string feed;
  for (int k = 0; k < n; ++k) {
    nlohmann::json line = {{"id", "copy-" + std::to_string(k)},
                           {"published", "2023-06-15"},
                           {"text", texts[k % texts.size()] + "\n\n(" + std::to_string(k) + ")\n"}};
    feed += line.dump() + "\n";
  }
  const auto path = dir / "feed.jsonl";
  test::write_file(path, feed);
  return path;
}

pid_t spawn_ingest(const std::filesystem::path& db, const std::filesystem::path& feed,
                   const std::filesystem::path& log) {
  const std::string binary = VIGIE_BINARY;
  const std::string data = test::test_data_dir().string();
  std::vector<std::string> args = {binary,      "ingest", "-j", "1",          "--db",
                                   db.string(), "--data", data, feed.string()};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_APPEND, 0644);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  return rc == 0 ? pid : -1;
}

std::int64_t stored_documents(const std::filesystem::path& db) {
  if (!std::filesystem::exists(db)) return 0;
  try {
    SQLite::Database d(db.string(), SQLite::OPEN_READONLY, 5000);
    return d.execAndGet("SELECT COUNT(*) FROM documents").getInt64();
  } catch (const SQLite::Exception&) {
    return 0;  // not created yet
  }
}

// Waits until the running ingest has committed at least `at_least` documents; false if it ended.
bool wait_for_documents(pid_t pid, const std::filesystem::path& db, std::int64_t at_least) {
  for (int k = 0; k < 6000; ++k) {
    if (stored_documents(db) >= at_least) return true;
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

TEST(StoreCli, AKilledOrInterruptedIngestLosesNothingAndResumes) {
  SKIP_WITHOUT_SHARED();
  test::TempDir dir;
  constexpr int kDocuments = 160;
  const auto feed = write_feed(dir.path(), kDocuments);
  const auto db = dir / "events.db";
  const auto log = dir / "ingest.log";

  // kill -9 once some documents are committed.
  pid_t pid = spawn_ingest(db, feed, log);
  ASSERT_GT(pid, 0);
  ASSERT_TRUE(wait_for_documents(pid, db, 10)) << test::read_file(log);
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status));
  const auto after_kill = stored_documents(db);
  EXPECT_GE(after_kill, 10);
  EXPECT_LT(after_kill, kDocuments);
  {
    SQLite::Database d(db.string(), SQLite::OPEN_READWRITE);
    EXPECT_EQ(d.execAndGet("PRAGMA integrity_check").getString(), "ok");
  }

  // Ctrl-C: what is in flight is finished and committed, then it stops with a message.
  pid = spawn_ingest(db, feed, log);
  ASSERT_GT(pid, 0);
  ASSERT_TRUE(wait_for_documents(pid, db, after_kill + 10)) << test::read_file(log);
  ASSERT_EQ(kill(pid, SIGINT), 0);
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status)) << test::read_file(log);
  EXPECT_EQ(WEXITSTATUS(status), 1);
  EXPECT_NE(test::read_file(log).find("interrupted; what is stored stays"), std::string::npos);
  EXPECT_GT(stored_documents(db), after_kill);

  // The last run finishes the feed; the store is what one uninterrupted run makes.
  auto r = run_vigie("ingest -j 1 --db " + quoted(db) + data_option() + " " + quoted(feed));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(stored_documents(db), kDocuments);
  const auto once = dir / "once.db";
  r = run_vigie("ingest -j 1 --db " + quoted(once) + data_option() + " " + quoted(feed));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto resumed = run_vigie("query --format jsonl --db " + quoted(db));
  const auto single = run_vigie("query --format jsonl --db " + quoted(once));
  EXPECT_FALSE(single.out.empty());
  EXPECT_EQ(resumed.out, single.out);
  EXPECT_EQ(run_vigie("query --incidents --format jsonl --db " + quoted(db)).out,
            run_vigie("query --incidents --format jsonl --db " + quoted(once)).out);
}

// Several ingests on different machines share one PostgreSQL store: here three processes take
// the same feed at once. Each article is stored once, and the records and incidents are those of
// a single ingest of the feed into SQLite.
TEST(StoreCli, ConcurrentIngestsIntoPostgresqlStoreEachArticleOnce) {
  SKIP_WITHOUT_SHARED();
  std::string why;
  const auto url = test::fresh_postgres_database(why);
  if (!url) GTEST_SKIP() << why;
  test::TempDir dir;
  constexpr int kDocuments = 60;
  const auto feed = write_feed(dir.path(), kDocuments);
  std::vector<pid_t> ingests;
  for (int k = 0; k < 3; ++k) {
    ingests.push_back(spawn_ingest(*url, feed, dir / ("ingest" + std::to_string(k) + ".log")));
    ASSERT_GT(ingests.back(), 0);
  }
  for (std::size_t k = 0; k < ingests.size(); ++k) {
    int status = 0;
    ASSERT_EQ(waitpid(ingests[k], &status, 0), ingests[k]);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
        << test::read_file(dir / ("ingest" + std::to_string(k) + ".log"));
  }
  const auto shared = nlohmann::json::parse(run_vigie("stats --json --db '" + *url + "'").out);
  const auto once = dir / "once.db";
  auto r = run_vigie("ingest -j 1 -q --db " + quoted(once) + data_option() + " " + quoted(feed));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto single = nlohmann::json::parse(run_vigie("stats --json --db " + quoted(once)).out);
  EXPECT_EQ(shared["events"], single["events"]);
  EXPECT_EQ(shared["incidents"], single["incidents"]);
  std::int64_t stored = 0;
  {
    pqxx::connection c(*url);
    pqxx::read_transaction tx(c);
    stored = tx.exec("SELECT COUNT(*) FROM documents")[0][0].as<std::int64_t>();
    EXPECT_EQ(tx.exec("SELECT COUNT(*) FROM (SELECT document_id, event_key FROM events GROUP BY 1, "
                      "2 HAVING COUNT(*) > 1) d")[0][0]
                  .as<std::int64_t>(),
              0);
  }
  EXPECT_EQ(stored, kDocuments);
}

}  // namespace
}  // namespace vigie
