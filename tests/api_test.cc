// The HTTP API through real HTTP on loopback: a server on a free port over a fresh store, fed the
// cross-article sets of tests/incidents with POST /documents, then read as a client would.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "api/api_server.h"
#include "test_support.h"
#include "util/utf8.h"

namespace vigie {
namespace {

using json = nlohmann::json;

class RunningServer {
 public:
  explicit RunningServer(ApiOptions options) : server_(std::move(options)) {
    port_ = server_.bind("127.0.0.1", 0);
    thread_ = std::thread([this] { server_.listen(); });
    for (int k = 0; k < 500 && !server_.is_running(); ++k) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  ~RunningServer() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }
  httplib::Client client() const { return httplib::Client("127.0.0.1", port_); }

 private:
  ApiServer server_;
  int port_ = -1;
  std::thread thread_;
};

// A socket connected to 127.0.0.1:port, or -1.
int connect_to(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// The status at the start of what the server wrote on `fd` until it closed the connection
// ("HTTP/1.1 408 Request Timeout"); -1 when it wrote none.
int answer_status(int fd) {
  std::string answer;
  char buffer[4096];
  for (ssize_t n;
       answer.find("\r\n") == std::string::npos && (n = recv(fd, buffer, sizeof buffer, 0)) > 0;)
    answer.append(buffer, static_cast<std::size_t>(n));
  return answer.size() > 12 && answer.rfind("HTTP/1.", 0) == 0 ? std::atoi(answer.c_str() + 9) : -1;
}

// The status of the answer to a request written as is, in one write, to 127.0.0.1:port; -1 when
// none came.
int raw_status(int port, const std::string& request) {
  const int fd = connect_to(port);
  if (fd < 0) return -1;
  int status = -1;
  if (send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
      static_cast<ssize_t>(request.size()))
    status = answer_status(fd);
  close(fd);
  return status;
}

json get(const httplib::Client& c, const std::string& path, int expected_status = 200) {
  auto& client = const_cast<httplib::Client&>(c);
  auto res = client.Get(path);
  if (!res) {
    ADD_FAILURE() << "no answer to GET " << path;
    return {};
  }
  EXPECT_EQ(res->status, expected_status) << path << ": " << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json") << path;
  return json::parse(res->body, nullptr, false);
}

// A store filled through the API with every article of tests/incidents.
struct Fixture {
  test::TempDir dir;
  std::unique_ptr<Pipeline> pipeline = test::pipeline_with_gazetteer(std::nullopt);
  std::unique_ptr<RunningServer> server;

  explicit Fixture(std::size_t max_body = 10u << 20, std::size_t max_part = 1u << 20) {
    if (!pipeline) return;
    ApiOptions o;
    o.db = (dir / "api.db").string();
    o.pipeline = pipeline.get();
    o.max_body_bytes = max_body;
    o.max_text_part_bytes = max_part;
    o.allow_writes = true;
    server = std::make_unique<RunningServer>(o);
  }

  void ingest_sets() {
    auto client = server->client();
    for (const char* set : {"sebba-attack", "bandiagara-bus", "djibo-week-apart", "same-day-far"}) {
      std::ifstream in(test::source_dir() / "tests/incidents" / set / "articles.jsonl");
      for (std::string line; std::getline(in, line);) {
        auto res = client.Post("/documents", line, "application/json");
        ASSERT_TRUE(res);
        ASSERT_EQ(res->status, 201) << res->body;
      }
    }
  }
};

// What a page of another site, a rebound DNS name or a careless client may not do: write
// without leave, read across origins, send a chunked body the size limit cannot count.
TEST(HttpApi, WritesNeedLeaveAndOtherOriginsAndNamesAreRefused) {
  SKIP_WITHOUT_SHARED();
  auto pipeline = test::pipeline_with_gazetteer(std::nullopt);
  if (!pipeline) GTEST_SKIP() << "no gazetteer inputs";
  test::TempDir dir;
  const std::string article = R"({"id": "a", "text": "Des hommes armés ont tué six civils à Djibo.",
                                  "published": "2024-05-14", "lang": "fr"})";
  auto status = [](const httplib::Result& r) { return r ? r->status : -1; };

