// The event store: incident rules on records, the merged incident, and both stores (SQLite, and
// PostgreSQL where a server can run) fed by the pipeline with the cross-article sets of
// tests/incidents (written for vigie, French and English) or by synthetic records.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <pqxx/pqxx>
#include <set>

#include "pipeline/batch_runner.h"
#include "postgres_cluster.h"
#include "store/event_filter.h"
#include "store/event_store.h"
#include "store/incident_rules.h"
#include "store/incident_summary.h"
#include "test_support.h"

namespace vigie {
namespace {

ActorField actor(const std::string& name, const std::string& type,
                 std::optional<std::string> country = std::nullopt) {
  ActorField a;
  a.name = name;
  a.type = type;
  a.country = std::move(country);
  return a;
}

// A record at a town, on a day, as the extractor writes one.
EventRecord report(const std::string& type, const std::string& sub, const std::string& day,
                   double lat, double lon, std::optional<ActorField> actor1 = std::nullopt,
                   std::optional<ActorField> actor2 = std::nullopt) {
  EventRecord r;
  r.event_type = type;
  r.sub_event_type = sub;
  r.date = DateField{day, day, "day", "exact", 1, "", std::nullopt};
  LocationField l;
  l.name = "town";
  l.country = "BF";
  l.admin1 = "Sahel";
  l.admin2 = "Soum";
  l.lat = lat;
  l.lon = lon;
  l.precision = "exact";
  l.geo_precision = 1;
  r.location = l;
  r.actor1 = std::move(actor1);
  r.actor2 = std::move(actor2);
  return r;
}

const ActorField kArmy = actor("Military Forces of Burkina Faso", "state_forces", "BF");
const ActorField kJnim = actor("JNIM: Group for Support of Islam and Muslims", "rebel_group");
const ActorField kIs = actor("Islamic State (Sahel)", "rebel_group");
const ActorField kGunmen =
    actor("Unidentified Armed Group (Burkina Faso)", "political_militia", "BF");

// Djibo (14.10, -1.63); a point 3 km east of it; Dori (14.03, -0.03), about 170 km away.
constexpr double kDjiboLat = 14.1008, kDjiboLon = -1.6280;
constexpr double kNearLon = -1.6002;
constexpr double kDoriLat = 14.0354, kDoriLon = -0.0345;

TEST(IncidentRules, TheSameAttackToldTwiceIsOneIncident) {
  const auto a = report("Battles", "Armed clash", "2024-03-10", kDjiboLat, kDjiboLon, kJnim, kArmy);
  const auto b =
      report("Battles", "Armed clash", "2024-03-10", kDjiboLat, kNearLon, kGunmen, kArmy);
  const auto m = same_incident(a, b);
  ASSERT_TRUE(m);
  EXPECT_NE(m->rule.find("3.0 km apart"), std::string::npos) << m->rule;
  EXPECT_NE(m->rule.find("shared actor Military Forces of Burkina Faso"), std::string::npos);
}

TEST(IncidentRules, ADayOffStillFitsAWeekApartDoesNot) {
  const auto a = report("Battles", "Armed clash", "2024-03-10", kDjiboLat, kDjiboLon, kJnim, kArmy);
  EXPECT_TRUE(same_incident(
      a, report("Battles", "Armed clash", "2024-03-11", kDjiboLat, kDjiboLon, kJnim, kArmy)));
  EXPECT_FALSE(same_incident(
      a, report("Battles", "Armed clash", "2024-03-12", kDjiboLat, kDjiboLon, kJnim, kArmy)));
  EXPECT_FALSE(same_incident(
      a, report("Battles", "Armed clash", "2024-03-17", kDjiboLat, kDjiboLon, kJnim, kArmy)));
}

TEST(IncidentRules, TheSameDayFarApartIsTwoIncidents) {
  EXPECT_GT(distance_km(kDjiboLat, kDjiboLon, kDoriLat, kDoriLon), 150);
  EXPECT_FALSE(same_incident(
      report("Battles", "Armed clash", "2024-05-05", kDjiboLat, kDjiboLon, kGunmen, kArmy),
      report("Battles", "Armed clash", "2024-05-05", kDoriLat, kDoriLon, kGunmen, kArmy)));
}

TEST(IncidentRules, TypesOfOneFamilyMatchOthersDoNot) {
  const auto attack = report("Violence against civilians", "Attack", "2024-03-10", kDjiboLat,
                             kDjiboLon, kGunmen, actor("Civilians (Burkina Faso)", "civilians"));
  EXPECT_TRUE(same_incident(
      attack, report("Battles", "Armed clash", "2024-03-10", kDjiboLat, kDjiboLon, kGunmen)));
  EXPECT_FALSE(same_incident(
      attack, report("Protests", "Peaceful protest", "2024-03-10", kDjiboLat, kDjiboLon)));
}

TEST(IncidentRules, NamedArmedGroupsThatDifferConflictAnUnnamedOneFits) {
  const auto jnim =
      report("Battles", "Armed clash", "2024-03-10", kDjiboLat, kDjiboLon, kJnim, std::nullopt);
  EXPECT_FALSE(same_incident(
      jnim, report("Battles", "Armed clash", "2024-03-10", kDjiboLat, kDjiboLon, kIs)));
  EXPECT_TRUE(same_incident(
      jnim, report("Battles", "Armed clash", "2024-03-10", kDjiboLat, kDjiboLon, kGunmen)));
}

TEST(IncidentRules, UnresolvedDatesAndUnknownPlacesNeverMatch) {
  const auto a = report("Battles", "Armed clash", "2024-03-10", kDjiboLat, kDjiboLon, kJnim, kArmy);
  auto undated = a;
  undated.date = DateField{std::nullopt, std::nullopt, "day", "unresolved", 3, "", std::nullopt};
  EXPECT_FALSE(same_incident(a, undated));
  auto nowhere = a;
  nowhere.location.reset();
  EXPECT_FALSE(same_incident(a, nowhere));
}

TEST(IncidentRules, AnAdmin2OnlyPlaceNeedsTheSameDistrictAndSomethingMoreInCommon) {
  const auto town = report("Battles", "Armed clash", "2024-03-10", kDjiboLat, kDjiboLon, kJnim);
  auto district = town;
  district.location->lat.reset();
  district.location->lon.reset();
  district.location->geo_precision = 3;
  district.location->precision = "admin2";
  EXPECT_TRUE(same_incident(town, district));
  district.location->admin2 = "Oudalan";
  EXPECT_FALSE(same_incident(town, district));
}

TEST(IncidentRules, AConflictIsWhatNoFurtherDetailCouldReconcile) {
  const auto a = report("Battles", "Armed clash", "2024-03-10", kDjiboLat, kDjiboLon, kJnim, kArmy);
  // Weak but not conflicting: an admin1-only place with no shared actor matches nothing yet.
  auto region = report("Violence against civilians", "Attack", "2024-03-11", 0, 0, kGunmen);
  region.location->lat.reset();
  region.location->lon.reset();
  region.location->admin2.reset();
  region.location->geo_precision = 4;
  EXPECT_FALSE(same_incident(a, region));
  EXPECT_FALSE(reports_conflict(a, region));
  auto undated = a;
  undated.date = DateField{std::nullopt, std::nullopt, "day", "unresolved", 3, "", std::nullopt};
  EXPECT_FALSE(reports_conflict(a, undated));
  // Conflicts.
  EXPECT_TRUE(
      reports_conflict(report("Battles", "Armed clash", "2024-03-10", kDjiboLat, kDjiboLon, kJnim),
                       report("Battles", "Armed clash", "2024-03-10", kDjiboLat, kNearLon, kIs)));
  EXPECT_TRUE(reports_conflict(
      a, report("Battles", "Armed clash", "2024-03-12", kDjiboLat, kDjiboLon, kJnim, kArmy)));
  EXPECT_TRUE(reports_conflict(
      a, report("Battles", "Armed clash", "2024-03-10", kDoriLat, kDoriLon, kJnim, kArmy)));
  EXPECT_TRUE(reports_conflict(
      a, report("Protests", "Peaceful protest", "2024-03-10", kDjiboLat, kDjiboLon)));
  auto other_region = region;
  other_region.location->admin1 = "Nord";
  EXPECT_TRUE(reports_conflict(a, other_region));
}

StoredEvent stored(std::int64_t id, std::int64_t doc, EventRecord r, int best, int low, int high,
                   const std::string& source, const std::string& status) {
  r.fatalities = FatalitiesField{best, low, high, "", std::nullopt};
  r.source = SourceField{source, status, "", std::nullopt};
  return {id, doc, 1, std::move(r)};
}

TEST(IncidentSummary, FatalitiesAreTheLowestIndependentFigureWithTheRangeOfAllReports) {
  const auto base =
      report("Battles", "Armed clash", "2024-03-10", kDjiboLat, kDjiboLon, kGunmen, kArmy);
  auto claim = base;
  claim.actor1 = kJnim;
  const auto s = summarize_incident(
      7,
      {stored(1, 1, base, 20, 20, 20, "AFP", "reported"),
       stored(2, 2, base, 23, 23, 23, "Reuters", "reported"),
       stored(3, 3, claim, 45, 45, 45, "JNIM: Group for Support of Islam and Muslims", "claimed")});
  ASSERT_TRUE(s.fatalities);
  EXPECT_EQ(*s.fatalities, 20);
  EXPECT_EQ(s.json["fatalities"]["low"], 20);
  EXPECT_EQ(s.json["fatalities"]["high"], 45);
  EXPECT_EQ(s.json["fatalities"]["rule"], "lowest of 2 independent reports; reports range 20-45");
  EXPECT_TRUE(s.competing);                         // the claim's 45 fits no other account
  EXPECT_EQ(s.json["actor1"]["name"], kJnim.name);  // a name before a description
  EXPECT_EQ(s.reports, 3);
  EXPECT_EQ(s.documents, 3);
  EXPECT_EQ(s.json["accounts"].size(), 3u);
}

TEST(IncidentSummary, AClaimOnlyCountsWhenNobodyElseGivesAFigure) {
  const auto base =
      report("Battles", "Armed clash", "2024-03-10", kDjiboLat, kDjiboLon, kGunmen, kArmy);
  auto told = stored(1, 1, base, 0, 0, 0, "AFP", "reported");
  told.record.fatalities.reset();
  const auto s = summarize_incident(
      1, {told, stored(2, 2, base, 12, 12, 12, "Military Forces of Burkina Faso", "claimed")});
  ASSERT_TRUE(s.fatalities);
  EXPECT_EQ(*s.fatalities, 12);
  EXPECT_EQ(s.json["fatalities"]["rule"], "lowest of 1 claimed report");
  EXPECT_FALSE(s.competing);
}

TEST(IncidentSummary, DatesAreWhatEveryReportAllows) {
  auto week = report("Battles", "Armed clash", "2024-03-04", kDjiboLat, kDjiboLon);
  week.date->end = "2024-03-10";
  const auto day = report("Battles", "Armed clash", "2024-03-08", kDjiboLat, kDjiboLon);
  const auto s = summarize_incident(1, {{1, 1, 1, week}, {2, 2, 1, day}});
  EXPECT_EQ(s.date_start, "2024-03-08");
  EXPECT_EQ(s.date_end, "2024-03-08");
}

TEST(EventFilter, ValuesAreCheckedAndErrorsSayWhatWasExpected) {
  EventFilter f;
  EXPECT_FALSE(set_filter_field(f, "country", "ml"));
  EXPECT_EQ(f.country, "ML");
  EXPECT_FALSE(set_filter_field(f, "near", "14.33,-4.60,50"));
  ASSERT_TRUE(f.near);
  EXPECT_DOUBLE_EQ(f.near->km, 50);
  EXPECT_NE(set_filter_field(f, "near", "14.33,-4.60")->find("LAT,LON,KM"), std::string::npos);
  EXPECT_NE(set_filter_field(f, "near", "95,0,10")->find("LAT,LON,KM"), std::string::npos);
  EXPECT_NE(set_filter_field(f, "from", "2022-13-01")->find("YYYY-MM-DD"), std::string::npos);
  EXPECT_NE(set_filter_field(f, "country", "Mali")->find("alpha-2"), std::string::npos);
  EXPECT_NE(set_filter_field(f, "limit", "-3")->find("whole number"), std::string::npos);
  EXPECT_EQ(*set_filter_field(f, "colour", "red"), "unknown filter 'colour'");
}

// The incident sets through the pipeline into a fresh SQLite store, in the order given.
struct IngestedSets {
  test::TempDir dir;
  std::unique_ptr<EventStore> store;
  std::map<std::string, std::int64_t> documents;  ///< input id → stored document id
};

// Every store test runs on each backend: an SQLite file, and a database of a throw-away
// PostgreSQL server (tests/postgres_cluster), skipped with the reason where none can run.
class EventStores : public ::testing::TestWithParam<std::string> {
 protected:
  // A fresh store's location for this backend, or empty with why_ set.
  std::string fresh_location() {
    if (GetParam() == "sqlite") return (dir_ / "events.db").string();
    return test::fresh_postgres_database(why_).value_or("");
  }
  test::TempDir dir_;
  std::string why_;
};

#define FRESH_STORE_OR_SKIP(location)            \
  const std::string location = fresh_location(); \
  if (location.empty()) GTEST_SKIP() << why_;

std::unique_ptr<IngestedSets> ingest_sets(const std::vector<std::string>& sets,
                                          const std::string& location) {
  auto pipeline = test::pipeline_with_gazetteer(std::nullopt);
  if (!pipeline) return nullptr;
  auto out = std::make_unique<IngestedSets>();
  out->store = open_event_store(location);
  std::vector<std::string> paths;
  for (const auto& s : sets) {
    paths.push_back((test::source_dir() / "tests/incidents" / s / "articles.jsonl").string());
  }
  InputReader reader(paths);
  run_batch(reader, *pipeline, 1, [&](ProcessedDocument& p) {
    ASSERT_FALSE(p.problem) << p.problem->describe();
    const auto outcome = out->store->add_document(*p.doc, p.events);
    ASSERT_TRUE(outcome.added);
    out->documents[p.doc->meta.id] = outcome.document_id;
  });
  return out;
}

// The documents of each incident, by input id: how the store partitioned the articles.
std::set<std::set<std::string>> partition(EventStore& store) {
  std::map<std::int64_t, std::set<std::string>> by_incident;
  for (const auto& e : store.find_events({})) by_incident[e.incident_id].insert(e.record.doc.id);
  std::set<std::set<std::string>> out;
  for (auto& [id, docs] : by_incident) out.insert(docs);
  return out;
}

const std::vector<std::string> kSets = {"sebba-attack", "bandiagara-bus", "djibo-week-apart",
                                        "same-day-far"};

TEST_P(EventStores, ReportsOfOneIncidentCollapseAndNearMissesStayApart) {
  SKIP_WITHOUT_SHARED();
  FRESH_STORE_OR_SKIP(location);
  auto in = ingest_sets(kSets, location);
  ASSERT_TRUE(in) << "gazetteer inputs missing";
  const std::set<std::set<std::string>> expected = {
      {"sebba-afp-fr", "sebba-reuters-en", "sebba-claim-fr", "sebba-army-en"},
      {"bandiagara-afp-fr", "bandiagara-ap-en", "bandiagara-local-fr"},
      {"djibo-first-fr"},
      {"djibo-second-en"},
      {"dori-fr"},
      {"djibo-en"}};
  EXPECT_EQ(partition(*in->store), expected);

  auto sebba = in->store->find_incidents([] {
    EventFilter f;
    f.text = "Sebba";
    return f;
  }());
  ASSERT_EQ(sebba.size(), 1u);
  EXPECT_EQ(sebba[0].documents, 4);
  EXPECT_EQ(sebba[0].fatalities, 20);  // AFP's 20 is the lowest independent figure
  EXPECT_TRUE(sebba[0].competing);     // JNIM claims 45, the army 12 soldiers and dozens more
  EXPECT_EQ(sebba[0].json["fatalities"]["low"], 20);
  EXPECT_EQ(sebba[0].json["actor1"]["name"], "JNIM: Group for Support of Islam and Muslims");
  EXPECT_EQ(sebba[0].json["location"]["name"], "Sebba");
  EXPECT_EQ(sebba[0].date_start, "2024-03-10");

  EventFilter bus;
  bus.type = "Remote explosive/landmine/IED";
  auto bandiagara = in->store->find_incidents(bus);
  ASSERT_EQ(bandiagara.size(), 1u);
  EXPECT_EQ(bandiagara[0].fatalities, 28);  // « at least 28 »; « une trentaine » is 25-35
  EXPECT_EQ(bandiagara[0].json["fatalities"]["low"], 25);
  EXPECT_EQ(bandiagara[0].json["fatalities"]["high"], 35);
  EXPECT_FALSE(bandiagara[0].competing);  // the government's 31 lies within the local range

  // On a map: three records, one incident.
  const auto records = in->store->find_points(bus);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].location, "Bandiagara");
  const auto incidents = in->store->find_incident_points(bus);
  ASSERT_EQ(incidents.size(), 1u);
  EXPECT_EQ(incidents[0].id, bandiagara[0].id);
  EXPECT_EQ(incidents[0].reports, 3);
  EXPECT_EQ(incidents[0].fatalities, 28);
  EXPECT_NEAR(incidents[0].lat, *bandiagara[0].lat, 1e-9);
}

