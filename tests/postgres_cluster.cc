#include "postgres_cluster.h"

#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <pqxx/pqxx>

namespace vigie::test {

namespace {

namespace fs = std::filesystem;

// The newest PostgreSQL's bin/ folder of Debian's layout, or empty.
fs::path server_binaries() {
  fs::path best;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    if (fs::exists(e.path() / "bin/initdb") && fs::exists(e.path() / "bin/pg_ctl") &&
        (best.empty() || e.path().filename().string() > best.parent_path().filename().string())) {
      best = e.path() / "bin";
    }
  }
  return best;
}

int free_port() {
  const int s = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  int port = 0;
  if (bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 &&
      getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) == 0) {
    port = ntohs(a.sin_port);
  }
  close(s);
  return port;
}

class Cluster {
 public:
  Cluster() {
    const fs::path bin = server_binaries();
    if (bin.empty()) {
      why_ =
          "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin (Debian package "
          "postgresql)";
      return;
    }
    std::string as_user;
    const bool root = geteuid() == 0;
    const passwd* pg = getpwnam("postgres");
    if (root && !pg) {
      why_ = "running as root and there is no postgres user to run initdb as";
      return;
    }
    if (root) as_user = "runuser -u postgres -- ";
    char tmpl[] = "/tmp/vigie-pg-XXXXXX";
    if (!mkdtemp(tmpl)) {
      why_ = "cannot make a temporary folder";
      return;
    }
    dir_ = tmpl;
    if (root && chown(tmpl, pg->pw_uid, pg->pw_gid) != 0) {
      why_ = "cannot hand the temporary folder to postgres";
      return;
    }
    port_ = free_port();
    const std::string d = dir_.string();
    const std::string init = as_user + "'" + (bin / "initdb").string() + "' -D '" + d +
                             "/data' -A trust -U vigie -E UTF8 --no-sync >'" + d +
                             "/initdb.log' 2>&1";
    if (std::system(init.c_str()) != 0) {
      why_ = "initdb failed (see " + d + "/initdb.log)";
      return;
    }
    pg_ctl_ = as_user + "'" + (bin / "pg_ctl").string() + "' -D '" + d + "/data'";
    const std::string start = pg_ctl_ + " -o \"-k '" + d + "' -p " + std::to_string(port_) +
                              " -c listen_addresses=127.0.0.1 -c fsync=off\" -l '" + d +
                              "/server.log' -w -t 60 start >/dev/null 2>&1";
    if (std::system(start.c_str()) != 0) {
      why_ = "the server did not start (see " + d + "/server.log)";
      return;
    }
    running_ = true;
  }
  ~Cluster() {
    if (running_) std::system((pg_ctl_ + " -m immediate stop >/dev/null 2>&1").c_str());
    if (!dir_.empty()) {
      std::error_code ec;
      fs::remove_all(dir_, ec);
    }
  }

  std::optional<std::string> fresh_database(std::string& why) {
    if (!running_) {
      why = why_;
      return std::nullopt;
    }
    const std::string base = "postgresql://vigie@127.0.0.1:" + std::to_string(port_) + "/";
    const std::string name = "vigie_test_" + std::to_string(++databases_);
    pqxx::connection admin(base + "postgres");
    pqxx::nontransaction tx(admin);
    tx.exec("CREATE DATABASE " + name);
    return base + name;
  }

 private:
  fs::path dir_;
  int port_ = 0;
  std::string pg_ctl_;
  bool running_ = false;
  int databases_ = 0;
  std::string why_;
};

}  // namespace

std::optional<std::string> fresh_postgres_database(std::string& why) {
  static Cluster cluster;
  return cluster.fresh_database(why);
}

}  // namespace vigie::test
