#include "eval/evaluator.h"

#include <algorithm>
#include <cctype>
#include <sstream>

#include "mentions/calendar.h"
#include "text/folding.h"
#include "util/utf8.h"

namespace vigie {
namespace {

using json = nlohmann::json;

std::string str(const json& j) {
  return j.is_string() ? j.get<std::string>() : "";
}

// A state actor's name may carry a period suffix, "Military Forces of Mali (2021-)"; the gold
// names the actor without it.
std::string without_period(std::string name) {
  const auto open = name.rfind(" (");
  if (open != std::string::npos && open + 2 < name.size() &&
      std::isdigit(static_cast<unsigned char>(name[open + 2])) && name.back() == ')') {
    name.erase(open);
  }
  return name;
}

// Names compare folded: gold writes "Segou", a record may say "Ségou".
bool same_name(const json& a, const json& b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  return fold(without_period(str(a))) == fold(without_period(str(b)));
}

// `accept` lists may hold null: "no actor" is then a right answer.
bool accepted(const json& rule, const json& value) {
  if (!rule.is_object()) return same_name(rule, value);  // a bare value: that exact answer
  if (!rule.contains("accept")) return true;
  for (const auto& a : rule["accept"]) {
    if (same_name(a, value)) return true;
  }
  return false;
}

const json& field(const json& record, const char* key) {
  static const json null = nullptr;
  return record.is_object() && record.contains(key) ? record[key] : null;
}

bool is_offset(const json& j) {
  return j.is_number_unsigned() || (j.is_number_integer() && j.get<long long>() >= 0);
}

// The record's evidence, as text: every evidence span and every field's span, one per line.
// Offsets outside the text are ignored rather than trusted.
std::string evidence_text(const json& record, const std::vector<std::size_t>& cp_offsets,
                          const std::string& text) {
  std::string out;
  auto add = [&](const json& start, const json& end) {
    if (!is_offset(start) || !is_offset(end)) return;
    const auto s = start.get<std::uint64_t>(), e = end.get<std::uint64_t>();
    if (s >= e || e >= cp_offsets.size()) return;
    out += text.substr(cp_offsets[s], cp_offsets[e] - cp_offsets[s]);
    out += '\n';
  };
  auto add_span_of = [&](const json& j) {
    if (j.is_object() && j.contains("span") && j["span"].is_array() && j["span"].size() == 2) {
      add(j["span"][0], j["span"][1]);
    }
  };
  for (const auto& e : field(record, "evidence")) {
    if (e.is_object()) add(field(e, "start"), field(e, "end"));
  }
  for (const auto& [key, value] : record.items()) {
    if (value.is_array()) {
      for (const auto& item : value) add_span_of(item);
    } else {
      add_span_of(value);
    }
  }
  return out;
}

// Scores one field; returns whether it is right, and says why not into `why`.
using Check = bool (*)(const json& gold_field, const json& record, std::string& why);

bool check_event_type(const json& g, const json& r, std::string& why) {
  if (accepted(g, field(r, "event_type"))) return true;
  why = "event_type " + field(r, "event_type").dump();
  return false;
}

bool check_sub_event_type(const json& g, const json& r, std::string& why) {
  if (accepted(g, field(r, "sub_event_type"))) return true;
  why = "sub_event_type " + field(r, "sub_event_type").dump();
  return false;
}

bool check_date(const json& g, const json& r, std::string& why) {
  const json& d = field(r, "date");
  const bool unresolved =
      d.is_null() || str(field(d, "type")) == "unresolved" || field(d, "start").is_null();
  if (unresolved) {
    if (g.is_null() || field(g, "accept_unresolved") == true) return true;
    why = "date unresolved";
    return false;
  }
  const std::string start = str(field(d, "start")), end = str(field(d, "end"));
  if (g.is_null()) {
    why = "date " + start + ".." + end + " where the text gives none";
    return false;
  }
  if (start == str(field(g, "start")) && end == str(field(g, "end"))) return true;
  if (g.contains("accept_range_within")) {
    const auto& range = g["accept_range_within"];
    if (range.is_array() && range.size() == 2 && start >= str(range[0]) && end <= str(range[1]))
      return true;
  }
  why = "date " + start + ".." + end;
  return false;
}

bool check_location(const json& g, const json& r, std::string& why) {
  const json& l = field(r, "location");
  if (g.is_null() && l.is_null()) return true;
  if (l.is_null() || g.is_null()) {
    why = l.is_null() ? "no location"
                      : "location " + field(l, "name").dump() + " where the text gives none";
    return false;
  }
  if (g.contains("name") && !accepted(g["name"], field(l, "name"))) {
    why = "location " + field(l, "name").dump();
    return false;
  }
  for (const char* key : {"country", "admin1"}) {
    if (g.contains(key) && !accepted(g[key], field(l, key))) {
      why = std::string("location ") + key + " " + field(l, key).dump();
      return false;
    }
  }
  if (g.contains("precision") && !accepted(g["precision"], field(l, "precision"))) {
    why = "location precision " + field(l, "precision").dump();
    return false;
  }
  return true;
}

bool check_actor(const json& g, const json& actor, const char* which, std::string& why) {
  const json name = actor.is_null() ? json(nullptr) : field(actor, "name");
  if (accepted(g, name)) return true;
  why = std::string(which) + " " + name.dump();
  return false;
}

bool check_actor1(const json& g, const json& r, std::string& why) {
  return check_actor(g, field(r, "actor1"), "actor1", why);
}
bool check_actor2(const json& g, const json& r, std::string& why) {
  return check_actor(g, field(r, "actor2"), "actor2", why);
}

bool check_assoc_actor1(const json& g, const json& r, std::string& why) {
  if (!g.is_object() || !g.contains("contains_any")) return true;
  for (const auto& want : g["contains_any"]) {
    for (const auto& a : field(r, "assoc_actor1")) {
      if (same_name(want, field(a, "name"))) return true;
    }
    // The gold also accepts the associated actor in actor1's place.
    if (!field(r, "actor1").is_null() && same_name(want, field(field(r, "actor1"), "name")))
      return true;
  }
  why = "assoc_actor1 " + field(r, "assoc_actor1").dump();
  return false;
}

bool check_fatalities(const json& g, const json& r, std::string& why) {
  const json& f = field(r, "fatalities");
  if (g.is_null()) {
    if (f.is_null()) return true;
    why = "fatalities " + field(f, "best").dump() + " where the text gives none";
    return false;
  }
  if (f.is_null()) {
    if (field(g, "accept_null") == true) return true;
    why = "fatalities null";
    return false;
  }
  if (g.contains("best") && field(f, "best") == g["best"]) return true;
  why = "fatalities " + field(f, "best").dump();
  return false;
}

bool check_source(const json& g, const json& r, std::string& why) {
  const json& s = field(r, "source");
  if (g.is_null()) return true;
  if (s.is_null()) {
    why = "no source";
    return false;
  }
  if (g.contains("name") && !accepted(g["name"], field(s, "name"))) {
    why = "source " + field(s, "name").dump();
    return false;
  }
  if (g.contains("status") && !accepted(g["status"], field(s, "status"))) {
    why = "source status " + field(s, "status").dump();
    return false;
  }
  return true;
}

struct FieldCheck {
  const char* name;
  Check check;
};
constexpr FieldCheck kChecks[] = {{"event_type", check_event_type},
                                  {"sub_event_type", check_sub_event_type},
                                  {"date", check_date},
                                  {"location", check_location},
                                  {"actor1", check_actor1},
                                  {"assoc_actor1", check_assoc_actor1},
                                  {"actor2", check_actor2},
                                  {"fatalities", check_fatalities},
                                  {"source", check_source}};

// How well a record agrees with a gold event: the number of right fields.
int agreement(const json& g, const json& r) {
  int n = 0;
  std::string why;
  for (const auto& c : kChecks) {
    if (g.contains(c.name) && c.check(g[c.name], r, why)) ++n;
  }
  return n;
}

// A gold event that quotes no evidence matches a record of its event type that agrees on at least
// one more of the fields the gold gives (its date, place or actor).
bool matches_without_evidence(const json& g, const json& r) {
  std::string why;
  if (g.contains("event_type") && !check_event_type(g["event_type"], r, why)) return false;
  const int given =
      static_cast<int>(std::count_if(std::begin(kChecks), std::end(kChecks),
                                     [&](const FieldCheck& c) { return g.contains(c.name); }));
  const int needed = g.contains("event_type") ? std::min(2, given) : 1;
  return agreement(g, r) >= needed;
}

}  // namespace

void EvalReport::add(const EvalReport& other, const std::string& label) {
  gold_events += other.gold_events;
  predicted_events += other.predicted_events;
  matched += other.matched;
  matched_optional += other.matched_optional;
  background += other.background;
  for (const auto& [name, s] : other.fields) {
    fields[name].right += s.right;
    fields[name].total += s.total;
  }
  for (const auto& m : other.misses) misses.push_back(label + ": " + m);
}

double EvalReport::precision() const {
  const int counted = predicted_events - matched_optional;
  return counted > 0 ? static_cast<double>(matched) / counted : (gold_events == 0 ? 1.0 : 0.0);
}

double EvalReport::recall() const {
  return gold_events ? static_cast<double>(matched) / gold_events : 1.0;
}

double EvalReport::f1() const {
  const double p = precision(), r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

json EvalReport::to_json() const {
  json j = {{"gold_events", gold_events},
            {"predicted_events", predicted_events},
            {"matched", matched},
            {"matched_optional", matched_optional},
            {"precision", precision()},
            {"recall", recall()},
            {"f1", f1()},
            {"background_events", background}};
  json f = json::object();
  for (const auto& [name, s] : fields)
    f[name] = {{"right", s.right}, {"total", s.total}, {"accuracy", s.accuracy()}};
  j["fields"] = f;
  j["misses"] = misses;
  return j;
}

std::string EvalReport::to_text() const {
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(3);
  out << "events: gold " << gold_events << ", predicted " << predicted_events << ", matched "
      << matched << " (+" << matched_optional << " optional)\n"
      << "precision " << precision() << "  recall " << recall() << "  F1 " << f1() << "\n";
  for (const auto& [name, s] : fields) {
    out << "  " << name << ": " << s.right << "/" << s.total << " (" << s.accuracy() << ")\n";
  }
  if (background) out << "background events coded: " << background << "\n";
  for (const auto& m : misses) out << "  - " << m << "\n";
  return out.str();
}

EvalReport evaluate(const json& gold, const std::vector<json>& predicted, const std::string& text) {
  EvalReport report;
  report.predicted_events = static_cast<int>(predicted.size());
  // Byte offset of every code point, so that record spans (code points) slice the text.
  std::vector<std::size_t> cp_offsets;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) cp_offsets.push_back(i);
  }
  cp_offsets.push_back(text.size());
  std::vector<std::string> evidence;
  for (const auto& r : predicted) evidence.push_back(evidence_text(r, cp_offsets, text));

