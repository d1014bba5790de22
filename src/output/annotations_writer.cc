#include "output/annotations_writer.h"

#include <algorithm>
#include <cstdio>
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
    if (p.place && gazetteer) {
      const Place& g = gazetteer->place(*p.place);
      value += " geonameid=" + std::to_string(g.geonameid) + " name=" + g.ascii_name + " " +
               g.feature_code;
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

}  // namespace vigie