TEST_P(EventStores, TheOrderArticlesArriveInDoesNotChangeTheIncidents) {
  SKIP_WITHOUT_SHARED();
  FRESH_STORE_OR_SKIP(location);
  auto forward = ingest_sets(kSets, location);
  ASSERT_TRUE(forward);
  std::vector<std::string> reversed(kSets.rbegin(), kSets.rend());
  const std::string second =
      GetParam() == "sqlite" ? (dir_ / "reversed.db").string() : fresh_location();
  auto backward = ingest_sets(reversed, second);
  EXPECT_EQ(partition(*forward->store), partition(*backward->store));
}

TEST_P(EventStores, TheSameBytesAreStoredOnce) {
  SKIP_WITHOUT_SHARED();
  FRESH_STORE_OR_SKIP(location);
  auto in = ingest_sets({"djibo-week-apart"}, location);
  ASSERT_TRUE(in);
  const auto hashes = in->store->document_hashes();
  EXPECT_EQ(hashes.size(), 2u);
  const auto before = in->store->count_events({});
  auto pipeline = test::pipeline_with_gazetteer(std::nullopt);
  InputReader reader({(test::source_dir() / "tests/incidents/djibo-week-apart/articles.jsonl")});
  run_batch(reader, *pipeline, 1, [&](ProcessedDocument& p) {
    EXPECT_EQ(hashes.count(p.doc->meta.content_hash), 1u);
    EXPECT_FALSE(in->store->add_document(*p.doc, p.events).added);
  });
  EXPECT_EQ(in->store->count_events({}), before);
}

