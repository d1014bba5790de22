// The writers on constructed records: field names and order of the contract, nulls, escaping.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "output/event_json.h"
#include "output/event_writer.h"

namespace vigie {
namespace {

EventRecord moura_record() {
  EventRecord r;
  r.event_id = "ev-1";
  r.incident_id = "inc-1";
  r.doc = {"mali.txt", "AFP", std::nullopt, "2022-04-25", "fr"};
  r.event_type = "Violence against civilians";
  r.sub_event_type = "Attack";
  r.plover = "ASSAULT";
  r.cameo_root = "18";
  r.date = DateField{"2022-03-27",
                     "2022-03-31",
                     "day",
                     "range",
                     1,
                     "entre le 27 et le 31 mars",
                     CodePointSpan{1234, 1259}};
  r.location = LocationField{"Moura", "ML",  "Mopti", "Djenne", 14.328,  -4.604,
                             2453345, "PPL", "exact", 1,        "Moura", CodePointSpan{1300, 1305}};
  r.actor1 = ActorField{"Military Forces of Mali", "state_forces",           1, "ML",
                        "des soldats maliens",     CodePointSpan{1100, 1119}};
  r.assoc_actor1 = {ActorField{"Wagner Group", "external_other", 8, "RU",
                               "des soldats étrangers blancs", CodePointSpan{1124, 1152}}};
  r.actor2 =
      ActorField{"Civilians (Mali)", "civilians", 7, "ML", "300 civils", CodePointSpan{1280, 1290}};
  r.interaction = 17;
  r.fatalities = FatalitiesField{300, 300, 300, "300 civils", CodePointSpan{1280, 1290}};
  r.source = SourceField{"Human Rights Watch", "reported", "Selon", CodePointSpan{1090, 1095}};
  r.evidence = {{1090, 1330}};
  r.confidence = 0.82;
  return r;
}

TEST(JsonlWriter, WritesTheContractFieldsInOrder) {
  std::ostringstream out;
  auto w = make_event_writer("jsonl", out);
  w->begin();
  w->write(moura_record());
  w->end();
  const std::string line = out.str();
  ASSERT_EQ(line.back(), '\n');
  EXPECT_EQ(std::count(line.begin(), line.end(), '\n'), 1);
  const auto j = nlohmann::ordered_json::parse(line);
  std::vector<std::string> keys;
  for (const auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys,
            (std::vector<std::string>{
                "schema", "event_id", "incident_id", "doc", "event_type", "sub_event_type",
                "plover", "cameo_root", "date", "location", "actor1", "assoc_actor1", "actor2",
                "assoc_actor2", "interaction", "fatalities", "source", "evidence", "confidence"}));
  EXPECT_EQ(j["schema"], "vigie.event/1");
  EXPECT_EQ(j["date"]["span"], nlohmann::json::array({1234, 1259}));
  EXPECT_EQ(j["location"]["geonameid"], 2453345);
  EXPECT_EQ(j["actor1"]["text"], "des soldats maliens");
  EXPECT_EQ(j["assoc_actor1"][0]["name"], "Wagner Group");
  EXPECT_EQ(j["fatalities"]["best"], 300);
  EXPECT_EQ(j["evidence"][0]["start"], 1090);
  EXPECT_TRUE(j["doc"]["url"].is_null());
}

TEST(JsonlWriter, UnknownObjectsAreNullAndListsEmpty) {
  EventRecord r;
  r.event_id = "ev-2";
  r.event_type = "Battles";
  r.sub_event_type = "Armed clash";
  const auto j = to_json(r);
  for (const char* key :
       {"date", "location", "actor1", "actor2", "fatalities", "source", "interaction", "plover"}) {
    EXPECT_TRUE(j[key].is_null()) << key;
  }
  EXPECT_TRUE(j["assoc_actor1"].is_array() && j["assoc_actor1"].empty());
  EXPECT_TRUE(j["evidence"].is_array() && j["evidence"].empty());
}

TEST(JsonlWriter, EscapesQuotesControlCharactersAndKeepsUnicode) {
  EventRecord r = moura_record();
  r.actor1->text = "les « FAMa »\n\"armée\"\t\\";
  std::ostringstream out;
  make_event_writer("jsonl", out)->write(r);
  EXPECT_NE(out.str().find(R"("text":"les « FAMa »\n\"armée\"\t\\")"), std::string::npos)
      << out.str();
  EXPECT_EQ(nlohmann::json::parse(out.str())["actor1"]["text"], r.actor1->text);
}

TEST(CsvWriter, UsesAcledColumnsAndQuotesWhatNeedsIt) {
  std::ostringstream out;
  auto w = make_event_writer("csv", out);
  w->begin();
  EventRecord r = moura_record();
  r.assoc_actor1.push_back(ActorField{"Civilians (Mali)", "civilians", 7, "ML", "", std::nullopt});
  r.actor2->name = "Unidentified \"Armed\" Group, Mali";
  w->write(r);
  w->end();
  std::istringstream lines(out.str());
  std::string header, row;
  std::getline(lines, header);
  std::getline(lines, row);
  EXPECT_EQ(
      header.rfind("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,"
                   "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,country,admin1,"
                   "admin2,location,latitude,longitude,geo_precision,source,notes,fatalities",
                   0),
      0u);
  EXPECT_EQ(row.rfind("ev-1,2022-03-27,2022,1,Violence against civilians,Attack,Military Forces of "
                      "Mali,Wagner Group; Civilians (Mali),1,\"Unidentified \"\"Armed\"\" Group, "
                      "Mali\",,7,17,ML,Mopti,Djenne,Moura,14.328,-4.604,1,Human Rights "
                      "Watch,,300,300,300,reported,0.82,inc-1,mali.txt,1090-1330",
                      0),
            0u)
      << row;
  EXPECT_EQ(csv_field("a\nb"), "\"a\nb\"");
  EXPECT_EQ(csv_field("plain"), "plain");
}

TEST(GeoJsonWriter, WritesPointFeaturesAndSkipsEventsWithoutCoordinates) {
  std::ostringstream out;
  auto w = make_event_writer("geojson", out);
  w->begin();
  w->write(moura_record());
  EventRecord nowhere = moura_record();
  nowhere.event_id = "ev-nowhere";
  nowhere.location.reset();
  w->write(nowhere);
  w->end();
  const auto j = nlohmann::json::parse(out.str());
  EXPECT_EQ(j["type"], "FeatureCollection");
  ASSERT_EQ(j["features"].size(), 1u);
  EXPECT_EQ(j["features"][0]["geometry"]["coordinates"], nlohmann::json::array({-4.604, 14.328}));
  EXPECT_EQ(j["features"][0]["properties"]["event_id"], "ev-1");
}

TEST(GeoJsonWriter, AnEmptyCollectionIsStillValid) {
  std::ostringstream out;
  auto w = make_event_writer("geojson", out);
  w->begin();
  w->end();
  EXPECT_TRUE(nlohmann::json::parse(out.str())["features"].empty());
}

TEST(EventWriter, UnknownFormatIsRefused) {
  std::ostringstream out;
  EXPECT_EQ(make_event_writer("xml", out), nullptr);
}

}  // namespace
}  // namespace vigie