  ApiOptions closed;
  closed.db = (dir / "closed.db").string();
  closed.pipeline = pipeline.get();
  RunningServer read_only(closed);
  auto client = read_only.client();
  EXPECT_EQ(status(client.Post("/documents", article, "application/json")), 403);
  EXPECT_EQ(status(client.Post("/extract", article, "application/json")), 200);  // a preview
  EXPECT_EQ(get(client, "/config.json")["writes"], false);
  // Another site's page, through the visitor's browser: its Origin is not this server's.
  httplib::Headers evil = {{"Origin", "http://evil.example"}};
  EXPECT_EQ(status(client.Post("/extract", evil, article, "text/plain")), 403);
  EXPECT_EQ(status(client.Get("/events", evil)), 403);
  const std::string own = "http://127.0.0.1:" + std::to_string(read_only.port());
  EXPECT_EQ(status(client.Get("/events", {{"Origin", own}})), 200);
  // DNS rebinding: another name for this loopback server.
  EXPECT_EQ(status(client.Get("/events", {{"Host", "evil.example"}})), 403);
  EXPECT_EQ(status(client.Get("/events", {{"Host", "localhost:8080"}})), 200);
  // A chunked body: refused before it is read. The request goes out in one write, so that the
  // refusal cannot race the client's later writes (httplib's client writes the chunks apart,
  // and a server that answers and closes first may reset them and lose its answer).
  std::ostringstream hex;
  hex << std::hex << article.size();
  EXPECT_EQ(raw_status(read_only.port(),
                       "POST /extract HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                       "Content-Type: application/json\r\n"
                       "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" +
                           hex.str() + "\r\n" + article + "\r\n0\r\n\r\n"),
            411);

  ApiOptions guarded = closed;
  guarded.db = (dir / "guarded.db").string();
  guarded.token = "a-secret-of-some-length";
  RunningServer with_token(guarded);
  auto writer = with_token.client();
  EXPECT_EQ(status(writer.Post("/documents", article, "application/json")), 401);
  EXPECT_EQ(status(writer.Post("/documents", {{"Authorization", "Bearer a-secret-of-some-lengtX"}},
                               article, "application/json")),
            401);
  EXPECT_EQ(status(writer.Post("/documents", {{"Authorization", "Bearer a-secret-of-some-length"}},
                               article, "application/json")),
            201);
  EXPECT_EQ(get(writer, "/config.json")["writes"], false);  // the web page has no token