TEST_P(EventStores, FiltersSelectWhatTheySay) {
  SKIP_WITHOUT_SHARED();
  FRESH_STORE_OR_SKIP(location);
  auto in = ingest_sets(kSets, location);
  ASSERT_TRUE(in);
  auto count = [&](std::vector<std::pair<std::string, std::string>> fields) {
    EventFilter f;
    for (const auto& [k, v] : fields) {
      if (auto error = set_filter_field(f, k, v)) ADD_FAILURE() << *error;
    }
    return in->store->count_events(f);
  };
  const auto all = count({});
  EXPECT_EQ(count({{"country", "BF"}}) + count({{"country", "ML"}}), all);
  EXPECT_EQ(count({{"country", "ML"}}), 3);
  EXPECT_EQ(count({{"from", "2024-04-01"}, {"to", "2024-04-30"}}), 2);  // the two Djibo attacks
  EXPECT_EQ(count({{"type", "Violence against civilians"}}), 2);
  EXPECT_EQ(count({{"actor", "jnim"}}), 1);  // JNIM's own claim names it
  EXPECT_EQ(count({{"text", "revendiqué"}}), 1);
  EXPECT_EQ(count({{"text", "revendique"}}), 1);  // accents ignored
  EXPECT_EQ(count({{"text", "Sebba \"soldiers"}}),
            2);  // both English Sebba reports; quotes are words
  // Within 10 km of Djibo: the two Djibo attacks and the Djibo ambush, not Dori, not Sebba.
  EXPECT_EQ(count({{"near", "14.1008,-1.6280,10"}}), 3);
  EXPECT_EQ(count({{"near", "14.1008,-1.6280,10"}, {"from", "2024-05-01"}}), 1);

  EventFilter page;
  page.limit = 3;
  page.offset = 2;
  const auto events = in->store->find_events(page);
  const auto everything = in->store->find_events({});
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].id, everything[2].id);
  for (std::size_t k = 1; k < everything.size(); ++k) {
    const auto& a = everything[k - 1].record.date->start;
    const auto& b = everything[k].record.date->start;
    EXPECT_GE(*a, *b);  // the latest first
  }
}

