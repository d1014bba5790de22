#include "output/annotations_writer.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <vector>

namespace vigie {
namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::string bound(const std::optional<double>& v) {
  return v ? number(*v) : "-";
}

struct Line {
  Span span;
  std::string layer, value, rule;
};

}  // namespace

void write_annotations(const Document& doc, const Gazetteer* gazetteer, std::ostream& out) {
  std::vector<Line> lines;
  for (const auto& d : doc.dates) {
    lines.push_back({d.span, "date",
                     (d.start ? *d.start : "?") + ".." + (d.end ? *d.end : "?") + " " +
                         std::string(granularity_name(d.granularity)) + " " +
                         std::string(date_type_name(d.type)),
                     d.rule});
  }
  for (const auto& n : doc.numbers) {
    lines.push_back({n.span, "number",
                     "best=" + number(n.best) + " low=" + bound(n.low) + " high=" + bound(n.high) +
                         (n.approximate ? " approximate" : ""),
                     n.rule});
  }
  for (const auto& c : doc.counts) {
    const NumberMention& n = doc.numbers[c.number];
    lines.push_back(
        {c.span, "count",
         "n=" + number(n.best) + " what=" + c.what + " who=" + (c.who.empty() ? "-" : c.who),
         c.rule});
  }
  for (const auto& p : doc.places) {
    std::string value =
        "country=" + (p.country.empty() ? "-" : p.country) + " precision=" + p.precision;
    if (p.within && gazetteer)
      value.append(" within=").append(gazetteer->place(*p.within).ascii_name);
    if (p.place && gazetteer) {
      const Place& g = gazetteer->place(*p.place);
      value.append(" geonameid=" + std::to_string(g.geonameid) + " name=")
          .append(g.ascii_name)
          .append(" ")
          .append(g.feature_code);
      const std::string admin1 = gazetteer->admin1_name(g.country, g.admin1);
      if (!admin1.empty()) value += " admin1=" + admin1;
      value += " (" + number(g.lat) + "," + number(g.lon) + ")";
    }
    value += " candidates=" + std::to_string(p.candidates);
    lines.push_back({p.span, "place", value, p.rule});
  }
  for (const auto& a : doc.actors) {
    lines.push_back({a.span, "actor",
                     a.name + " [" + a.type + ", inter " + std::to_string(a.inter) +
                         (a.country.empty() ? "" : ", " + a.country) + "]",
                     a.rule});
  }
  for (const auto& t : doc.triggers) lines.push_back({t.span, "trigger", t.sub_event_type, t.rule});
  for (const auto& a : doc.attributions) {
    std::string value = a.stance + " speaker=" + (a.speaker ? a.speaker->name : "-") +
                        " claim=" + std::to_string(doc.code_point_at(a.claim.begin)) + "-" +
                        std::to_string(doc.code_point_at(a.claim.end));
    if (a.speaker_acts) value += " speaker-acts";
    if (a.unproven) value += " unproven";
    lines.push_back({a.cue, "attribution", value, a.rule});
  }
  std::stable_sort(lines.begin(), lines.end(),
                   [](const Line& a, const Line& b) { return a.span.begin < b.span.begin; });
  out << "# " << doc.meta.id << " (" << doc.language.code << ", published "
      << doc.meta.published.value_or("unknown") << ")\n";
  for (const auto& l : lines) {
    std::string text(doc.slice(l.span));
    std::replace(text.begin(), text.end(), '\n', ' ');
    out << l.layer << '\t' << doc.code_point_at(l.span.begin) << '-'
        << doc.code_point_at(l.span.end) << '\t' << text << '\t' << l.value << '\t' << l.rule
        << '\n';
  }
}