  // Behind a reverse proxy that passes the visitor's Host on: the names given are answered.
  ApiOptions proxied = closed;
  proxied.db = (dir / "proxied.db").string();
  proxied.public_names = {"vigie.example.org"};
  RunningServer behind_proxy(proxied);
  auto visitor = behind_proxy.client();
  EXPECT_EQ(status(visitor.Get("/events", {{"Host", "vigie.example.org"},
                                           {"Origin", "https://vigie.example.org"}})),
            200);
  EXPECT_EQ(status(visitor.Get("/events", {{"Host", "other.example.org"}})), 403);
}

TEST(HttpApi, DocumentsAreStoredOnceAndQueriedWithFiltersAndPages) {
  SKIP_WITHOUT_SHARED();
  Fixture f;
  ASSERT_TRUE(f.server);
  f.ingest_sets();
  auto client = f.server->client();

  // The same article again: 200, nothing added.
  std::ifstream in(test::source_dir() / "tests/incidents/sebba-attack/articles.jsonl");
  std::string line;
  std::getline(in, line);
  auto again = client.Post("/documents", line, "application/json");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
  EXPECT_EQ(json::parse(again->body)["added"], false);

  auto all = get(client, "/events");
  EXPECT_EQ(all["total"], 11);
  EXPECT_EQ(all["limit"], 100);
  auto page = get(client, "/events?limit=4&offset=8");
  EXPECT_EQ(page["total"], 11);
  ASSERT_EQ(page["events"].size(), 3u);
  EXPECT_EQ(page["events"][0]["event_id"], all["events"][8]["event_id"]);
  EXPECT_EQ(get(client, "/events?country=ML")["total"], 3);
  EXPECT_EQ(get(client, "/events?actor=JNIM&from=2024-03-01&to=2024-03-31")["total"], 1);
  EXPECT_EQ(get(client, "/events?near=14.1008,-1.6280,10")["total"], 3);
  EXPECT_EQ(get(client, "/events?text=Sebba")["total"], 4);
  EXPECT_EQ(get(client, "/events?type=Violence%20against%20civilians")["total"], 2);
  EXPECT_EQ(get(client, "/incidents")["total"], 6);

  // Parameters are data, never SQL or FTS syntax.
  EXPECT_EQ(get(client, "/events?actor=%27%20OR%201%3D1%20--")["total"], 0);
  EXPECT_EQ(get(client, "/events?text=%22%20OR%20*")["total"], 0);

  // Map points: every record with coordinates, in the order of /events, a few fields each.
  auto points = get(client, "/points?country=BF");
  EXPECT_EQ(points["total"], 8);
  auto bf = get(client, "/events?country=BF");
  std::vector<std::int64_t> placed;
  for (const auto& e : bf["events"]) {
    if (e["location"].is_object() && !e["location"]["lat"].is_null()) {
      placed.push_back(e["store"]["event_id"]);
    }
  }
  ASSERT_EQ(points["points"].size(), placed.size());
  ASSERT_GT(placed.size(), 0u);
  const auto fields = points["fields"].get<std::vector<std::string>>();
  EXPECT_EQ(fields, (std::vector<std::string>{"id", "lat", "lon", "event_type", "date", "location",
                                              "fatalities"}));
  for (std::size_t i = 0; i < placed.size(); ++i) EXPECT_EQ(points["points"][i][0], placed[i]);
  for (const auto& e : bf["events"]) {
    if (e["store"]["event_id"] != placed[0]) continue;
    EXPECT_EQ(points["points"][0][1], e["location"]["lat"]);
    EXPECT_EQ(points["points"][0][2], e["location"]["lon"]);
    EXPECT_EQ(points["points"][0][3], e["event_type"]);
    EXPECT_EQ(points["points"][0][5], e["location"]["name"]);
  }
  EXPECT_EQ(get(client, "/points?country=BF&limit=2")["points"].size(), 2u);
  // Or one point per incident: the Bandiagara bus, told by three articles.
  auto mali = get(client, "/points?of=incidents&country=ML");
  EXPECT_EQ(mali["total"], 1);
  ASSERT_EQ(mali["points"].size(), 1u);
  const auto incident_fields = mali["fields"].get<std::vector<std::string>>();
  EXPECT_EQ(incident_fields.back(), "reports");
  EXPECT_EQ(mali["points"][0].back(), 3);
  EXPECT_EQ(mali["points"][0][0],
            get(client, "/incidents?country=ML")["incidents"][0]["incident_id"]);
  EXPECT_EQ(get(client, "/points?of=incidents")["total"], 6);
  get(client, "/points?of=people", 400);
  get(client, "/points?limit=20001", 400);

  auto stats = get(client, "/stats?by=month,type&country=BF");
  EXPECT_EQ(stats["events"], 8);
  EXPECT_EQ(stats["incidents"], 5);
  ASSERT_TRUE(stats.contains("by_month"));
  ASSERT_TRUE(stats.contains("by_type"));
}

// The words at [start, end) code points of `text`.
std::string code_points(const std::string& text, std::uint64_t start, std::uint64_t end) {
  std::size_t pos = 0, begin = 0;
  for (std::uint64_t k = 0; k < end && pos < text.size(); ++k) {
    if (k == start) begin = pos;
    utf8::decode(text, pos);
  }
  return text.substr(begin, pos - begin);
}

TEST(HttpApi, AnEventComesWithItsEvidenceItsArticleAndItsIncident) {
  SKIP_WITHOUT_SHARED();
  Fixture f;
  ASSERT_TRUE(f.server);
  f.ingest_sets();
  auto client = f.server->client();
  const auto list = get(client, "/events?actor=JNIM");
  ASSERT_EQ(list["events"].size(), 1u);
  const auto id = list["events"][0]["store"]["event_id"].get<std::int64_t>();
  const auto one = get(client, "/events/" + std::to_string(id));
  const std::string text = one["document"]["text"];
  EXPECT_EQ(one["document"]["doc_id"], "sebba-claim-fr");
  ASSERT_FALSE(one["evidence"].empty());
  for (const auto& e : one["evidence"]) {
    EXPECT_EQ(code_points(text, e["span"][0], e["span"][1]), e["text"].get<std::string>())
        << e.dump();
  }
  const auto& loc = one["event"]["location"]["span"];
  EXPECT_EQ(code_points(text, loc[0], loc[1]), "Sebba");
  EXPECT_EQ(one["incident"]["documents"], 4);
  EXPECT_EQ(one["incident"]["competing"], true);

  const auto incident_id = one["incident"]["incident_id"].get<std::int64_t>();
  const auto incident = get(client, "/incidents/" + std::to_string(incident_id));
  EXPECT_EQ(incident["events"].size(), 4u);
  const auto doc = get(client, "/documents/" + one["event"]["store"]["document_id"].dump());
  EXPECT_EQ(doc["source"], "Le Monde Afrique");
}

// A long text is read in parts as the CLI reads long files (memory follows the part, not the
// text): the events of every part come back, their evidence offsets count from the start of the
// whole text, and /documents stores each part once.
TEST(HttpApi, ALongTextIsProcessedInPartsWithOffsetsIntoTheWholeText) {
  SKIP_WITHOUT_SHARED();
  Fixture f(10u << 20, 300);
  ASSERT_TRUE(f.server);
  auto client = f.server->client();
  const std::vector<std::string> reports = {
      "Gunmen attacked a police post in Kano on Monday, killing three officers, police said.",
      "Soldiers clashed with militants near Maiduguri on Tuesday; two soldiers were killed.",
      "Protesters marched peacefully in Abuja on Wednesday to demand higher wages.",
  };
  std::string text;
  for (int round = 1; round <= 4; ++round) {  // rounds numbered: no two parts are the same
    for (const auto& report : reports)
      text += "Report " + std::to_string(round) + ". " + report + "\n\n";
  }
  ASSERT_GT(text.size(), 3 * 300u);  // four parts at least
  auto res = client.Post("/extract?published=2024-03-04&id=long", text, "text/plain");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const json answer = json::parse(res->body);
  EXPECT_EQ(answer["document"]["id"], "long");
  EXPECT_GE(answer["document"]["parts"].get<int>(), 4);
  EXPECT_EQ(answer["document"]["text"], text);
  // Every report of every round, wherever the cuts fell: each text of the twelve found once.
  std::multiset<std::string> evidence;
  for (const auto& e : answer["events"]) {
    ASSERT_FALSE(e["evidence"].empty());
    const std::size_t start = e["evidence"][0]["start"], end = e["evidence"][0]["end"];
    ASSERT_LE(end, text.size());  // the text is ASCII: code points are bytes
    evidence.insert(text.substr(start, end - start));
  }
  for (const auto& report : reports) EXPECT_EQ(evidence.count(report), 4u) << report;

  auto stored = client.Post("/documents?published=2024-03-04&id=long", text, "text/plain");
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->status, 201) << stored->body;
  const json outcome = json::parse(stored->body);
  EXPECT_EQ(outcome["parts"].size(), answer["document"]["parts"].get<std::size_t>());
  EXPECT_EQ(outcome["events"], answer["events"].size());
  EXPECT_EQ(get(client, "/events")["total"], answer["events"].size());
  std::set<int> ids;
  for (const auto& part : outcome["parts"]) {
    EXPECT_EQ(part["added"], true);
    ids.insert(part["document_id"].get<int>());
    get(client, "/documents/" + std::to_string(part["document_id"].get<int>()));
  }
  EXPECT_EQ(ids.size(), outcome["parts"].size());
}