// A store of synthetic one-record articles: most within 30 km of Djibo, a few scattered up to
// 300 km away; JNIM, the army, gunmen or nobody named; two records on each day.
struct SyntheticStore {
  std::unique_ptr<EventStore> store;
  std::vector<EventRecord> records;
};

// Stores one record as an article of its own.
IngestOutcome store_alone(EventStore& store, EventRecord r, const std::string& id) {
  r.event_id = r.incident_id = id;
  r.doc.id = id;
  Document doc("Article " + id + ".", InputFormat::Text, Origin{});
  doc.meta.id = id;
  doc.meta.content_hash = "hash-of-" + id;
  doc.language.code = "en";
  return store.add_document(doc, {r});
}

SyntheticStore synthetic_store(const std::string& location, int n) {
  SyntheticStore out;
  out.store = open_event_store(location);
  for (int i = 0; i < n; ++i) {
    const bool dense = i % 5 != 0;
    const double lat =
        kDjiboLat + (dense ? ((i * 7) % 40 - 20) * 0.01 : ((i * 13) % 50 - 25) * 0.1);
    const double lon =
        kDjiboLon + (dense ? ((i * 11) % 40 - 20) * 0.01 : ((i * 17) % 50 - 25) * 0.1);
    char day[11];
    std::snprintf(day, sizeof day, "2024-%02d-%02d", 1 + (i / 40) % 6, 1 + i % 20);  // two a day
    std::optional<ActorField> first, second;
    if (i % 3 == 0) first = kJnim;
    if (i % 3 == 1) first = kArmy;
    if (i % 4 == 0) second = kGunmen;
    if (i % 9 == 0) first = kGunmen;  // one name in both roles
    EventRecord r = report("Battles", "Armed clash", day, lat, lon, first, second);
    store_alone(*out.store, r, "synthetic-" + std::to_string(i));
    out.records.push_back(std::move(r));
  }
  return out;
}

