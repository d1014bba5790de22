#include "api/api_server.h"

#include <httplib.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <iomanip>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "api/connection_guard.h"
#include "api/httplib_connection.h"
#include "api/openapi.h"
#include "api/request_document.h"
#include "input/text_parts.h"
#include "output/event_json.h"
#include "pipeline/pipeline.h"
#include "store/event_filter.h"
#include "store/event_store.h"
#include "store/stored_json.h"
#include "text/folding.h"

namespace vigie {

namespace {

using json = nlohmann::ordered_json;

// A request that cannot be answered as asked: becomes {"error", "status"} with that status.
struct HttpError {
  int status;
  std::string message;
};

void send_json(httplib::Response& res, const json& body, int status = 200) {
  res.status = status;
  // Requests may carry any bytes, and error messages quote them: bytes that are not UTF-8 are
  // written as U+FFFD rather than make the answer, and the server, fail.
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, {{"error", message}, {"status", status}}, status);
}

std::int64_t path_id(const httplib::Request& req) {
  const std::string& s = req.matches[1];
  std::int64_t id = 0;
  for (char c : s) {
    if (id > (INT64_MAX - 9) / 10) throw HttpError{404, "no such id: " + s};
    id = id * 10 + (c - '0');
  }
  return id;
}

// Store connections lent to one request at a time, at most `most` open: SQLite connections are
// not shared between threads at once (WAL lets readers run beside the one writer), and a
// PostgreSQL server takes only so many connections, however many workers wait on clients.
class StorePool {
 public:
  StorePool(std::string location, std::size_t most)
      : location_(std::move(location)), most_(std::max<std::size_t>(most, 1)) {}

  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<EventStore> store)
        : pool_(pool), store_(std::move(store)) {}
    ~Lease() { pool_.give_back(std::move(store_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    EventStore& operator*() { return *store_; }
    EventStore* operator->() { return store_.get(); }

   private:
    StorePool& pool_;
    std::unique_ptr<EventStore> store_;
  };

  Lease lease() {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [this] { return !idle_.empty() || open_ < most_; });
    if (!idle_.empty()) {
      auto store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(store));
    }
    ++open_;
    lock.unlock();
    try {
      return Lease(*this, open_event_store(location_));
    } catch (...) {
      std::lock_guard again(mutex_);
      --open_;
      returned_.notify_one();
      throw;
    }
  }

 private:
  void give_back(std::unique_ptr<EventStore> store) {
    {
      std::lock_guard lock(mutex_);
      idle_.push_back(std::move(store));
    }
    returned_.notify_one();
  }

  std::string location_;
  std::size_t most_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::size_t open_ = 0;
  std::vector<std::unique_ptr<EventStore>> idle_;
};

// cpp-httplib's server with every connection guarded (api/connection_guard.h): its request head
// whole and within limits before any of it is parsed, one request per connection, and deadlines
// whenever the server waits on the client.
class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(const ConnectionLimits& limits)
      : limits_(limits), watch_(limits.request_timeout) {
    set_keep_alive_max_count(1);  // each request's head is checked, so each comes on its own
  }

  // While a route works on a request: the server's turn, no deadline.
  class Handling {
   public:
    explicit Handling(GuardedServer& server) : server_(server) {
      if (ticket_) server_.watch_.handling(ticket_);
    }
    ~Handling() {
      if (ticket_) server_.watch_.waiting_again(ticket_);
    }
    Handling(const Handling&) = delete;
    Handling& operator=(const Handling&) = delete;

   private:
    GuardedServer& server_;
  };

 private:
  bool process_and_close_socket(socket_t socket) override {
    const HeadVerdict verdict = await_request_head(socket, limits_);
    if (verdict != HeadVerdict::Complete) {
      if (verdict != HeadVerdict::Closed) refuse(socket, head_refusal(verdict));
      ::shutdown(socket, SHUT_RDWR);
      ::close(socket);
      return false;
    }
    ticket_ = watch_.watch(socket);
    const bool served = serve_connection(*this, socket);
    watch_.forget(ticket_);
    ticket_ = 0;
    return served;
  }

  static void refuse(socket_t socket, const std::pair<int, std::string>& refusal) {
    const std::string body =
        json{{"error", refusal.second}, {"status", refusal.first}}.dump() + "\n";
    const std::string answer =
        "HTTP/1.1 " + std::to_string(refusal.first) +
        (refusal.first == 408 ? " Request Timeout" : " Request Header Fields Too Large") +
        "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
        "\r\nConnection: close\r\n\r\n" + body;
    [[maybe_unused]] const auto sent = ::send(socket, answer.data(), answer.size(), MSG_NOSIGNAL);
    // A close with unread bytes resets the connection, and the client may lose the answer with
    // them: say that nothing more comes, and read what the client still sends, for a moment.
    ::shutdown(socket, SHUT_WR);
    char sink[4096];
    for (int k = 0; k < 16; ++k) {
      pollfd p{socket, POLLIN, 0};
      if (poll(&p, 1, 50) <= 0 || ::recv(socket, sink, sizeof sink, 0) <= 0) break;
    }
  }

  ConnectionLimits limits_;
  ConnectionWatch watch_;
  static thread_local std::uint64_t ticket_;  // the connection this worker serves
};