TEST(HttpApi, BadRequestsGetAJsonErrorWithTheRightStatus) {
  SKIP_WITHOUT_SHARED();
  Fixture f(4096);
  ASSERT_TRUE(f.server);
  auto client = f.server->client();
  auto error = get(client, "/events?near=1,2", 400);
  EXPECT_EQ(error["status"], 400);
  EXPECT_NE(error["error"].get<std::string>().find("LAT,LON,KM"), std::string::npos);
  EXPECT_EQ(get(client, "/events?colour=red", 400)["error"], "unknown filter 'colour'");
  EXPECT_EQ(get(client, "/incidents?by=month", 400)["error"], "unknown filter 'by'");  // /stats'
  EXPECT_EQ(get(client, "/stats?limit=5", 400)["error"], "unknown parameter 'limit'");
  EXPECT_NE(get(client, "/events?limit=5000", 400)["error"].get<std::string>().find("1 to 1000"),
            std::string::npos);
  get(client, "/stats?by=decade", 400);
  get(client, "/events/987654", 404);
  get(client, "/events/99999999999999999999999", 404);
  get(client, "/incidents/5", 404);
  EXPECT_EQ(get(client, "/nowhere", 404)["error"], "no such route: GET /nowhere");

  auto post = [&](const std::string& body, const char* type) {
    auto res = client.Post("/extract", body, type);
    EXPECT_TRUE(res);
    return res ? std::make_pair(res->status, json::parse(res->body, nullptr, false))
               : std::make_pair(0, json());
  };
  auto [status, body] = post(std::string(5000, 'a'), "text/plain");
  EXPECT_EQ(status, 413);
  std::tie(status, body) = post("Des hommes armés \xff\xfe ont tué", "text/plain");
  EXPECT_EQ(status, 400);
  EXPECT_NE(body["error"].get<std::string>().find("UTF-8"), std::string::npos) << body.dump();
  std::tie(status, body) = post("{\"title\": \"no text\"}", "application/json");
  EXPECT_EQ(status, 400);
  EXPECT_NE(body["error"].get<std::string>().find("no 'text' or 'html'"), std::string::npos);
  std::tie(status, body) = post("{not json", "application/json");
  EXPECT_EQ(status, 400);
  std::tie(status, body) = post("x", "image/png");
  EXPECT_EQ(status, 400);
  EXPECT_NE(body["error"].get<std::string>().find("Content-Type"), std::string::npos);

  // Extraction itself: the events of one article and the text their offsets count in.
  std::tie(status, body) =
      post("Des hommes armés ont tué six civils dimanche à Djibo, au Burkina Faso.", "text/plain");
  EXPECT_EQ(status, 200) << body.dump();
  ASSERT_EQ(body["events"].size(), 1u);
  EXPECT_EQ(body["events"][0]["location"]["name"], "Djibo");
  EXPECT_EQ(body["events"][0]["fatalities"]["best"], 6);
  EXPECT_EQ(body["document"]["lang"], "fr");
  EXPECT_EQ(get(client, "/events")["total"], 0);  // /extract stores nothing
}

