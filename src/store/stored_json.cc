#include "store/stored_json.h"

#include "output/event_json.h"

namespace vigie {

nlohmann::ordered_json stored_event_json(const StoredEvent& e) {
  auto j = to_json(e.record);
  j["incident_id"] = std::to_string(e.incident_id);
  j["article_incident_id"] = e.record.incident_id;
  j["store"] = {{"event_id", e.id}, {"document_id", e.document_id}, {"incident_id", e.incident_id}};
  return j;
}

}  // namespace vigie