// A report that fits one account of an incident but conflicts with another does not join it:
// an attack JNIM is said to have made and one by unnamed gunmen the same day 3 km away are one
// incident; one the Islamic State is said to have made there that day fits the gunmen's account,
// not JNIM's, so it stays apart (no shared target or opponent reconciles the two groups), in
// either order.
TEST_P(EventStores, ReportsDoNotChainIntoOneIncident) {
  for (bool reversed : {false, true}) {
    FRESH_STORE_OR_SKIP(location);
    auto store = open_event_store(
        GetParam() == "sqlite" && reversed ? (dir_ / "reversed.db").string() : location);
    std::vector<std::pair<std::string, EventRecord>> reports = {
        {"jnim", report("Battles", "Armed clash", "2024-03-10", kDjiboLat, kDjiboLon, kJnim)},
        {"gunmen", report("Battles", "Armed clash", "2024-03-10", kDjiboLat, kNearLon, kGunmen)},
        {"is", report("Battles", "Armed clash", "2024-03-10", kDjiboLat, kNearLon, kIs)}};
    if (reversed) std::reverse(reports.begin(), reports.end());
    for (const auto& [id, r] : reports) store_alone(*store, r, id);
    std::map<std::string, std::int64_t> incident;
    for (const auto& e : store->find_events({})) incident[e.record.doc.id] = e.incident_id;
    EXPECT_NE(incident["jnim"], incident["is"]) << (reversed ? "reversed" : "in order");
    // The gunmen's account joins whichever armed group's report came first.
    EXPECT_EQ(incident["gunmen"], incident[reversed ? "is" : "jnim"]);
  }
}

// Every page of a filter, whichever way the store reads it (a dense place along the date index, a
// sparse one sorted, an actor's names merged), is the slice of the filter's whole list, and the
// whole list holds exactly the records the filter describes.
TEST_P(EventStores, EveryPageIsASliceOfTheWholeList) {
  FRESH_STORE_OR_SKIP(location);
  const auto s = synthetic_store(location, 240);
  auto expected = [&](const EventFilter& f) {
    std::int64_t n = 0;
    for (const auto& r : s.records) {
      const auto& l = *r.location;
      const std::string& day = *r.date->start;
      if (f.near && distance_km(*l.lat, *l.lon, f.near->lat, f.near->lon) > f.near->km) continue;
      if (f.from && day < *f.from) continue;
      if (f.to && day > *f.to) continue;
      if (f.actor) {
        auto named = [&](const std::optional<ActorField>& a) {
          if (!a) return false;
          std::string name = a->name, pattern = *f.actor;
          for (auto* t : {&name, &pattern}) {
            std::transform(t->begin(), t->end(), t->begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
          }
          return name.find(pattern) != std::string::npos;
        };
        if (!named(r.actor1) && !named(r.actor2)) continue;
      }
      ++n;
    }
    return n;
  };
  std::vector<EventFilter> filters;
  auto add = [&](std::vector<std::pair<std::string, std::string>> fields) {
    EventFilter f;
    for (const auto& [k, v] : fields) {
      if (auto error = set_filter_field(f, k, v)) ADD_FAILURE() << *error;
    }
    filters.push_back(f);
  };
  add({{"near", "14.1008,-1.6280,30"}});  // dense
  add({{"near", "14.1008,-1.6280,30"}, {"from", "2024-02-01"}, {"to", "2024-04-30"}});
  add({{"near", "13.10,-0.63,40"}});  // sparse
  add({{"actor", "jnim"}});
  add({{"actor", "unidentified"}});                // in both roles
  add({{"actor", "of"}, {"from", "2024-03-01"}});  // several names
  for (auto f : filters) {
    const auto whole = s.store->find_event_json(f);
    EXPECT_EQ(whole.total, expected(f)) << f.actor.value_or("near");
    ASSERT_EQ(static_cast<std::int64_t>(whole.records.size()), whole.total);
    ASSERT_GT(whole.total, 0);
    std::vector<std::int64_t> whole_ids;
    for (const auto& e : s.store->find_events(f)) whole_ids.push_back(e.id);
    for (auto [limit, offset] : std::vector<std::pair<std::size_t, std::size_t>>{
             {10, 0}, {10, 25}, {50, 40}, {7, 170}, {5, 1000}}) {
      f.limit = limit;
      f.offset = offset;
      const auto page = s.store->find_event_json(f);
      EXPECT_EQ(page.total, whole.total);
      const std::size_t first = std::min(offset, whole.records.size());
      const std::size_t last = std::min(offset + limit, whole.records.size());
      const std::vector<std::string> slice(whole.records.begin() + first,
                                           whole.records.begin() + last);
      EXPECT_EQ(page.records, slice) << f.actor.value_or("near") << " " << limit << "@" << offset;
      std::vector<std::int64_t> ids;
      for (const auto& e : s.store->find_events(f)) ids.push_back(e.id);
      EXPECT_EQ(ids,
                std::vector<std::int64_t>(whole_ids.begin() + first, whole_ids.begin() + last));
    }
  }
}

TEST_P(EventStores, EvidenceIsTheWordsOfTheStoredText) {
  SKIP_WITHOUT_SHARED();
  FRESH_STORE_OR_SKIP(location);
  auto in = ingest_sets({"sebba-attack"}, location);
  ASSERT_TRUE(in);
  EventFilter f;
  f.actor = "JNIM";
  const auto events = in->store->find_events(f);
  ASSERT_EQ(events.size(), 1u);
  const auto evidence = in->store->evidence(events[0].id);
  std::map<std::string, std::string> by_field;
  for (const auto& e : evidence) by_field.emplace(e.field, e.text);
  EXPECT_EQ(by_field["location"], "Sebba");
  EXPECT_EQ(by_field["fatalities"], "tué 45 soldats");
  EXPECT_EQ(by_field["actor1"], "Le Groupe de soutien à l'islam et aux musulmans");
  const auto doc = in->store->document(events[0].document_id);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->meta.id, "sebba-claim-fr");
  EXPECT_EQ(doc->meta.source, "Le Monde Afrique");
  EXPECT_NE(doc->text.find(by_field["event"]), std::string::npos);
}

