#pragma once
#include <string>
#include <vector>

#include "cli/extract_command.h"

namespace vigie {

struct ServeOptions {
  std::string db = "vigie.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string data_dir;
  std::string web_dir;  ///< empty: the installed or source web/ folder, if there is one
  std::string tiles;    ///< a tile URL template for the map (online use); none by default
  int max_body_mb = 10;
  bool quiet = false;         ///< no request log
  bool allow_writes = false;  ///< POST /documents open to every client that reaches the server
  std::string token_file;     ///< POST /documents needs the token this file holds
  std::vector<std::string> public_names;  ///< Host names answered besides loopback ones
  int workers = 64;                       ///< threads serving connections
  int request_timeout_s = 30;  ///< deadline for a body to arrive, or an answer to be taken
  int head_timeout_s = 10;     ///< deadline for a request head to arrive
};

/// Adds `vigie serve`: the HTTP API and the web interface over a store.
void add_serve_command(CLI::App& app, ServeOptions& options);

int run_serve(const ServeOptions& options);

}  // namespace vigie
