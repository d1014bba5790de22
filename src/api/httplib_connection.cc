// Compiled with -fno-access-control (src/CMakeLists.txt), for this one qualified call: the base
// version of a virtual member that cpp-httplib 0.11.4 declares private. Nothing else belongs in
// this file.
#include "api/httplib_connection.h"

namespace vigie {

bool serve_connection(httplib::Server& server, socket_t socket) {
  return server.httplib::Server::process_and_close_socket(socket);
}

}  // namespace vigie