  struct GoldEvent {
    const json* event;
    bool optional;
  };
  std::vector<GoldEvent> golds;
  for (const char* list : {"events", "optional_events"}) {
    const json& events = field(gold, list);
    if (!events.is_array()) continue;
    for (const auto& e : events) golds.push_back({&e, list[0] == 'o'});
  }
  report.gold_events = static_cast<int>(
      std::count_if(golds.begin(), golds.end(), [](const GoldEvent& g) { return !g.optional; }));

  // One to one, best agreement first.
  struct Pair {
    int agreement;
    std::size_t gold, record;
  };
  std::vector<Pair> pairs;
  for (std::size_t g = 0; g < golds.size(); ++g) {
    const json& ge = *golds[g].event;
    const std::string needle = ge.value("evidence_contains", "");
    for (std::size_t r = 0; r < predicted.size(); ++r) {
      if (!needle.empty() && evidence[r].find(needle) == std::string::npos) continue;
      if (needle.empty() && !matches_without_evidence(ge, predicted[r])) continue;
      pairs.push_back({agreement(ge, predicted[r]) + (golds[g].optional ? 0 : 100), g, r});
    }
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const Pair& a, const Pair& b) { return a.agreement > b.agreement; });
  std::vector<int> gold_match(golds.size(), -1), record_match(predicted.size(), -1);
  for (const auto& p : pairs) {
    if (gold_match[p.gold] >= 0 || record_match[p.record] >= 0) continue;
    gold_match[p.gold] = static_cast<int>(p.record);
    record_match[p.record] = static_cast<int>(p.gold);
  }

  std::map<std::string, std::string> incident_of_key;  // gold key → matched record's incident_id
  for (std::size_t g = 0; g < golds.size(); ++g) {
    if (gold_match[g] >= 0) {
      incident_of_key[golds[g].event->value("key", "")] =
          str(field(predicted[gold_match[g]], "incident_id"));
    }
  }
  for (std::size_t g = 0; g < golds.size(); ++g) {
    const json& ge = *golds[g].event;
    const std::string key = ge.value("key", "#" + std::to_string(g));
    if (gold_match[g] < 0) {
      if (!golds[g].optional) report.misses.push_back(key + ": not found");
      continue;
    }
    if (golds[g].optional) {
      ++report.matched_optional;
      continue;
    }
    ++report.matched;
    const json& r = predicted[gold_match[g]];
    for (const auto& c : kChecks) {
      if (!ge.contains(c.name)) continue;
      std::string why;
      FieldScore& s = report.fields[c.name];
      ++s.total;
      if (c.check(ge[c.name], r, why))
        ++s.right;
      else
        report.misses.push_back(key + ": " + why);
    }
    if (ge.contains("same_incident_as")) {
      FieldScore& s = report.fields["incident_id"];
      ++s.total;
      const auto it = incident_of_key.find(str(ge["same_incident_as"]));
      if (it != incident_of_key.end() && it->second == str(field(r, "incident_id")) &&
          !it->second.empty()) {
        ++s.right;
      } else {
        report.misses.push_back(key + ": not linked to " + str(ge["same_incident_as"]));
      }
    }
  }
  // Extra events, and those far before the article (background history coded as news).
  const auto published = calendar::parse_iso(str(field(field(gold, "doc"), "published")));
  for (std::size_t r = 0; r < predicted.size(); ++r) {
    const json& d = field(predicted[r], "date");
    if (published && !d.is_null() && d.contains("end") && d["end"].is_string()) {
      if (auto end = calendar::parse_iso(str(d["end"]));
          end && *end < *published - std::chrono::days{365}) {
        ++report.background;
      }
    }
    if (record_match[r] < 0) {
      report.misses.push_back("extra event: " + str(field(predicted[r], "event_type")) + " / " +
                              str(field(predicted[r], "sub_event_type")) + " (" +
                              str(field(predicted[r], "event_id")) + ")");
    }
  }
  return report;
}

}  // namespace vigie
