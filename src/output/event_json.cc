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

namespace {

template <class T>
std::optional<T> opt_from(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<T>();
}

std::string str_from(const nlohmann::json& j, const char* key) {
  return opt_from<std::string>(j, key).value_or("");
}

std::optional<CodePointSpan> span_from(const nlohmann::json& j) {
  auto it = j.find("span");
  if (it == j.end() || !it->is_array() || it->size() != 2) return std::nullopt;
  return CodePointSpan{(*it)[0].get<std::uint64_t>(), (*it)[1].get<std::uint64_t>()};
}

ActorField actor_from(const nlohmann::json& j) {
  ActorField a;
  a.name = str_from(j, "name");
  a.type = str_from(j, "type");
  a.inter = opt_from<int>(j, "inter").value_or(0);
  a.country = opt_from<std::string>(j, "country");
  a.text = str_from(j, "text");
  a.span = span_from(j);
  return a;
}

std::vector<ActorField> actors_from(const nlohmann::json& j, const char* key) {
  std::vector<ActorField> out;
  auto it = j.find(key);
  if (it != j.end() && it->is_array()) {
    for (const auto& a : *it) out.push_back(actor_from(a));
  }
  return out;
}

const nlohmann::json* object_at(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_object() ? &*it : nullptr;
}

}  // namespace

EventRecord record_from_json(const nlohmann::json& j) {
  EventRecord r;
  r.event_id = str_from(j, "event_id");
  r.incident_id = str_from(j, "incident_id");
  if (const auto* d = object_at(j, "doc")) {
    r.doc.id = str_from(*d, "id");
    r.doc.source = opt_from<std::string>(*d, "source");
    r.doc.url = opt_from<std::string>(*d, "url");
    r.doc.published = opt_from<std::string>(*d, "published");
    r.doc.lang = str_from(*d, "lang");
  }
  r.event_type = str_from(j, "event_type");
  r.sub_event_type = str_from(j, "sub_event_type");
  r.plover = opt_from<std::string>(j, "plover");
  r.cameo_root = opt_from<std::string>(j, "cameo_root");
  if (const auto* d = object_at(j, "date")) {
    DateField f;
    f.start = opt_from<std::string>(*d, "start");
    f.end = opt_from<std::string>(*d, "end");
    f.granularity = str_from(*d, "granularity");
    f.type = str_from(*d, "type");
    f.time_precision = opt_from<int>(*d, "time_precision").value_or(3);
    f.text = str_from(*d, "text");
    f.span = span_from(*d);
    r.date = std::move(f);
  }
  if (const auto* l = object_at(j, "location")) {
    LocationField f;
    f.name = opt_from<std::string>(*l, "name");
    f.country = opt_from<std::string>(*l, "country");
    f.admin1 = opt_from<std::string>(*l, "admin1");
    f.admin2 = opt_from<std::string>(*l, "admin2");
    f.lat = opt_from<double>(*l, "lat");
    f.lon = opt_from<double>(*l, "lon");
    f.geonameid = opt_from<std::int64_t>(*l, "geonameid");
    f.feature_code = opt_from<std::string>(*l, "feature_code");
    f.precision = str_from(*l, "precision");
    f.geo_precision = opt_from<int>(*l, "geo_precision").value_or(3);
    f.text = str_from(*l, "text");
    f.span = span_from(*l);
    r.location = std::move(f);
  }
  if (const auto* a = object_at(j, "actor1")) r.actor1 = actor_from(*a);
  r.assoc_actor1 = actors_from(j, "assoc_actor1");
  if (const auto* a = object_at(j, "actor2")) r.actor2 = actor_from(*a);
  r.assoc_actor2 = actors_from(j, "assoc_actor2");
  r.interaction = opt_from<int>(j, "interaction");
  if (const auto* f = object_at(j, "fatalities")) {
    FatalitiesField t;
    t.best = opt_from<int>(*f, "best").value_or(0);
    t.low = opt_from<int>(*f, "low").value_or(t.best);
    t.high = opt_from<int>(*f, "high").value_or(t.best);
    t.text = str_from(*f, "text");
    t.span = span_from(*f);
    r.fatalities = std::move(t);
  }
  if (const auto* s = object_at(j, "source")) {
    SourceField f;
    f.name = str_from(*s, "name");
    f.status = str_from(*s, "status");
    f.cue = str_from(*s, "cue");
    f.span = span_from(*s);
    r.source = std::move(f);
  }
  if (auto it = j.find("evidence"); it != j.end() && it->is_array()) {
    for (const auto& e : *it) {
      r.evidence.push_back({e.at("start").get<std::uint64_t>(), e.at("end").get<std::uint64_t>()});
    }
  }
  r.confidence = opt_from<double>(j, "confidence").value_or(0);
  return r;
}

}  // namespace vigie
