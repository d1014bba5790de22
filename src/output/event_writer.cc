#include "output/event_writer.h"

#include <iomanip>
#include <sstream>

#include "output/event_json.h"

namespace vigie {
namespace {

std::string dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

class JsonlWriter : public EventWriter {
 public:
  explicit JsonlWriter(std::ostream& out) : out_(out) {}
  void write(const EventRecord& r) override { out_ << dump(to_json(r)) << '\n'; }

 private:
  std::ostream& out_;
};

// ACLED's export columns, then vigie's own (ranges, status, evidence) at the end.
constexpr const char* kCsvColumns[] = {
    "event_id_cnty",  "event_date", "year",          "time_precision", "event_type",
    "sub_event_type", "actor1",     "assoc_actor_1", "inter1",         "actor2",
    "assoc_actor_2",  "inter2",     "interaction",   "country",        "admin1",
    "admin2",         "location",   "latitude",      "longitude",      "geo_precision",
    "source",         "notes",      "fatalities",    "fatalities_low", "fatalities_high",
    "source_status",  "confidence", "incident_id",   "doc_id",         "evidence"};

std::string join_actors(const std::vector<ActorField>& actors) {
  std::string out;
  for (const auto& a : actors) out += (out.empty() ? "" : "; ") + a.name;
  return out;
}

std::string number(double v) {
  std::ostringstream s;
  s << std::setprecision(8) << v;
  return s.str();
}

class CsvWriter : public EventWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  void begin() override {
    bool first = true;
    for (const char* c : kCsvColumns) {
      out_ << (first ? "" : ",") << c;
      first = false;
    }
    out_ << "\r\n";
  }
  void write(const EventRecord& r) override {
    const std::string date = r.date && r.date->start ? *r.date->start : "";
    const std::string evidence = r.evidence.empty()
                                     ? ""
                                     : std::to_string(r.evidence.front().start) + "-" +
                                           std::to_string(r.evidence.front().end);
    const std::vector<std::string> row = {
        r.event_id,
        date,
        date.size() >= 4 ? date.substr(0, 4) : "",
        r.date ? std::to_string(r.date->time_precision) : "",
        r.event_type,
        r.sub_event_type,
        r.actor1 ? r.actor1->name : "",
        join_actors(r.assoc_actor1),
        r.actor1 ? std::to_string(r.actor1->inter) : "",
        r.actor2 ? r.actor2->name : "",
        join_actors(r.assoc_actor2),
        r.actor2 ? std::to_string(r.actor2->inter) : "",
        r.interaction ? std::to_string(*r.interaction) : "",
        r.location && r.location->country ? *r.location->country : "",
        r.location && r.location->admin1 ? *r.location->admin1 : "",
        r.location && r.location->admin2 ? *r.location->admin2 : "",
        r.location && r.location->name ? *r.location->name : "",
        r.location && r.location->lat ? number(*r.location->lat) : "",
        r.location && r.location->lon ? number(*r.location->lon) : "",
        r.location ? std::to_string(r.location->geo_precision) : "",
        r.source ? r.source->name : (r.doc.source ? *r.doc.source : ""),
        "",
        r.fatalities ? std::to_string(r.fatalities->best) : "0",
        r.fatalities ? std::to_string(r.fatalities->low) : "",
        r.fatalities ? std::to_string(r.fatalities->high) : "",
        r.source ? r.source->status : "",
        number(r.confidence),
        r.incident_id,
        r.doc.id,
        evidence};
    for (std::size_t i = 0; i < row.size(); ++i) out_ << (i ? "," : "") << csv_field(row[i]);
    out_ << "\r\n";
  }

 private:
  std::ostream& out_;
};

class GeoJsonWriter : public EventWriter {
 public:
  explicit GeoJsonWriter(std::ostream& out) : out_(out) {}
  void begin() override { out_ << "{\"type\":\"FeatureCollection\",\"features\":["; }
  void write(const EventRecord& r) override {
    // The contract: no feature where there is no coordinate.
    if (!r.location || !r.location->lat || !r.location->lon) return;
    nlohmann::ordered_json feature = {
        {"type", "Feature"},
        {"geometry", {{"type", "Point"}, {"coordinates", {*r.location->lon, *r.location->lat}}}},
        {"properties", to_json(r)}};
    out_ << (count_++ ? ",\n" : "\n") << dump(feature);
  }
  void end() override { out_ << "\n]}\n"; }

 private:
  std::ostream& out_;
  std::size_t count_ = 0;
};

}  // namespace

std::string csv_field(const std::string& value) {
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::unique_ptr<EventWriter> make_event_writer(const std::string& format, std::ostream& out) {
  if (format == "jsonl") return std::make_unique<JsonlWriter>(out);
  if (format == "csv") return std::make_unique<CsvWriter>(out);
  if (format == "geojson") return std::make_unique<GeoJsonWriter>(out);
  return nullptr;
}

}  // namespace vigie