TEST_P(EventStores, StatsCountRecordsIncidentsAndTheirDeaths) {
  SKIP_WITHOUT_SHARED();
  FRESH_STORE_OR_SKIP(location);
  auto in = ingest_sets(kSets, location);
  ASSERT_TRUE(in);
  std::map<std::string, StatsRow> by_month;
  for (const auto& r : in->store->stats({}, StatsKey::Month)) by_month[r.key] = r;
  ASSERT_TRUE(by_month.count("2024-03"));
  EXPECT_EQ(by_month["2024-03"].incidents, 1);
  EXPECT_EQ(by_month["2024-03"].events, 4);
  EXPECT_EQ(by_month["2024-03"].fatalities, 20);  // the incident's figure, once
  EXPECT_EQ(by_month["2024-04"].incidents, 2);
  EXPECT_EQ(by_month["2024-04"].fatalities, 19);  // 8 + 11
  std::map<std::string, StatsRow> by_week;
  for (const auto& r : in->store->stats({}, StatsKey::Week)) by_week[r.key] = r;
  EXPECT_EQ(by_week["2024-04-01"].incidents, 1);  // Tuesday 2 April, week of Monday 1 April
  EXPECT_EQ(by_week["2024-04-08"].incidents, 1);
}

// Totals are cached per filter until the store changes, by this connection or another.
TEST_P(EventStores, CountsFollowWritesFromAnyConnection) {
  SKIP_WITHOUT_SHARED();
  FRESH_STORE_OR_SKIP(path);
  auto writer = ingest_sets({"djibo-week-apart"}, path);
  ASSERT_TRUE(writer);
  auto reader = open_event_store(path);
  EventFilter burkina;
  burkina.country = "BF";
  EXPECT_EQ(reader->count_events(burkina), 2);
  EXPECT_EQ(reader->count_events(burkina), 2);  // from the cache
  auto pipeline = test::pipeline_with_gazetteer(std::nullopt);
  auto add = [&](EventStore& store, const char* set) {
    InputReader more({(test::source_dir() / "tests/incidents" / set / "articles.jsonl").string()});
    run_batch(more, *pipeline, 1, [&](ProcessedDocument& p) {
      EXPECT_TRUE(store.add_document(*p.doc, p.events).added);
    });
  };
  add(*writer->store, "same-day-far");  // another connection writes
  EXPECT_EQ(reader->count_events(burkina), 4);
  add(*reader, "sebba-attack");  // this connection writes
  EXPECT_EQ(reader->count_events(burkina), 8);
  EXPECT_EQ(reader->find_event_json(burkina).total, 8);
}

