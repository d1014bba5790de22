#pragma once
// The one door into cpp-httplib's handling of a connection that a derived server needs.
#include <httplib.h>

namespace vigie {

/// cpp-httplib's own processing of one accepted connection (its requests, then the close).
/// Debian 12's cpp-httplib 0.11.4 lets a derived server override `process_and_close_socket`,
/// the only place that sees each connection's socket, but keeps the base version private; this
/// calls the base version (see httplib_connection.cc).
bool serve_connection(httplib::Server& server, socket_t socket);

}  // namespace vigie
