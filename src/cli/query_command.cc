#include "cli/query_command.h"

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>

#include "output/event_writer.h"
#include "store/event_filter.h"
#include "store/stored_json.h"
#include "util/utf8.h"

namespace vigie {

namespace {

// The filters of query and stats, kept in the order given so errors name the option.
void add_filter_options(CLI::App* cmd, QueryOptions& o) {
  cmd->add_option("--db", o.db, "The store: an SQLite file or a postgresql:// URI")
      ->capture_default_str();
  const std::pair<const char*, const char*> filters[] = {
      {"country", "Country code (ISO 3166-1 alpha-2), e.g. ML"},
      {"from", "Events on or after this day (YYYY-MM-DD)"},
      {"to", "Events on or before this day (YYYY-MM-DD)"},
      {"type", "An ACLED event type or sub-event type, e.g. \"Violence against civilians\""},
      {"actor", "Part of an actor's name, any role, e.g. Wagner"},
      {"near", "LAT,LON,KM: events within KM kilometres of the point"},
      {"text", "Words of the article text (all of them; accents ignored)"},
      {"incident", "Records of one incident (its id)"},
      {"limit", "At most this many results"},
      {"offset", "Skip this many results first"},
  };
  for (const auto& [name, help] : filters) {
    const std::string key = name;
    cmd->add_option_function<std::string>(
        "--" + key, [&o, key](const std::string& v) { o.filters.emplace_back(key, v); }, help);
  }
  cmd->add_option("-o,--output", o.output, "Output file (default: standard output)");
}

bool build_filter(const QueryOptions& o, EventFilter& filter) {
  for (const auto& [name, value] : o.filters) {
    if (auto error = set_filter_field(filter, name, value)) {
      std::cerr << "vigie: --" << *error << "\n";
      return false;
    }
  }
  return true;
}

// Pads or cuts to `width` code points (the last one a space), so accented names keep columns
// aligned.
std::string cell(const std::string& s, std::size_t column) {
  const std::size_t width = column - 1;
  std::string out;
  std::size_t pos = 0;
  std::size_t n = 0;
  while (pos < s.size() && n < width) {
    const std::size_t start = pos;
    utf8::decode(s, pos);
    if (n + 1 == width && pos < s.size()) {
      out += "…";
    } else {
      out.append(s, start, pos - start);
    }
    ++n;
  }
  return out + std::string(width - n + 1, ' ');
}

void write_event_table(const std::vector<StoredEvent>& events, std::ostream& out) {
  out << cell("id", 6) << cell("date", 11) << cell("sub-event type", 26) << cell("place", 18)
      << cell("actor1", 28) << cell("actor2", 28) << cell("dead", 5) << cell("source", 24)
      << "incident\n";
  for (const auto& e : events) {
    const auto& r = e.record;
    std::string place = r.location && r.location->name ? *r.location->name : "";
    if (r.location && r.location->country) place += " (" + *r.location->country + ")";
    out << cell(std::to_string(e.id), 6) << cell(r.date && r.date->start ? *r.date->start : "?", 11)
        << cell(r.sub_event_type, 26) << cell(place, 18) << cell(r.actor1 ? r.actor1->name : "", 28)
        << cell(r.actor2 ? r.actor2->name : "", 28)
        << cell(r.fatalities ? std::to_string(r.fatalities->best) : "", 5)
        << cell(r.source ? r.source->name + " (" + r.source->status + ")" : "", 24) << e.incident_id
        << "\n";
  }
}

void write_incident_table(const std::vector<IncidentSummary>& incidents, std::ostream& out) {
  out << cell("id", 6) << cell("date", 11) << cell("sub-event type", 26) << cell("place", 18)
      << cell("actor1", 28) << cell("dead", 5) << cell("reports", 8) << "accounts\n";
  for (const auto& s : incidents) {
    const auto& j = s.json;
    std::string place;
    if (j.contains("location") && j["location"].is_object()) {
      place = j["location"].value("name", nlohmann::ordered_json()).is_string()
                  ? j["location"]["name"].get<std::string>()
                  : "";
      if (s.country) place += " (" + *s.country + ")";
    }
    const std::string actor1 = j.contains("actor1") && j["actor1"].is_object()
                                   ? j["actor1"]["name"].get<std::string>()
                                   : "";
    out << cell(std::to_string(s.id), 6) << cell(s.date_start.value_or("?"), 11)
        << cell(s.sub_event_type, 26) << cell(place, 18) << cell(actor1, 28)
        << cell(s.fatalities ? std::to_string(*s.fatalities) : "", 5)
        << cell(std::to_string(s.reports) + "/" + std::to_string(s.documents), 8)
        << (s.competing ? "competing" : "agree") << "\n";
  }
}

int with_output(const std::string& path, const std::function<int(std::ostream&)>& body) {
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      std::cerr << "vigie: cannot write " << path << "\n";
      return kExitFatal;
    }
    out = &file;
  }
  const int rc = body(*out);
  out->flush();
  if (!*out) {
    std::cerr << "vigie: error writing " << (path == "-" ? "standard output" : path) << "\n";
    return kExitFatal;
  }
  return rc;
}

