#pragma once
// vigie's HTTP API over one store (cpp-httplib): extraction, ingestion, queries, the OpenAPI
// description, and the web interface's files. Routes and their answers: docs/api.md.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/connection_guard.h"

namespace vigie {

class Pipeline;

struct ApiOptions {
  std::string db;                          ///< the store (created if missing)
  const Pipeline* pipeline = nullptr;      ///< for POST /extract and /documents
  std::size_t max_body_bytes = 10u << 20;  ///< larger bodies get 413
  /// Texts longer than this are processed in parts cut at paragraph breaks, as the CLI does.
  std::size_t max_text_part_bytes = 1u << 20;
  std::size_t default_page = 100;
  std::size_t max_page = 1000;                    ///< a larger ?limit= gets 400
  std::size_t max_points = 20000;                 ///< map points: the default and the most
  std::optional<std::filesystem::path> web_root;  ///< files served at /, if any
  /// Further folders served under a prefix ("/vendor/leaflet/" → node_modules/leaflet/dist).
  std::vector<std::pair<std::string, std::filesystem::path>> mounts;
  std::optional<std::string> tiles_url;  ///< a tile server for the map, served in /config.json
  std::ostream* request_log = nullptr;   ///< one line per request, if set
  /// POST /documents writes to the store: refused (403) unless writes are allowed, or (401)
  /// without `Authorization: Bearer <token>` when a token is set. Reads and previews stay open.
  bool allow_writes = false;
  std::optional<std::string> token;
  /// Host names the server answers besides its loopback ones, when bound to loopback behind a
  /// reverse proxy that passes the visitor's Host on ("vigie.example.org"); other names get 403.
  std::vector<std::string> public_names;
  /// Threads that serve connections; a connection holds one only while its client is quick
  /// enough for `limits`, so slow clients cannot take them all for long.
  std::size_t workers = 64;
  /// Store connections open at once, lent to one request at a time.
  std::size_t max_store_connections = 8;
  ConnectionLimits limits;
};

/// Whether a host to bind or a Host header names this machine's loopback ("127.0.0.1", "::1",
/// "[::1]:8080", "localhost").
bool loopback_host(std::string_view host);

class ApiServer {
 public:
  explicit ApiServer(ApiOptions options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  /// Binds to host:port (port 0: any free port); the port bound, or -1 when binding failed.
  int bind(const std::string& host, int port);
  /// Serves until stop(); returns false when the listening socket failed.
  bool listen();
  void stop();
  /// True once listen() accepts connections.
  bool is_running() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigie
