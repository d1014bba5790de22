#pragma once
// ACLED's 6 event types and 25 sub-event types with their PLOVER and CAMEO counterparts, read
// from data/event_types.tsv, so that a language's trigger words name only sub-event types that
// exist and every record carries all three codings.
#include <filesystem>
#include <string>
#include <vector>

namespace vigie {

struct EventKind {
  std::string event_type;      ///< "Battles"
  std::string sub_event_type;  ///< "Armed clash"
  std::string plover;          ///< "ASSAULT", "" when PLOVER has no counterpart
  std::string plover_mode;     ///< "firearms", "" when none
  std::string cameo_root;      ///< "19", "" when none
};

class EventTaxonomy {
 public:
  /// Reads data/event_types.tsv; throws DataError naming the file and line on a bad row.
  explicit EventTaxonomy(const std::filesystem::path& event_types_tsv);

  /// The kind of a sub-event type, or nullptr when ACLED has no such sub-event type.
  const EventKind* find(std::string_view sub_event_type) const;
  const std::vector<EventKind>& kinds() const { return kinds_; }

 private:
  std::vector<EventKind> kinds_;
};

}  // namespace vigie
