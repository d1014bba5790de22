// Fills a store with synthetic records for the load test (bench/load_test.sh): the articles of
// tests/incidents and tests/devset go through the pipeline once, then their records are stored
// again and again as further articles, each copy moved in time (over two years) and in space
// (up to about 60 km), so incidents, dates and places spread as a real store's would.
//   ./build/bench/store_filler --db /tmp/load.db --events 100000 --data ~/.local/share/vigie
#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "input/input_reader.h"
#include "pipeline/batch_runner.h"
#include "store/event_store.h"
#include "util/content_hash.h"

namespace {

std::string shifted(const std::string& iso, int days) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::sscanf(iso.c_str(), "%d-%u-%u", &y, &m, &d) != 3) return iso;
  const std::chrono::sys_days day =
      std::chrono::sys_days{std::chrono::year{y} / std::chrono::month{m} / std::chrono::day{d}} -
      std::chrono::days{days};
  const std::chrono::year_month_day ymd{day};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Fill a vigie store with synthetic records for load tests"};
  std::string db;
  std::string data;
  std::size_t target = 100000;
  app.add_option("--db", db, "The store to fill (SQLite file or postgresql:// URI)")->required();
  app.add_option("--events", target, "Records to reach")->capture_default_str();
  app.add_option("--data", data, "Data directory holding the gazetteer")->required();
  CLI11_PARSE(app, argc, argv);

  const std::filesystem::path source = VIGIE_SOURCE_DIR;
  vigie::LanguageRegistry languages(source / "lang");
  std::string error;
  auto gazetteer = vigie::Gazetteer::load(vigie::Gazetteer::file_in(data), error);
  if (!gazetteer) {
    std::cerr << "store_filler: " << error << "\n";
    return 1;
  }
  vigie::PipelineOptions options;
  options.gazetteer = &*gazetteer;
  options.published = "2024-06-15";  // for the development-set texts, which carry no date
  vigie::Pipeline pipeline(languages, options);
  vigie::InputReader reader(
      {(source / "tests/incidents").string(), (source / "tests/devset").string()});
  std::vector<vigie::ProcessedDocument> articles;
  vigie::run_batch(reader, pipeline, 2, [&](vigie::ProcessedDocument& p) {
    if (p.doc && !p.events.empty()) articles.push_back(std::move(p));
  });

  auto store = vigie::open_event_store(db);
  std::size_t events = static_cast<std::size_t>(store->count_events({}));
  const auto start = std::chrono::steady_clock::now();
  for (int copy = 1; events < target; ++copy) {
    for (auto& a : articles) {
      if (events >= target) break;
      auto& doc = *a.doc;
      const std::string original_id = doc.meta.id;
      doc.meta.id = original_id + "#copy" + std::to_string(copy);
      doc.meta.content_hash = vigie::content_hash(doc.meta.id);
      std::vector<vigie::EventRecord> records = a.events;
      const int days = (copy * 7) % 730;
      const double dlat = ((copy * 37) % 100 - 50) / 100.0 * 0.5;
      const double dlon = ((copy * 61) % 100 - 50) / 100.0 * 0.5;
      for (auto& r : records) {
        r.event_id += "#copy" + std::to_string(copy);
        r.incident_id += "#copy" + std::to_string(copy);
        r.doc.id = doc.meta.id;
        if (r.date && r.date->start) {
          r.date->start = shifted(*r.date->start, days);
          r.date->end = shifted(r.date->end.value_or(*r.date->start), days);
        }
        if (r.location && r.location->lat && r.location->lon) {
          *r.location->lat += dlat;
          *r.location->lon += dlon;
        }
      }
      events += static_cast<std::size_t>(store->add_document(doc, records).events);
      doc.meta.id = original_id;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "store_filler: " << events << " records in " << db << " ("
            << store->count_incidents({}) << " incidents), " << seconds << " s\n";
  return 0;
}
