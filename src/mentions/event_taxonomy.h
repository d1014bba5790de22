#pragma once
// ACLED's 6 event types and 25 sub-event types with their PLOVER and CAMEO counterparts, read
// from data/event_types.tsv, so that a language's trigger words name only sub-event types that
// exist and every record carries all three codings.
#include <filesystem>
#include <set>
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
  /// Reads data/event_types.tsv and, beside it, data/coding_scope.tsv; throws DataError naming
  /// the file and line on a bad row or a missing file.
  explicit EventTaxonomy(const std::filesystem::path& event_types_tsv);

  /// The kind of a sub-event type, or nullptr when ACLED has no such sub-event type.
  const EventKind* find(std::string_view sub_event_type) const;
  const std::vector<EventKind>& kinds() const { return kinds_; }

  /// Whether ACLED codes violence in this country (ISO 3166-1 alpha-2) only when an armed group
  /// or a political side takes part: crime and police shootings there are no events.
  bool violence_needs_a_side(std::string_view iso2) const {
    return needs_a_side_.count(std::string(iso2)) > 0;
  }

 private:
  void read_scope(const std::filesystem::path& coding_scope_tsv);

  std::vector<EventKind> kinds_;
  std::set<std::string> needs_a_side_;  // data/coding_scope.tsv
};

}  // namespace vigie
