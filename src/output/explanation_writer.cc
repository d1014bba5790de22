#include "output/explanation_writer.h"

#include <algorithm>
#include <string>

#include "util/utf8.h"

namespace vigie {
namespace {

constexpr std::size_t kLongestQuote = 200;  // bytes of a sentence shown before « … »

std::string quoted(std::string_view text) {
  std::string s(text.substr(0, utf8::safe_prefix_length(text, kLongestQuote)));
  std::replace(s.begin(), s.end(), '\n', ' ');
  return "« " + s + (s.size() < text.size() ? " … »" : " »");
}

std::string words(const std::string& text, const std::optional<CodePointSpan>& span) {
  if (text.empty()) return "";
  std::string out = "  ← « " + text + " »";
  if (span) out += " [" + std::to_string(span->start) + "-" + std::to_string(span->end) + "]";
  return out;
}

void field(std::ostream& out, const char* name, const std::string& value,
           const std::string& from = "") {
  out << "   " << name
      << std::string(12 - std::min<std::size_t>(11, std::char_traits<char>::length(name)), ' ')
      << value << from << "\n";
}

std::string actor(const std::optional<ActorField>& a) {
  return a ? a->name + " (" + a->type + ")" : "—";
}

}  // namespace

void write_explanation(const Document& doc, const std::vector<EventCandidate>& events,
                       const std::vector<LeftOutCandidate>& left_out, std::ostream& out) {
  out << "# " << doc.meta.id << " (" << doc.language.code << ", published "
      << doc.meta.published.value_or("unknown") << "): " << events.size() << " event"
      << (events.size() == 1 ? "" : "s") << "\n";
  int n = 0;
  for (const auto& c : events) {
    const EventRecord& e = c.record;
    out << "\n" << ++n << ". " << e.event_type << " / " << e.sub_event_type << " — " << e.event_id;
    if (e.incident_id != e.event_id) out << ", another account of " << e.incident_id;
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.2f", e.confidence);
    out << " (confidence " << confidence << ")\n";
    out << "   event word  « " << c.trigger_text << " » (" << c.trigger_rule << ")\n";
    for (const Span& s : c.sentences) out << "   evidence    " << quoted(doc.slice(s)) << "\n";
    if (e.date && e.date->start) {
      field(out, "date",
            *e.date->start + (*e.date->end != *e.date->start ? " to " + *e.date->end : "") + " (" +
                e.date->granularity + ", " + e.date->type + ")",
            words(e.date->text, e.date->span));
    } else {
      field(out, "date", "unresolved");
    }
    if (e.location) {
      std::string where = e.location->name.value_or("—");
      if (e.location->country) where += ", " + *e.location->country;
      if (e.location->admin1) where += ", " + *e.location->admin1;
      where += " (" + e.location->precision + ")";
      field(out, "location", where, words(e.location->text, e.location->span));
    } else {
      field(out, "location", "—");
    }
    field(out, "actor1", actor(e.actor1), e.actor1 ? words(e.actor1->text, e.actor1->span) : "");
    for (const auto& a : e.assoc_actor1)
      field(out, "  with", a.name + " (" + a.type + ")", words(a.text, a.span));
    field(out, "actor2", actor(e.actor2), e.actor2 ? words(e.actor2->text, e.actor2->span) : "");
    for (const auto& a : e.assoc_actor2)
      field(out, "  with", a.name + " (" + a.type + ")", words(a.text, a.span));
    if (e.fatalities) {
      field(out, "fatalities",
            std::to_string(e.fatalities->best) + " (" + std::to_string(e.fatalities->low) + "–" +
                std::to_string(e.fatalities->high) + ")",
            words(e.fatalities->text, e.fatalities->span));
    } else {
      field(out, "fatalities", "— (no deaths told)");
    }
    if (e.source) {
      field(out, "source", e.source->name + ", " + e.source->status,
            words(e.source->cue, e.source->span));
    } else {
      field(out, "source", "— (no speaker, publisher unknown)");
    }
    out << "   why:\n";
    for (const auto& r : c.reasons) out << "     - " << r << "\n";
  }
  if (left_out.empty()) return;
  out << "\nLeft out (" << left_out.size() << "):\n";
  for (const auto& l : left_out) {
    out << " - « " << l.trigger_text << " » in sentence " << l.sentence + 1 << ": " << l.why
        << "\n   " << quoted(doc.slice(doc.sentences[l.sentence].span)) << "\n";
  }
}

}  // namespace vigie
