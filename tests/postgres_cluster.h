#pragma once
// A throw-away PostgreSQL server for the store tests: initdb in a temporary folder (as the
// postgres user when the tests run as root, since initdb refuses root), started on a free
// loopback port, stopped and removed at exit. Each test gets a database of its own.
#include <optional>
#include <string>

namespace vigie::test {

/// The URI of a fresh database on this process's throw-away server (started on first use), or
/// nullopt with `why` set when no server can run here (binaries absent, no postgres user).
std::optional<std::string> fresh_postgres_database(std::string& why);

}  // namespace vigie::test
