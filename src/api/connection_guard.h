#pragma once
// What one connection may take of the server, whatever its client does: slow clients
// ("slowloris": a header line every few seconds, a body trickled in, an answer never read) are
// cut at deadlines instead of holding a worker for ever, and a request head with too many bytes
// or fields is refused before any of it is parsed.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>

namespace vigie {

struct ConnectionLimits {
  /// From the connection's start to the end of the request head (line and header fields).
  std::chrono::milliseconds head_timeout{10'000};
  /// For the body to arrive once the head has, and again for the answer to be taken.
  std::chrono::milliseconds request_timeout{30'000};
  std::size_t max_head_bytes = 16 * 1024;
  std::size_t max_header_fields = 100;
};

enum class HeadVerdict { Complete, Closed, TimedOut, TooLarge, TooManyFields };

/// Waits, without reading it, until the socket holds a whole request head (up to the blank
/// line), then counts its header fields; the bytes stay in the socket for the HTTP parser.
HeadVerdict await_request_head(int socket, const ConnectionLimits& limits);

/// The status and message a client gets when its head was not accepted (408, 431).
std::pair<int, std::string> head_refusal(HeadVerdict verdict);

/// A watchdog thread that shuts down the connections that overran their deadline while the
/// server waited on their client. A connection is watched from `watch()` to `forget()`; while
/// `handling()` it is the server's turn and no deadline runs.
class ConnectionWatch {
 public:
  explicit ConnectionWatch(std::chrono::milliseconds limit);
  ~ConnectionWatch();
  ConnectionWatch(const ConnectionWatch&) = delete;
  ConnectionWatch& operator=(const ConnectionWatch&) = delete;

  /// Starts watching a connection, waiting on its client from now; returns its ticket.
  std::uint64_t watch(int socket);
  void forget(std::uint64_t ticket);
  /// The server works on the request: no deadline until `waiting_again`.
  void handling(std::uint64_t ticket);
  /// The server waits on the client again (to take the answer), from now.
  void waiting_again(std::uint64_t ticket);
  /// Connections cut so far.
  std::size_t cut() const;

 private:
  struct Watched {
    int socket = -1;  // a duplicate of the server's descriptor: its number cannot be reused
    bool handling = false;
    bool cut = false;
    std::chrono::steady_clock::time_point since;
  };
  void run();

  const std::chrono::milliseconds limit_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::uint64_t next_ticket_ = 1;
  std::size_t cut_ = 0;
  std::map<std::uint64_t, Watched> watched_;
  std::thread thread_;
};

}  // namespace vigie