namespace {

using json = nlohmann::ordered_json;

json optional_text(const std::optional<std::string>& v) {
  return v ? json(*v) : json(nullptr);
}
json optional_number(const std::optional<double>& v) {
  return v ? json(*v) : json(nullptr);
}

json place_entry(const Gazetteer& gazetteer, std::uint32_t index) {
  const Place& g = gazetteer.place(index);
  json entry = {{"geonameid", g.geonameid},
                {"name", g.name},
                {"feature_class", std::string(1, g.feature_class)},
                {"feature_code", g.feature_code},
                {"country", g.country},
                {"lat", g.lat},
                {"lon", g.lon},
                {"population", g.population}};
  const std::string admin1 = gazetteer.admin1_name(g.country, g.admin1);
  if (!admin1.empty()) entry["admin1"] = admin1;
  const std::string admin2 = gazetteer.admin2_name(g.country, g.admin1, g.admin2);
  if (!admin2.empty()) entry["admin2"] = admin2;
  return entry;
}

json place_value(const PlaceMention& p, const Gazetteer* gazetteer) {
  json v = {{"country", p.country.empty() ? json(nullptr) : json(p.country)},
            {"precision", p.precision},
            {"candidates", p.candidates},
            {"holder", p.holder},
            {"unlisted", p.unlisted}};
  if (!gazetteer) return v;
  if (p.place) {
    json entry = place_entry(*gazetteer, *p.place);
    v["lat"] = entry["lat"];
    v["lon"] = entry["lon"];
    v["entry"] = std::move(entry);
  } else if (p.within) {
    json within = place_entry(*gazetteer, *p.within);
    v["lat"] = within["lat"];  // a settlement the gazetteer lacks: where the text puts it
    v["lon"] = within["lon"];
    v["within"] = std::move(within);
  } else if (const Country* c = p.country.empty() ? nullptr : gazetteer->country(p.country)) {
    v["lat"] = c->lat;  // a country alone: its centre, as the event records give it
    v["lon"] = c->lon;
  }
  json considered = json::array();
  for (const PlaceOption& o : p.considered) {
    json entry = place_entry(*gazetteer, o.place);
    entry["score"] = o.score;
    considered.push_back(std::move(entry));
  }
  v["considered"] = std::move(considered);
  return v;
}

}  // namespace

void write_annotations_jsonl(const Document& doc, const Gazetteer* gazetteer, std::ostream& out) {
  std::vector<std::pair<Span, json>> mentions;
  auto add = [&](const Span& span, std::string_view kind, std::string_view rule, json value) {
    json m = {{"doc", doc.meta.id},
              {"kind", kind},
              {"begin", doc.code_point_at(span.begin)},
              {"end", doc.code_point_at(span.end)},
              {"text", std::string(doc.slice(span))},
              {"rule", rule}};
    m.update(value);
    mentions.emplace_back(span, std::move(m));
  };
  for (const auto& d : doc.dates) {
    add(d.span, "date", d.rule,
        {{"from", optional_text(d.start)},
         {"to", optional_text(d.end)},
         {"granularity", granularity_name(d.granularity)},
         {"type", date_type_name(d.type)}});
  }
  for (const auto& n : doc.numbers) {
    add(n.span, "number", n.rule,
        {{"best", n.best},
         {"low", optional_number(n.low)},
         {"high", optional_number(n.high)},
         {"approximate", n.approximate}});
  }
  for (const auto& c : doc.counts) {
    add(c.span, "count", c.rule,
        {{"n", doc.numbers[c.number].best},
         {"what", c.what},
         {"who", c.who.empty() ? json(nullptr) : json(c.who)}});
  }
  for (const auto& p : doc.places) add(p.span, "place", p.rule, place_value(p, gazetteer));
  for (const auto& a : doc.actors) {
    add(a.span, "actor", a.rule,
        {{"name", a.name},
         {"type", a.type},
         {"inter", a.inter},
         {"country", a.country.empty() ? json(nullptr) : json(a.country)}});
  }
  for (const auto& t : doc.triggers) {
    add(t.span, "trigger", t.rule, {{"sub_event_type", t.sub_event_type}});
  }
  for (const auto& a : doc.attributions) {
    add(a.cue, "attribution", a.rule,
        {{"stance", a.stance},
         {"speaker", a.speaker ? json(a.speaker->name) : json(nullptr)},
         {"claim_begin", doc.code_point_at(a.claim.begin)},
         {"claim_end", doc.code_point_at(a.claim.end)},
         {"speaker_acts", a.speaker_acts},
         {"unproven", a.unproven}});
  }
  std::stable_sort(mentions.begin(), mentions.end(),
                   [](const auto& a, const auto& b) { return a.first.begin < b.first.begin; });
  for (const auto& [span, m] : mentions) {
    out << m.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  }
}

}  // namespace vigie
