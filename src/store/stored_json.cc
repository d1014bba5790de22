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

EventRecord stored_record_from_json(const std::string& json) {
  const auto j = nlohmann::json::parse(json);
  EventRecord record = record_from_json(j);
  record.incident_id = j.value("article_incident_id", record.incident_id);
  return record;
}

std::optional<StatsKey> stats_key(const std::string& name) {
  if (name == "week") return StatsKey::Week;
  if (name == "month") return StatsKey::Month;
  if (name == "type") return StatsKey::Type;
  if (name == "country") return StatsKey::Country;
  if (name == "actor") return StatsKey::Actor;
  return std::nullopt;
}

nlohmann::ordered_json stats_json(EventStore& store, const EventFilter& filter,
                                  const std::vector<std::string>& keys) {
  nlohmann::ordered_json out;
  out["events"] = store.count_events(filter);
  out["incidents"] = store.count_incidents(filter);
  for (const auto& key : keys) {
    auto& list = out["by_" + key] = nlohmann::ordered_json::array();
    for (const auto& r : store.stats(filter, *stats_key(key))) {
      list.push_back({{"key", r.key},
                      {"events", r.events},
                      {"incidents", r.incidents},
                      {"fatalities", r.fatalities}});
    }
  }
  return out;
}

nlohmann::ordered_json document_json(const StoredDocument& d) {
  auto opt = [](const std::optional<std::string>& v) {
    return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
  };
  return {{"id", d.id},
          {"doc_id", d.meta.id},
          {"source", opt(d.meta.source)},
          {"url", opt(d.meta.url)},
          {"title", opt(d.meta.title)},
          {"published", opt(d.meta.published)},
          {"lang", d.lang},
          {"content_hash", d.meta.content_hash},
          {"ingested_at", d.ingested_at},
          {"text", d.text}};
}

}  // namespace vigie