thread_local std::uint64_t GuardedServer::ticket_ = 0;

// "127.0.0.1:8080" → "127.0.0.1", "[::1]:80" → "::1", "localhost" → "localhost".
std::string host_name(std::string_view host) {
  if (!host.empty() && host.front() == '[') {
    const auto close = host.find(']');
    return lower(host.substr(1, close == std::string_view::npos ? 0 : close - 1));
  }
  if (std::count(host.begin(), host.end(), ':') > 1) return lower(host);  // "::1"
  return lower(host.substr(0, host.find(':')));
}

bool loopback_name(const std::string& name) {
  return name == "localhost" || name == "::1" || name.rfind("127.", 0) == 0;
}

// Equal strings, in a time that does not tell how many first bytes matched.
bool same_secret(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= a[i] ^ (i < b.size() ? b[i] : 0);
  return diff == 0;
}

}  // namespace

struct ApiServer::Impl {
  ApiOptions options;
  GuardedServer server;
  StorePool stores;
  std::mutex log_mutex;

  explicit Impl(ApiOptions o)
      : options(std::move(o)),
        server(options.limits),
        stores(options.db, options.max_store_connections) {
    for (auto& name : options.public_names) name = host_name(name);
    open_event_store(options.db);  // creates the store now, so a bad path fails at start
    server.set_tcp_nodelay(true);
    // The listening socket, to give it a longer queue once it listens: cpp-httplib's is 5
    // connections, and with one request per connection a burst of clients overflows it (a client
    // whose connection is dropped tries again a second later).
    server.set_socket_options([this](socket_t socket) {
      const int yes = 1;
      ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
      listening_socket = socket;
    });
    const std::size_t workers = options.workers;
    server.new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
    server.set_payload_max_length(options.max_body_bytes);
    routes();
    // Before any body is read or route runs: what no request may do, whatever its route.
    server.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (auto refusal = refused(req)) {
        send_error(res, refusal->status, refusal->message);
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    server.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
          try {
            std::rethrow_exception(ep);
          } catch (const HttpError& e) {
            send_error(res, e.status, e.message);
          } catch (const std::exception& e) {
            send_error(res, 500, e.what());
          } catch (...) {
            send_error(res, 500, "internal error");
          }
        });
    server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      if (res.status == 404) {
        send_error(res, 404, "no such route: " + req.method + " " + req.path);
      } else if (res.status == 413) {
        send_error(res, 413, "body larger than the server's limit");
      } else {
        send_error(res, res.status, "HTTP error " + std::to_string(res.status));
      }
    });
    if (options.request_log) {
      server.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        std::ostringstream line;
        line << req.remote_addr << " " << req.method << " " << req.target << " " << res.status
             << " " << res.body.size() << "\n";
        std::lock_guard lock(log_mutex);
        *options.request_log << line.str() << std::flush;
      });
    }
  }

  bool loopback = true;            // bound to a loopback address (set by bind)
  socket_t listening_socket = -1;  // set by bind

  std::optional<HttpError> refused(const httplib::Request& req) const {
    // The system cpp-httplib does not count a chunked body against the limit: such bodies are
    // refused; clients send Content-Length (every HTTP client does for a known body).
    if (lower(req.get_header_value("Transfer-Encoding")).find("chunked") != std::string::npos)
      return HttpError{411, "chunked request bodies are refused: send Content-Length"};
    // DNS rebinding: a page of another site whose name now points at this machine. A server on
    // a loopback address answers its loopback names only.
    const std::string host = req.get_header_value("Host");
    if (loopback && !host.empty() && !loopback_host(host) &&
        std::find(options.public_names.begin(), options.public_names.end(), host_name(host)) ==
            options.public_names.end())
      return HttpError{403, "Host '" + host +
                                "' refused: this server answers its loopback names"
                                " and those given with --public-name only"};
    // A page of another origin (a cross-site form or fetch): its browser says so.
    if (req.has_header("Origin")) {
      const std::string origin = req.get_header_value("Origin");
      const auto scheme = origin.find("://");
      const std::string origin_host =
          lower(scheme == std::string::npos ? origin : origin.substr(scheme + 3));
      if (host.empty() || origin_host != lower(host))
        return HttpError{403, "cross-origin request refused (Origin " + origin + ")"};
    }
    if (req.method == "POST" && req.path == "/documents") {
      if (options.token) {
        const std::string auth = req.get_header_value("Authorization");
        const std::string bearer = "Bearer ";
        if (auth.rfind(bearer, 0) != 0 || !same_secret(auth.substr(bearer.size()), *options.token))
          return HttpError{401, "writing needs the server's token: Authorization: Bearer <token>"};
      } else if (!options.allow_writes) {
        return HttpError{403, "writes are off: start vigie serve with --allow-writes or --token"};
      }
    }
    return std::nullopt;
  }

  // `paged`: limit and offset allowed, limit from 1 to `max_limit` (the page size by default).
  EventFilter filter_of(const httplib::Request& req, bool paged, std::size_t max_limit = 0,
                        std::size_t default_limit = 0) {
    if (max_limit == 0) max_limit = options.max_page;
    EventFilter f;
    f.limit = default_limit ? default_limit : options.default_page;
    for (const auto& [name, value] : req.params) {
      if (name == "by" && !paged) continue;  // the grouping of /stats, its only unpaged route
      if (name == "of" && req.path == "/points") continue;  // what /points gives
      if ((name == "limit" || name == "offset") && !paged) {
        throw HttpError{400, "unknown parameter '" + name + "'"};
      }
      if (auto error = set_filter_field(f, name, value)) throw HttpError{400, *error};
    }
    if (paged && (f.limit == 0 || f.limit > max_limit)) {
      throw HttpError{400, "limit: from 1 to " + std::to_string(max_limit)};
    }
    if (!paged) f.limit = 0;
    return f;
  }

  // The request's document, cut into parts as the CLI cuts long texts: a part's annotations
  // are let go before the next is read, so memory follows the part, not the text.
  std::vector<RawDocument> request_parts(const httplib::Request& req) const {
    if (!options.pipeline) throw HttpError{503, "this server was started without a pipeline"};
    RequestDocument r;
    r.content_type = req.get_header_value("Content-Type");
    r.body = req.body;
    r.published = req.get_param_value("published");
    r.lang = req.get_param_value("lang");
    r.id = req.get_param_value("id");
    InputItem item = request_document(r);
    if (auto* problem = std::get_if<InputProblem>(&item)) throw HttpError{400, problem->message};
    return cut_into_parts(std::move(std::get<RawDocument>(item)), options.max_text_part_bytes);
  }

  // Each part processed in turn and handed to `use`; parts that fail are listed. When every
  // part fails, the request does (422).
  template <typename Use>
  json process_parts(std::vector<RawDocument> parts, Use&& use) const {
    json problems = json::array();
    std::optional<std::string> first_problem;
    const std::size_t count = parts.size();
    for (auto& part : parts) {
      const std::size_t number = part.origin.part;
      ProcessedDocument processed = options.pipeline->process(std::move(part));
      if (processed.problem) {
        if (!first_problem) first_problem = processed.problem->message;
        problems.push_back({{"part", number}, {"message", processed.problem->message}});
        continue;
      }
      use(processed);
    }
    if (problems.size() == count) throw HttpError{422, *first_problem};
    return problems;
  }

  // Routes registered so that the watchdog knows when the server, not the client, has the turn.
  void get(const std::string& pattern, httplib::Server::Handler handler) {
    server.Get(pattern, [this, handler](const httplib::Request& req, httplib::Response& res) {
      GuardedServer::Handling turn(server);
      handler(req, res);
    });
  }
  void post(const std::string& pattern, httplib::Server::Handler handler) {
    server.Post(pattern, [this, handler](const httplib::Request& req, httplib::Response& res) {
      GuardedServer::Handling turn(server);
      handler(req, res);
    });
  }

  void routes() {
    get("/openapi.json", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(openapi_json()), "application/json");
    });

    post("/extract", [this](const httplib::Request& req, httplib::Response& res) {
      auto parts = request_parts(req);
      const std::size_t count = parts.size();
      // The whole document's id: a part's is "<id>#part<N>".
      const std::string id =
          count == 1 ? parts[0].meta.id : parts[0].meta.id.substr(0, parts[0].meta.id.rfind('#'));
      const std::optional<std::string> published = parts[0].meta.published;
      json events = json::array();
      std::string text, lang;
      const json problems = process_parts(std::move(parts), [&](const ProcessedDocument& p) {
        for (const auto& e : p.events) events.push_back(to_json(e));
        text += p.doc->text();
        if (lang.empty()) lang = p.doc->language.code;
      });
      json document = {{"id", id},
                       {"lang", lang},
                       {"published", published ? json(*published) : json()},
                       {"text", std::move(text)}};
      if (count > 1) document["parts"] = count;
      json answer = {{"document", std::move(document)}, {"events", std::move(events)}};
      if (!problems.empty()) answer["problems"] = problems;
      send_json(res, answer);
    });

    post("/documents", [this](const httplib::Request& req, httplib::Response& res) {
      auto parts = request_parts(req);
      const std::size_t count = parts.size();
      json stored = json::array();
      bool any_added = false;
      std::size_t events = 0, new_incidents = 0, joined_incidents = 0;
      const json problems = process_parts(std::move(parts), [&](const ProcessedDocument& p) {
        const auto outcome = stores.lease()->add_document(*p.doc, p.events);
        stored.push_back(
            {{"added", outcome.added},
             {"document_id", outcome.added ? json(outcome.document_id) : json(nullptr)},
             {"content_hash", p.doc->meta.content_hash},
             {"events", outcome.events},
             {"new_incidents", outcome.new_incidents},
             {"joined_incidents", outcome.joined_incidents}});
        if (count > 1) stored.back()["part"] = p.doc->origin().part;
        any_added = any_added || outcome.added;
        events += outcome.events;
        new_incidents += outcome.new_incidents;
        joined_incidents += outcome.joined_incidents;
      });
      // One document: its own answer. A text cut into parts: the first part's answer with the
      // totals, and each stored part's own answer under "parts".
      json answer = stored[0];
      answer.erase("part");
      if (count > 1) {
        answer["added"] = any_added;
        answer["events"] = events;
        answer["new_incidents"] = new_incidents;
        answer["joined_incidents"] = joined_incidents;
        answer["parts"] = std::move(stored);
      }
      if (!problems.empty()) answer["problems"] = problems;
      send_json(res, answer, any_added ? 201 : 200);
    });

    get(R"(/documents/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
      auto doc = stores.lease()->document(path_id(req));
      if (!doc) throw HttpError{404, "no such document"};
      send_json(res, document_json(*doc));
    });

    get("/events", [this](const httplib::Request& req, httplib::Response& res) {
      const auto f = filter_of(req, true);
      auto lease = stores.lease();
      auto& store = *lease;
      // Records go out as stored: a page is joined, not decoded and encoded again.
      auto page = store.find_event_json(f);
      std::string body = "{\"total\":" + std::to_string(page.total) +
                         ",\"limit\":" + std::to_string(f.limit) +
                         ",\"offset\":" + std::to_string(f.offset) + ",\"events\":[";
      bool first = true;
      for (const auto& e : page.records) {
        if (!first) body += ',';
        body += e;
        first = false;
      }
      body += "]}";
      res.set_content(std::move(body), "application/json");
    });

    // The map's markers: every record of a filter with coordinates (up to max_points), a few
    // fields each, as rows under the names in "fields"; with of=incidents, the incidents of
    // those records at their merged places instead.
    get("/points", [this](const httplib::Request& req, httplib::Response& res) {
      const std::string of = req.has_param("of") ? req.get_param_value("of") : "events";
      if (of != "events" && of != "incidents") {
        throw HttpError{400, "of: expected events or incidents, got '" + of + "'"};
      }
      const auto f = filter_of(req, true, options.max_points, options.max_points);
      auto lease = stores.lease();
      auto& store = *lease;
      auto text = [](const std::optional<std::string>& v) { return v ? json(*v) : json(); };
      json points = json::array();
      json fields;
      std::int64_t total = 0;
      if (of == "events") {
        fields = {"id", "lat", "lon", "event_type", "date", "location", "fatalities"};
        for (const auto& p : store.find_points(f)) {
          points.push_back({p.id, p.lat, p.lon, p.event_type, text(p.date_start), text(p.location),
                            p.fatalities ? json(*p.fatalities) : json()});
        }
        total = store.count_events(f);
      } else {
        fields = {"id", "lat", "lon", "event_type", "date", "fatalities", "reports"};
        for (const auto& p : store.find_incident_points(f)) {
          points.push_back({p.id, p.lat, p.lon, p.event_type, text(p.date_start),
                            p.fatalities ? json(*p.fatalities) : json(), p.reports});
        }
        total = store.count_incidents(f);
      }
      send_json(res, {{"of", of},
                      {"total", total},
                      {"limit", f.limit},
                      {"offset", f.offset},
                      {"fields", std::move(fields)},
                      {"points", std::move(points)}});
    });

    get(R"(/events/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
      auto lease = stores.lease();
      auto& store = *lease;
      const auto event = store.event(path_id(req));
      if (!event) throw HttpError{404, "no such event"};
      json evidence = json::array();
      for (const auto& e : store.evidence(event->id)) {
        evidence.push_back({{"field", e.field}, {"span", {e.start, e.end}}, {"text", e.text}});
      }
      const auto doc = store.document(event->document_id);
      EventFilter one;
      one.incident = event->incident_id;
      const auto incident = store.find_incidents(one);
      send_json(res, {{"event", stored_event_json(*event)},
                      {"evidence", std::move(evidence)},
                      {"document", doc ? document_json(*doc) : json(nullptr)},
                      {"incident", incident.empty() ? json(nullptr) : incident.front().json}});
    });

    get("/incidents", [this](const httplib::Request& req, httplib::Response& res) {
      const auto f = filter_of(req, true);
      auto lease = stores.lease();
      auto& store = *lease;
      json incidents = json::array();
      for (const auto& s : store.find_incidents(f)) incidents.push_back(s.json);
      send_json(res, {{"total", store.count_incidents(f)},
                      {"limit", f.limit},
                      {"offset", f.offset},
                      {"incidents", std::move(incidents)}});
    });

    get(R"(/incidents/(\d+))", [this](const httplib::Request& req, httplib::Response& res) {
      EventFilter f;
      f.incident = path_id(req);
      auto lease = stores.lease();
      auto& store = *lease;
      const auto incident = store.find_incidents(f);
      if (incident.empty()) throw HttpError{404, "no such incident"};
      json events = json::array();
      for (const auto& e : store.find_events(f)) events.push_back(stored_event_json(e));
      send_json(res, {{"incident", incident.front().json}, {"events", std::move(events)}});
    });

    get("/stats", [this](const httplib::Request& req, httplib::Response& res) {
      const auto f = filter_of(req, false);
      std::vector<std::string> keys;
      std::string by = req.has_param("by") ? req.get_param_value("by") : "week,type";
      std::istringstream parts(by);
      for (std::string key; std::getline(parts, key, ',');) {
        if (!stats_key(key)) {
          throw HttpError{400,
                          "by: expected week, month, type, country or actor, got '" + key + "'"};
        }
        keys.push_back(key);
      }
      send_json(res, stats_json(*stores.lease(), f, keys));
    });

    // What the web interface needs to know: a tile server, when one was given (the map works
    // without one, on country boundaries alone).
    get("/config.json", [this](const httplib::Request&, httplib::Response& res) {
      send_json(res, {{"tiles", options.tiles_url ? json(*options.tiles_url) : json(nullptr)},
                      {"writes", options.allow_writes && !options.token}});
    });
    for (const auto& [prefix, dir] : options.mounts) {
      server.set_mount_point(prefix, dir.string());
    }
    if (options.web_root) server.set_mount_point("/", options.web_root->string());
  }
};

bool loopback_host(std::string_view host) {
  return loopback_name(host_name(host));
}

ApiServer::ApiServer(ApiOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
ApiServer::~ApiServer() {
  stop();
}

int ApiServer::bind(const std::string& host, int port) {
  impl_->loopback = loopback_host(host);
  const int bound = port == 0 ? impl_->server.bind_to_any_port(host)
                              : (impl_->server.bind_to_port(host, port) ? port : -1);
  // Listening again on a listening socket sets its queue's length (Linux).
  if (bound > 0 && impl_->listening_socket >= 0) ::listen(impl_->listening_socket, SOMAXCONN);
  return bound;
}

bool ApiServer::listen() {
  return impl_->server.listen_after_bind();
}

void ApiServer::stop() {
  if (impl_) impl_->server.stop();
}

bool ApiServer::is_running() const {
  return impl_->server.is_running();
}

}  // namespace vigie
