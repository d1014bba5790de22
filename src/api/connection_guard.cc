#include "api/connection_guard.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <string_view>
#include <vector>

namespace vigie {

HeadVerdict await_request_head(int socket, const ConnectionLimits& limits) {
  using clock = std::chrono::steady_clock;
  const auto deadline = clock::now() + limits.head_timeout;
  std::vector<char> buffer(limits.max_head_bytes);
  std::size_t seen = 0;
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now()).count();
    if (left <= 0) return HeadVerdict::TimedOut;
    pollfd p{socket, POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(std::min<long long>(left, 1000)));
    if (ready < 0 && errno != EINTR) return HeadVerdict::Closed;
    if (ready <= 0) continue;
    const ssize_t n = recv(socket, buffer.data(), buffer.size(), MSG_PEEK | MSG_DONTWAIT);
    if (n == 0) return HeadVerdict::Closed;
    if (n < 0) {
      if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) continue;
      return HeadVerdict::Closed;
    }
    const auto size = static_cast<std::size_t>(n);
    if (size == seen) {
      // Nothing new: poll says readable while any byte waits, so wait a little before looking.
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      continue;
    }
    seen = size;
    const std::string_view head(buffer.data(), size);
    std::size_t end = head.find("\r\n\r\n");
    if (end == std::string_view::npos) end = head.find("\n\n");
    if (end != std::string_view::npos) {
      const auto lines =
          static_cast<std::size_t>(std::count(head.begin(), head.begin() + end, '\n'));
      return lines > limits.max_header_fields ? HeadVerdict::TooManyFields : HeadVerdict::Complete;
    }
    if (size >= limits.max_head_bytes) return HeadVerdict::TooLarge;
  }
}

std::pair<int, std::string> head_refusal(HeadVerdict verdict) {
  switch (verdict) {
    case HeadVerdict::TimedOut:
      return {408, "the request head did not arrive in time"};
    case HeadVerdict::TooLarge:
      return {431, "request head too large"};
    case HeadVerdict::TooManyFields:
      return {431, "too many header fields"};
    case HeadVerdict::Complete:
    case HeadVerdict::Closed:
      break;
  }
  return {400, "bad request"};
}

ConnectionWatch::ConnectionWatch(std::chrono::milliseconds limit)
    : limit_(limit), thread_([this] { run(); }) {}

ConnectionWatch::~ConnectionWatch() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  for (auto& [ticket, w] : watched_) close(w.socket);
}

std::uint64_t ConnectionWatch::watch(int socket) {
  std::lock_guard lock(mutex_);
  const std::uint64_t ticket = next_ticket_++;
  watched_[ticket] = {dup(socket), false, false, std::chrono::steady_clock::now()};
  return ticket;
}

void ConnectionWatch::forget(std::uint64_t ticket) {
  std::lock_guard lock(mutex_);
  auto it = watched_.find(ticket);
  if (it == watched_.end()) return;
  if (it->second.socket >= 0) close(it->second.socket);
  watched_.erase(it);
}

void ConnectionWatch::handling(std::uint64_t ticket) {
  std::lock_guard lock(mutex_);
  if (auto it = watched_.find(ticket); it != watched_.end()) it->second.handling = true;
}

void ConnectionWatch::waiting_again(std::uint64_t ticket) {
  std::lock_guard lock(mutex_);
  if (auto it = watched_.find(ticket); it != watched_.end()) {
    it->second.handling = false;
    it->second.since = std::chrono::steady_clock::now();
  }
}

std::size_t ConnectionWatch::cut() const {
  std::lock_guard lock(mutex_);
  return cut_;
}

void ConnectionWatch::run() {
  const auto tick =
      std::clamp(limit_ / 10, std::chrono::milliseconds(10), std::chrono::milliseconds(500));
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, tick, [this] { return stopping_; })) {
    const auto now = std::chrono::steady_clock::now();
    for (auto& [ticket, w] : watched_) {
      if (w.handling || w.cut || w.socket < 0 || now - w.since < limit_) continue;
      // The blocked read or write of the worker returns, and the worker closes the connection.
      shutdown(w.socket, SHUT_RDWR);
      w.cut = true;
      ++cut_;
    }
  }
}

}  // namespace vigie
