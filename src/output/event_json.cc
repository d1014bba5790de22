#include "output/event_json.h"

namespace vigie {
namespace {

using json = nlohmann::ordered_json;

template <class T>
json opt(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

json span_json(const std::optional<CodePointSpan>& s) {
  return s ? json::array({s->start, s->end}) : json(nullptr);
}

json actor_json(const ActorField& a) {
  return {{"name", a.name},   {"type", a.type},
          {"inter", a.inter}, {"country", opt(a.country)},
          {"text", a.text},   {"span", span_json(a.span)}};
}

json actors_json(const std::vector<ActorField>& actors) {
  json out = json::array();
  for (const auto& a : actors) out.push_back(actor_json(a));
  return out;
}

}  // namespace

json to_json(const EventRecord& r) {
  json j;
  j["schema"] = kEventSchema;
  j["event_id"] = r.event_id;
  j["incident_id"] = r.incident_id;
  j["doc"] = {{"id", r.doc.id},
              {"source", opt(r.doc.source)},
              {"url", opt(r.doc.url)},
              {"published", opt(r.doc.published)},
              {"lang", r.doc.lang}};
  j["event_type"] = r.event_type;
  j["sub_event_type"] = r.sub_event_type;
  j["plover"] = opt(r.plover);
  j["cameo_root"] = opt(r.cameo_root);
  if (r.date) {
    const auto& d = *r.date;
    j["date"] = {{"start", opt(d.start)},
                 {"end", opt(d.end)},
                 {"granularity", d.granularity},
                 {"type", d.type},
                 {"time_precision", d.time_precision},
                 {"text", d.text},
                 {"span", span_json(d.span)}};
  } else {
    j["date"] = nullptr;
  }
  if (r.location) {
    const auto& l = *r.location;
    j["location"] = {{"name", opt(l.name)},
                     {"country", opt(l.country)},
                     {"admin1", opt(l.admin1)},
                     {"admin2", opt(l.admin2)},
                     {"lat", opt(l.lat)},
                     {"lon", opt(l.lon)},
                     {"geonameid", opt(l.geonameid)},
                     {"feature_code", opt(l.feature_code)},
                     {"precision", l.precision},
                     {"geo_precision", l.geo_precision},
                     {"text", l.text},
                     {"span", span_json(l.span)}};
  } else {
    j["location"] = nullptr;
  }
  j["actor1"] = r.actor1 ? actor_json(*r.actor1) : json(nullptr);
  j["assoc_actor1"] = actors_json(r.assoc_actor1);
  j["actor2"] = r.actor2 ? actor_json(*r.actor2) : json(nullptr);
  j["assoc_actor2"] = actors_json(r.assoc_actor2);
  j["interaction"] = opt(r.interaction);
  if (r.fatalities) {
    const auto& f = *r.fatalities;
    j["fatalities"] = {{"best", f.best},
                       {"low", f.low},
                       {"high", f.high},
                       {"text", f.text},
                       {"span", span_json(f.span)}};
  } else {
    j["fatalities"] = nullptr;
  }
  if (r.source) {
    const auto& s = *r.source;
    j["source"] = {
        {"name", s.name}, {"status", s.status}, {"cue", s.cue}, {"span", span_json(s.span)}};
  } else {
    j["source"] = nullptr;
  }
  json evidence = json::array();
  for (const auto& e : r.evidence) evidence.push_back({{"start", e.start}, {"end", e.end}});
  j["evidence"] = std::move(evidence);
  j["confidence"] = r.confidence;
  return j;
}

}  // namespace vigie
