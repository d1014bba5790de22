#pragma once
// The embedded store: one SQLite file in WAL mode. Each document is one transaction, so a crash
// or kill loses at most the document being written; FTS5 indexes article text, an R*Tree the
// event coordinates.
#include <filesystem>
#include <memory>

#include "store/event_store.h"

namespace vigie {

std::unique_ptr<EventStore> open_sqlite_store(const std::filesystem::path& path);

}  // namespace vigie