INSTANTIATE_TEST_SUITE_P(Backends, EventStores, ::testing::Values("sqlite", "postgres"),
                         [](const auto& backend) { return backend.param; });

// A store written by the first schema gains the date index with coordinates when opened.
TEST(SqliteStore, AStoreOfTheFirstSchemaIsUpgraded) {
  test::TempDir dir;
  const auto path = (dir / "old.db").string();
  synthetic_store(path, 30);
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("DROP INDEX events_by_date");
    db.exec("CREATE INDEX events_by_date ON events(date_start, id)");
    db.exec("PRAGMA user_version = 1");
  }
  auto store = open_event_store(path);
  EventFilter dense;
  dense.near = EventFilter::Near{kDjiboLat, kDjiboLon, 30};
  dense.limit = 5;
  EXPECT_EQ(store->find_event_json(dense).records.size(), 5u);
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), 2);
  std::vector<std::string> columns;
  SQLite::Statement st(db, "SELECT name FROM pragma_index_info('events_by_date') ORDER BY seqno");
  while (st.executeStep()) columns.push_back(st.getColumn(0).getString());
  EXPECT_EQ(columns, (std::vector<std::string>{"date_start", "id", "lat", "lon"}));
}

// A PostgreSQL store of the first schema trades its ascending indexes for ones in page order.
TEST(PostgresStore, AStoreOfTheFirstSchemaIsUpgraded) {
  std::string why;
  const auto url = test::fresh_postgres_database(why);
  if (!url) GTEST_SKIP() << why;
  synthetic_store(*url, 30);
  {
    pqxx::connection c(*url);
    pqxx::work tx(c);
    tx.exec("DROP INDEX events_newest");
    tx.exec("CREATE INDEX events_by_date ON events(date_start, id)");
    tx.exec("UPDATE store_meta SET value = 1 WHERE key = 'schema_version'");
    tx.commit();
  }
  auto store = open_event_store(*url);
  EventFilter dense;
  dense.near = EventFilter::Near{kDjiboLat, kDjiboLon, 30};
  dense.limit = 5;
  EXPECT_EQ(store->find_event_json(dense).records.size(), 5u);
  pqxx::connection c(*url);
  pqxx::read_transaction tx(c);
  EXPECT_EQ(tx.exec("SELECT value FROM store_meta WHERE key = 'schema_version'")[0][0].as<int>(),
            2);
  auto indexes = [&](const std::string& name) {
    return tx.exec("SELECT 1 FROM pg_indexes WHERE indexname = " + tx.quote(name)).size();
  };
  EXPECT_EQ(indexes("events_by_date"), 0u);
  EXPECT_EQ(indexes("events_newest"), 1u);
}

// Opening a current store takes no lock on its tables. A server or an ingest that starts while
// another ingest holds an uncommitted document once ran the schema's CREATE INDEX IF NOT EXISTS,
// which waits for that row, while the ingest waited for the opener's write lock: a deadlock.
// Here the opener is given 5 s to get any table lock, and must need none.
TEST(PostgresStore, OpeningACurrentStoreWaitsForNoWriter) {
  std::string why;
  const auto url = test::fresh_postgres_database(why);
  if (!url) GTEST_SKIP() << why;
  open_event_store(*url);  // makes the schema
  pqxx::connection other(*url);
  pqxx::work writing(other);
  writing.exec("LOCK TABLE documents IN ROW EXCLUSIVE MODE");  // what an INSERT holds
  try {
    auto store = open_event_store(*url + "?options=-c%20lock_timeout%3D5000");
    EXPECT_EQ(store->find_events(EventFilter{}).size(), 0u);
  } catch (const std::exception& e) {
    FAIL() << "opening waited for the writer's rows: " << e.what();
  }
}

TEST(SqliteStore, AStoreFromANewerVigieIsRefused) {
  test::TempDir dir;
  const auto path = (dir / "new.db").string();
  open_event_store(path);
  {
    auto db = open_event_store(path);  // opens again fine
  }
  // Mark it as made by a later schema, as a future vigie would.
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 99");
  }
  try {
    open_event_store(path);
    FAIL() << "a newer store was opened";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("newer vigie"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace vigie