TEST(HttpApi, BytesThatAreNotUtf8InAPathOrParameterGetAnErrorAndTheServerStaysUp) {
  SKIP_WITHOUT_SHARED();
  Fixture f;
  ASSERT_TRUE(f.server);
  auto client = f.server->client();
  // Each of these once made the error message itself unserialisable, and the server abort.
  get(client, "/%ff", 404);
  get(client, "/events?country=%ff", 400);
  get(client, "/events?%ff=1", 400);
  get(client, "/events?q=%c3%28", 400);
  auto res = client.Post("/extract", std::string("{\"text\": \"a \xff b\"}"), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400) << res->body;
  // Offsets past any store's range are a bad request, not an internal error.
  get(client, "/events?offset=18446744073709551615", 400);
  // Still answering.
  EXPECT_EQ(get(client, "/events")["total"], 0);
}

TEST(HttpApi, TheOpenApiDescriptionCoversEveryRoute) {
  SKIP_WITHOUT_SHARED();
  Fixture f;
  ASSERT_TRUE(f.server);
  auto client = f.server->client();
  const auto spec = get(client, "/openapi.json");
  EXPECT_EQ(spec["openapi"], "3.0.3");
  for (const char* path : {"/extract", "/documents", "/documents/{id}", "/events", "/events/{id}",
                           "/incidents", "/incidents/{id}", "/stats", "/openapi.json"}) {
    EXPECT_TRUE(spec["paths"].contains(path)) << path;
  }
  // Every path the description gives for GET answers (ids: 404 with a JSON error, not "no route").
  for (const auto& [path, item] : spec["paths"].items()) {
    if (!item.contains("get")) continue;
    // An id in the path is asked as 1 (built by appending: GCC 12 warns falsely on replace()).
    std::string concrete;
    const auto brace = path.find("{id}");
    concrete.append(path, 0, brace);
    if (brace != std::string::npos) concrete += "1";
    auto res = client.Get(concrete);
    ASSERT_TRUE(res) << concrete;
    EXPECT_TRUE(res->status == 200 || res->status == 404) << concrete;
    EXPECT_EQ(json::parse(res->body).value("error", "").find("no such route"), std::string::npos)
        << concrete;
  }
}