std::unique_ptr<EventStore> open_existing(const std::string& db) {
  if (!is_database_url(db) && !std::filesystem::exists(db)) {
    throw StoreError(db + ": no such store (vigie ingest --db " + db + " FILES… makes one)");
  }
  return open_event_store(db);
}

}  // namespace

void add_query_command(CLI::App& app, QueryOptions& o) {
  auto* cmd = app.add_subcommand(
      "query", "Print the stored records (or incidents) that match every filter given");
  add_filter_options(cmd, o);
  cmd->add_option("--format,-f", o.format,
                  "table, jsonl (the contract's records), csv (ACLED columns) or geojson")
      ->check(CLI::IsMember({"table", "jsonl", "csv", "geojson"}))
      ->capture_default_str();
  cmd->add_flag("--incidents", o.incidents,
                "One line per incident (merged fields, the rule of each, every account) instead "
                "of one per record; formats table and jsonl");
}

void add_stats_command(CLI::App& app, QueryOptions& o) {
  auto* cmd = app.add_subcommand(
      "stats", "Count stored records, incidents and deaths by week, month, type, country, actor");
  add_filter_options(cmd, o);
  cmd->add_option("--by", o.by, "week, month, type, country or actor (repeat for several)")
      ->check(CLI::IsMember({"week", "month", "type", "country", "actor"}));
  cmd->add_flag("--json", o.json, "One JSON object instead of tables");
}

int run_query(const QueryOptions& o) {
  EventFilter filter;
  if (!build_filter(o, filter)) return kExitUsage;
  if (o.incidents && (o.format == "csv" || o.format == "geojson")) {
    std::cerr << "vigie: --incidents prints table or jsonl\n";
    return kExitUsage;
  }
  try {
    auto store = open_existing(o.db);
    return with_output(o.output, [&](std::ostream& out) {
      if (o.incidents) {
        const auto incidents = store->find_incidents(filter);
        if (o.format == "jsonl") {
          for (const auto& s : incidents) out << s.json.dump() << "\n";
        } else {
          write_incident_table(incidents, out);
        }
        return kExitOk;
      }
      const auto events = store->find_events(filter);
      if (o.format == "table") {
        write_event_table(events, out);
      } else if (o.format == "jsonl") {
        for (const auto& e : events) out << stored_event_json(e).dump() << "\n";
      } else {
        auto writer = make_event_writer(o.format, out);
        writer->begin();
        for (const auto& e : events) {
          EventRecord r = e.record;
          r.incident_id = std::to_string(e.incident_id);
          writer->write(r);
        }
        writer->end();
      }
      return kExitOk;
    });
  } catch (const std::exception& e) {
    std::cerr << "vigie: " << e.what() << "\n";
    return kExitFatal;
  }
}

int run_stats(const QueryOptions& o) {
  EventFilter filter;
  if (!build_filter(o, filter)) return kExitUsage;
  const std::vector<std::string> by =
      o.by.empty() ? std::vector<std::string>{"month", "type", "country", "actor"} : o.by;
  try {
    auto store = open_existing(o.db);
    return with_output(o.output, [&](std::ostream& out) {
      const auto all = stats_json(*store, filter, by);
      if (o.json) {
        out << all.dump(2) << "\n";
        return kExitOk;
      }
      out << all["events"].get<std::int64_t>() << " records, "
          << all["incidents"].get<std::int64_t>() << " incidents\n";
      for (const auto& key : by) {
        out << "\n"
            << cell("by " + key, 44) << cell("records", 9) << cell("incidents", 10) << "deaths\n";
        for (const auto& r : all["by_" + key]) {
          out << cell(r["key"].get<std::string>(), 44)
              << cell(std::to_string(r["events"].get<std::int64_t>()), 9)
              << cell(std::to_string(r["incidents"].get<std::int64_t>()), 10)
              << r["fatalities"].get<std::int64_t>() << "\n";
        }
      }
      return kExitOk;
    });
  } catch (const std::exception& e) {
    std::cerr << "vigie: " << e.what() << "\n";
    return kExitFatal;
  }
}

}  // namespace vigie
