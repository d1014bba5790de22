#include "cli/serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <chrono>
#include <fstream>
#include <iostream>
#include <thread>

#include "api/api_server.h"
#include "cli/reading.h"
#include "util/locate.h"

namespace vigie {

namespace {

namespace fs = std::filesystem;

// The web interface: $VIGIE_WEB_DIR, else beside the installed or built binary, else the source
// tree's web/ (as language packs are found).
fs::path default_web_root() {
  return locate_folder("VIGIE_WEB_DIR", {"../share/vigie/web", "../web", "../../web"}, "index.html",
                       VIGIE_SOURCE_WEB_DIR);
}

// The map libraries and boundaries come from npm packages (package.json), installed by
// scripts/install-deps.sh in node_modules/ beside web/.
std::vector<std::pair<std::string, fs::path>> vendor_mounts(const fs::path& web_root) {
  const fs::path npm = web_root / ".." / "node_modules";
  return {{"/vendor/leaflet/", npm / "leaflet/dist"},
          {"/vendor/markercluster/", npm / "leaflet.markercluster/dist"},
          {"/vendor/topojson/", npm / "topojson-client/dist"},
          {"/vendor/world-atlas/", npm / "world-atlas"}};
}

}  // namespace

void add_serve_command(CLI::App& app, ServeOptions& o) {
  auto* cmd = app.add_subcommand(
      "serve", "Serve the HTTP API (see /openapi.json) and the web interface over a store");
  cmd->add_option("--db", o.db,
                  "The store: an SQLite file (created if missing) or a postgresql:// URI")
      ->capture_default_str();
  cmd->add_option("--host", o.host,
                  "Address to listen on (127.0.0.1: this machine only; 0.0.0.0: every interface)")
      ->capture_default_str();
  cmd->add_option("--port", o.port, "Port to listen on (0: any free port, printed at start)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--data", o.data_dir, "Data directory holding the gazetteer");
  cmd->add_option("--web", o.web_dir, "Folder of the web interface (default: the installed one)");
  cmd->add_option(
      "--tiles", o.tiles,
      "Tile URL template for the map, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png "
      "(default: none; the map shows country boundaries offline)");
  cmd->add_option("--max-body-mb", o.max_body_mb, "Largest request body accepted, in MiB")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  cmd->add_option("--workers", o.workers,
                  "Threads serving connections (a slow client holds one until its deadline)")
      ->check(CLI::Range(2, 4096))
      ->capture_default_str();
  cmd->add_option("--head-timeout", o.head_timeout_s,
                  "Seconds a client has to send a request's head (line and header fields)")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  cmd->add_option("--request-timeout", o.request_timeout_s,
                  "Seconds a client has to send a request's body, and again to take the answer")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", o.quiet, "No request log on standard error");
  cmd->add_flag("--allow-writes", o.allow_writes,
                "Let clients store articles (POST /documents, the web interface's Store button); "
                "off by default");
  cmd->add_option("--token", o.token_file,
                  "A file whose first line is a secret: POST /documents then needs "
                  "'Authorization: Bearer <secret>'")
      ->check(CLI::ExistingFile);
  cmd->add_option("--public-name", o.public_names,
                  "A host name this server answers besides 127.0.0.1 and localhost, behind a "
                  "reverse proxy that passes the visitor's Host on (repeatable)");
}

int run_serve(const ServeOptions& o) {
  ExtractOptions reading;
  reading.data_dir = o.data_dir;
  ReadingSetup setup;
  if (const int rc = prepare_pipeline(reading, setup); rc != kExitOk) return rc;

  ApiOptions api;
  api.db = o.db;
  api.pipeline = setup.pipeline.get();
  api.max_body_bytes = static_cast<std::size_t>(o.max_body_mb) << 20;
  api.workers = static_cast<std::size_t>(o.workers);
  api.limits.head_timeout = std::chrono::seconds(o.head_timeout_s);
  api.limits.request_timeout = std::chrono::seconds(o.request_timeout_s);
  const fs::path web_root = o.web_dir.empty() ? default_web_root() : fs::path(o.web_dir);
  if (fs::exists(web_root / "index.html")) {
    api.web_root = web_root;
    api.mounts = vendor_mounts(web_root);
    for (const auto& [prefix, dir] : api.mounts) {
      if (!fs::is_directory(dir)) {
        std::cerr << "vigie: " << dir.string() << " missing: the map needs the npm packages "
                  << "(scripts/install-deps.sh)\n";
      }
    }
  } else {
    std::cerr << "vigie: no web interface in " << web_root.string() << " (the API still works)\n";
  }
  if (!o.tiles.empty()) api.tiles_url = o.tiles;
  api.allow_writes = o.allow_writes;
  api.public_names = o.public_names;
  if (!o.token_file.empty()) {
    std::ifstream in(o.token_file);
    std::string secret;
    std::getline(in, secret);
    while (!secret.empty() && std::isspace(static_cast<unsigned char>(secret.back())))
      secret.pop_back();
    if (secret.size() < 16) {
      std::cerr << "vigie: " << o.token_file
                << ": the token (its first line) must be 16 characters or more\n";
      return kExitUsage;
    }
    api.token = secret;
  }
  if (!o.quiet) api.request_log = &std::cerr;

  // SIGINT and SIGTERM are taken by a waiting thread, not a handler: stopping the server is not
  // something a signal handler may do.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::unique_ptr<ApiServer> server;
  try {
    server = std::make_unique<ApiServer>(api);
  } catch (const std::exception& e) {
    std::cerr << "vigie: " << e.what() << "\n";
    return kExitFatal;
  }
  const int port = server->bind(o.host, o.port);
  if (port < 0) {
    std::cerr << "vigie: cannot listen on " << o.host << ":" << o.port << "\n";
    return kExitFatal;
  }
  std::cerr << "vigie serve: http://" << o.host << ":" << port << "/ (store " << o.db
            << "; API description at /openapi.json; Ctrl-C stops)" << std::endl;
  if (!loopback_host(o.host)) {
    std::cerr << "vigie: warning: listening on " << o.host
              << ": every machine that reaches this one can read the store"
              << (api.allow_writes && !api.token ? ", and write to it (prefer --token)" : "")
              << "; the API has no TLS (put a reverse proxy in front)" << std::endl;
  }
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    server->stop();
  });
  const bool served = server->listen();
  // The server may have stopped for another reason: wake the waiter so it can end.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  return served ? kExitOk : kExitFatal;
}

}  // namespace vigie