// Slow clients ("slowloris": a header line now and then, for ever) and bloated heads hold no
// worker for long: more slow connections than workers, and a quick client still gets its answer.
TEST(HttpApi, SlowClientsAreCutAndBloatedHeadsRefusedWhileOthersAreServed) {
  test::TempDir dir;
  ApiOptions o;
  o.db = (dir / "slow.db").string();
  o.workers = 4;
  o.limits.head_timeout = std::chrono::milliseconds(300);
  o.limits.request_timeout = std::chrono::milliseconds(300);
  RunningServer server(o);
  ASSERT_GT(server.port(), 0);

  // Eight slow clients, twice the workers, each writing a header line every 100 ms until told
  // to stop: without deadlines they would hold every worker as long as they like.
  std::atomic<bool> done{false};
  std::vector<int> statuses(8, 0);
  std::vector<std::thread> slow;
  for (std::size_t k = 0; k < statuses.size(); ++k) {
    slow.emplace_back([&, k] {
      const int fd = connect_to(server.port());
      if (fd < 0) return;
      std::string line = "GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n";
      for (int n = 0; !done && n < 300 &&
                      send(fd, line.data(), line.size(), MSG_NOSIGNAL) == ssize_t(line.size());
           ++n) {
        line = "X-Slow-" + std::to_string(n) + ": 1\r\n";
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      statuses[k] = answer_status(fd);
      close(fd);
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the slow ones hold the workers
  auto client = server.client();
  client.set_read_timeout(20, 0);
  auto res = client.Get("/events");
  done = true;
  for (auto& t : slow) t.join();
  ASSERT_TRUE(res) << "a quick client got no answer while slow ones were connected";
  EXPECT_EQ(res->status, 200);
  for (int status : statuses) EXPECT_EQ(status, 408);

  // A body trickled in after a quick head is cut too: the connection closes without an answer.
  {
    const int fd = connect_to(server.port());
    ASSERT_GE(fd, 0);
    const std::string head =
        "POST /extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
        "Content-Length: 1000\r\n\r\nabc";
    ASSERT_EQ(send(fd, head.data(), head.size(), MSG_NOSIGNAL), ssize_t(head.size()));
    EXPECT_EQ(answer_status(fd), -1);  // returns once the server has closed the connection
    close(fd);
  }

  // Heads too large or with too many fields are refused before they are parsed.
  std::string many = "GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (int n = 0; n < 150; ++n) many += "X-Field-" + std::to_string(n) + ": 1\r\n";
  EXPECT_EQ(raw_status(server.port(), many + "\r\n"), 431);
  EXPECT_EQ(raw_status(server.port(), "GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " +
                                          std::string(20000, 'x') + "\r\n\r\n"),
            431);
  EXPECT_EQ(client.Get("/events")->status, 200);  // and the server goes on
}

TEST(HttpApi, ConcurrentReadersAllGetAnswers) {
  SKIP_WITHOUT_SHARED();
  Fixture f;
  ASSERT_TRUE(f.server);
  f.ingest_sets();
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&] {
      auto client = f.server->client();
      for (int k = 0; k < 25; ++k) {
        auto res = client.Get("/events?country=BF&limit=5");
        if (res && res->status == 200 && json::parse(res->body)["total"] == 8) ++ok;
      }
    });
  }
  for (auto& t : clients) t.join();
  EXPECT_EQ(ok.load(), 100);
}

}  // namespace
}  // namespace vigie
