// The request-head check and the watchdog on a socket pair: what a client's bytes, or their
// absence, make of a connection before the HTTP parser sees any of it.
#include "api/connection_guard.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>

namespace vigie {
namespace {

using std::chrono::milliseconds;

struct SocketPair {
  int server = -1, client = -1;
  SocketPair() {
    int fds[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0) {
      server = fds[0];
      client = fds[1];
    }
  }
  ~SocketPair() {
    if (server >= 0) close(server);
    if (client >= 0) close(client);
  }
  void send_text(const std::string& text) const {
    ASSERT_EQ(::send(client, text.data(), text.size(), MSG_NOSIGNAL),
              static_cast<ssize_t>(text.size()));
  }
};

ConnectionLimits quick_limits() {
  ConnectionLimits limits;
  limits.head_timeout = milliseconds(200);
  limits.max_head_bytes = 1024;
  limits.max_header_fields = 5;
  return limits;
}

TEST(ConnectionGuard, AWholeHeadIsLeftInTheSocketForTheParser) {
  SocketPair pair;
  const std::string request = "GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  pair.send_text(request);
  EXPECT_EQ(await_request_head(pair.server, quick_limits()), HeadVerdict::Complete);
  char buffer[256];
  const ssize_t n = ::recv(pair.server, buffer, sizeof buffer, 0);
  EXPECT_EQ(std::string(buffer, static_cast<std::size_t>(n)), request);
}

TEST(ConnectionGuard, AHeadInPiecesIsWaitedFor) {
  SocketPair pair;
  std::thread client([&] {
    pair.send_text("GET /events HTTP/1.1\r\n");
    std::this_thread::sleep_for(milliseconds(30));
    pair.send_text("Host: 127.0.0.1\r\n\r\n");
  });
  EXPECT_EQ(await_request_head(pair.server, quick_limits()), HeadVerdict::Complete);
  client.join();
}

TEST(ConnectionGuard, SlowTooLargeOrCrowdedHeadsAndClosedConnectionsAreTold) {
  {
    SocketPair pair;  // a head that never ends
    pair.send_text("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    EXPECT_EQ(await_request_head(pair.server, quick_limits()), HeadVerdict::TimedOut);
  }
  {
    SocketPair pair;
    pair.send_text("GET /events HTTP/1.1\r\nX-Big: " + std::string(2000, 'x'));
    EXPECT_EQ(await_request_head(pair.server, quick_limits()), HeadVerdict::TooLarge);
  }
  {
    SocketPair pair;
    std::string head = "GET /events HTTP/1.1\r\n";
    for (int k = 0; k < 6; ++k) head += "X-" + std::to_string(k) + ": 1\r\n";
    pair.send_text(head + "\r\n");
    EXPECT_EQ(await_request_head(pair.server, quick_limits()), HeadVerdict::TooManyFields);
  }
  {
    SocketPair pair;
    close(pair.client);
    pair.client = -1;
    EXPECT_EQ(await_request_head(pair.server, quick_limits()), HeadVerdict::Closed);
  }
  EXPECT_EQ(head_refusal(HeadVerdict::TimedOut).first, 408);
  EXPECT_EQ(head_refusal(HeadVerdict::TooManyFields).first, 431);
}

// A connection whose client keeps the server waiting is shut down; one the server is working
// on is left alone, however long that takes.
TEST(ConnectionGuard, TheWatchCutsWaitingConnectionsOnly) {
  ConnectionWatch watch(milliseconds(50));
  SocketPair waiting, working;
  const auto w1 = watch.watch(waiting.server);
  const auto w2 = watch.watch(working.server);
  watch.handling(w2);
  // The cut is seen by the waiting side's read: it returns 0 (end of stream) instead of blocking
  // (for at most 10 s, should the watch fail).
  const timeval most{10, 0};
  setsockopt(waiting.server, SOL_SOCKET, SO_RCVTIMEO, &most, sizeof most);
  char byte;
  EXPECT_EQ(::recv(waiting.server, &byte, 1, 0), 0);
  EXPECT_EQ(watch.cut(), 1u);
  // The working one still carries bytes.
  working.send_text("x");
  EXPECT_EQ(::recv(working.server, &byte, 1, 0), 1);
  watch.forget(w1);
  watch.forget(w2);
}

}  // namespace
}  // namespace vigie
