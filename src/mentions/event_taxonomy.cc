#include "mentions/event_taxonomy.h"

#include "util/tsv.h"

namespace vigie {

EventTaxonomy::EventTaxonomy(const std::filesystem::path& file) {
  auto none_as_empty = [](const std::string& field) {
    return field == "-" ? std::string() : field;
  };
  for (const auto& row : read_tsv(file)) {
    const std::string where = file.string() + ":" + std::to_string(row.line) + ": ";
    if (row.fields.size() != 5) throw DataError(where + "expected 5 fields");
    if (find(row.fields[1]))
      throw DataError(where + "sub-event type '" + row.fields[1] + "' listed twice");
    kinds_.push_back({row.fields[0], row.fields[1], none_as_empty(row.fields[2]),
                      none_as_empty(row.fields[3]), none_as_empty(row.fields[4])});
  }
  if (kinds_.empty()) throw DataError(file.string() + ": no event types");
  read_scope(file.parent_path() / "coding_scope.tsv");
}

void EventTaxonomy::read_scope(const std::filesystem::path& file) {
  for (const auto& row : read_tsv(file)) {
    const std::string where = file.string() + ":" + std::to_string(row.line) + ": ";
    if (row.fields.size() != 2 || row.fields[0].size() != 2)
      throw DataError(where + "expected an ISO 3166-1 alpha-2 code and a name");
    needs_a_side_.insert(row.fields[0]);
  }
}

const EventKind* EventTaxonomy::find(std::string_view sub_event_type) const {
  for (const auto& k : kinds_) {
    if (k.sub_event_type == sub_event_type) return &k;
  }
  return nullptr;
}

}  // namespace vigie
