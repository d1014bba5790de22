// Stage 7: events from sentences with an event word, roles from the clause, attribution, merged
// repeats and linked accounts (docs/events.md). Real sentences in, event records out.
#include "events/event_builder.h"

#include <gtest/gtest.h>

#include "eval/evaluator.h"
#include "output/event_json.h"
#include "pipeline/pipeline.h"
#include "test_support.h"
#include "util/utf8.h"

namespace vigie {
namespace {

class EventBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SKIP_WITHOUT_SHARED();
    pipeline_ = test::pipeline_with_gazetteer("2022-04-25");
    if (!pipeline_) GTEST_SKIP() << "no gazetteer inputs";
  }

  std::vector<EventRecord> events(const std::string& text) {
    RawDocument raw;
    raw.bytes = text;
    raw.origin.path = "t.txt";
    auto r = pipeline_->process(raw);
    EXPECT_TRUE(r.doc) << (r.problem ? r.problem->message : "");
    return r.events;
  }

  std::unique_ptr<Pipeline> pipeline_;
};

TEST_F(EventBuilderTest, CodesWhoDidWhatToWhomWhereWhenAndSaysWhoReportedIt) {
  const std::string text =
      "Selon HRW, des soldats maliens ont exécuté 300 civils à Moura entre le 27 et le 31 mars.";
  const auto e = events(text);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].event_type, "Violence against civilians");
  EXPECT_EQ(e[0].sub_event_type, "Attack");
  EXPECT_EQ(e[0].plover, "ASSAULT");
  EXPECT_EQ(e[0].cameo_root, "18");
  ASSERT_TRUE(e[0].actor1 && e[0].actor2);
  EXPECT_EQ(e[0].actor1->name, "Military Forces of Mali");
  EXPECT_EQ(e[0].actor2->name, "Civilians (Mali)");
  EXPECT_EQ(e[0].interaction, 17);
  ASSERT_TRUE(e[0].fatalities);
  EXPECT_EQ(e[0].fatalities->best, 300);
  ASSERT_TRUE(e[0].date && e[0].date->start);
  EXPECT_EQ(*e[0].date->start, "2022-03-27");
  EXPECT_EQ(*e[0].date->end, "2022-03-31");
  ASSERT_TRUE(e[0].location);
  EXPECT_EQ(e[0].location->name, "Moura");  // the article's spelling of GeoNames' Mora
  EXPECT_EQ(e[0].location->admin1, "Mopti");
  ASSERT_TRUE(e[0].source);  // HRW reports; it is no party to the killing
  EXPECT_EQ(e[0].source->name, "Human Rights Watch");
  EXPECT_EQ(e[0].source->status, "reported");
  ASSERT_EQ(e[0].evidence.size(), 1u);
  EXPECT_EQ(e[0].evidence[0].start, 0u);
  EXPECT_EQ(e[0].evidence[0].end, utf8::count_code_points(text));
}

// Most villages are in no gazetteer. One the text says is a village, and places in an area, is
// the event's place under its own name, with the area's coordinates, and no GeoNames entry of
// its own; the area that holds it is not the event's place.
TEST_F(EventBuilderTest, AVillageTheGazetteerLacksKeepsItsNameAndTakesItsAreasCoordinates) {
  const auto e = events(
      "Des hommes armés ont tué six civils dans le village de Wendoubara, dans la province du "
      "Soum, le 3 avril.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].location);
  const LocationField& where = *e[0].location;
  EXPECT_EQ(where.name, "Wendoubara");
  EXPECT_EQ(where.country, "BF");
  EXPECT_EQ(where.admin1, "Sahel");
  EXPECT_EQ(where.precision, "admin2");
  EXPECT_EQ(where.geo_precision, 3);
  EXPECT_FALSE(where.geonameid);
  ASSERT_TRUE(where.lat && where.lon);
  EXPECT_NEAR(*where.lat, 14.1, 0.5);  // the province of Soum, around Djibo
  EXPECT_NEAR(*where.lon, -1.6, 0.5);
  // A name with nothing to say it is a settlement's is no place: the country stands.
  const auto bare =
      events("Des hommes armés ont tué six civils à Wendoubara le 3 avril au Burkina Faso.");
  ASSERT_EQ(bare.size(), 1u);
  ASSERT_TRUE(bare[0].location);
  EXPECT_EQ(bare[0].location->precision, "country");
  EXPECT_EQ(bare[0].location->country, "BF");
}

// "Katsina militiamen attacked … in Karfi ward (Malumfashi, Katsina)": the town in an actor's name
// is where the actor comes from, not where the event happened; and a clause that names no place
// happened where the rest of its sentence did.
TEST_F(EventBuilderTest, WhereTheEventHappenedNotWhereItsActorsComeFrom) {
  const auto home = events(
      "On 4 April 2022, Katsina militiamen raided farms and killed 9 people in Dangani ward "
      "(Malumfashi, Katsina).");
  ASSERT_EQ(home.size(), 1u);
  ASSERT_TRUE(home[0].location);
  EXPECT_EQ(home[0].location->name, "Dangani");
  // "the town of Koro (Koro, Mopti)": the town, not the cercle of the same name after it.
  const auto town = events(
      "On 12 April 2022, residents demonstrated against the lack of water in the town of Koro "
      "(Koro, Mopti).");
  ASSERT_EQ(town.size(), 1u);
  ASSERT_TRUE(town[0].location);
  EXPECT_EQ(town[0].location->precision, "exact");
  EXPECT_EQ(town[0].location->feature_code, "PPLA2");
  // « aux portes de Niamey » … « le village de Dargolbé, à 12 km au sud de Niamey »: the village
  // the account's own place holds says more than that place.
  const auto village = events(
      "Trois civils ont été tués jeudi lors d'une attaque aux portes de Niamey, la capitale du "
      "Niger. L'attaque a visé le poste de gendarmerie du village de Dargolbé, à 12 km au sud de "
      "Niamey, sur la route du parc du W.");
  ASSERT_EQ(village.size(), 1u);
  ASSERT_TRUE(village[0].location);
  EXPECT_EQ(village[0].location->name, "Dargolbé");
  const auto clauses = events(
      "On 22 April 2022, soldiers arrested 21 teachers in front of the governor's office on a "
      "Monday morning and 6 others were arrested at the ministry in Djibo on Tuesday.");
  ASSERT_FALSE(clauses.empty());
  for (const auto& e : clauses) {
    ASSERT_TRUE(e.location);
    EXPECT_EQ(e.location->name, "Djibo");
  }
}

// "Three explosions occurred": a counted event noun sums events told after it (« Deux attaques
// distinctes… Samedi… Dimanche… », the development set's fr15), and is the report's event when
// nothing after it tells them.
TEST_F(EventBuilderTest, ACountedEventThatSumsNothingToldIsTheEvent) {
  const auto e = events(
      "On 22 April 2022, in the village of Tanga (Tera, Tillaberi), three explosions occurred at "
      "night. Casualties unknown.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].event_type, "Explosions/Remote violence");
  ASSERT_TRUE(e[0].location);
  EXPECT_EQ(e[0].location->name, "Tanga");
}

// "Soldiers were on patrol when gunmen attacked their convoy": a subordinating word opens the
// event verb's clause; the armed men of the other side before it were on the receiving end, and
// bystanders before it (« une localité abritant des déplacés, lorsqu'un véhicule a sauté ») are
// no side at all.
TEST_F(EventBuilderTest, AnActorBeforeWhenIsNotTheSubjectOfTheVerbAfterIt) {
  const auto patrol = events(
      "Mardi, des soldats patrouillaient près de Djibo lorsque des hommes armés ont attaqué leur "
      "convoi.");
  ASSERT_EQ(patrol.size(), 1u);
  ASSERT_TRUE(patrol[0].actor1 && patrol[0].actor2);
  EXPECT_EQ(patrol[0].actor1->type, "political_militia");
  EXPECT_EQ(patrol[0].actor2->type, "state_forces");
  const auto bystanders = events(
      "Mardi, le convoi revenait de Foubè, une localité abritant des déplacés, lorsqu'un véhicule "
      "a sauté sur un engin explosif près de Barsalogho.");
  ASSERT_EQ(bystanders.size(), 1u);
  EXPECT_FALSE(bystanders[0].actor2 && bystanders[0].actor2->type == "civilians");
}

// Violence told without its author is that of the one armed group its paragraph names; with
// two groups named, the text does not say, and the author stays unidentified.
TEST_F(EventBuilderTest, TheOneArmedGroupAParagraphNamesIsTheAuthorOfViolenceToldWithoutOne) {
  const auto e = events(
      "On 3 April 2022, two soldiers were killed when their vehicle struck an IED near Djibo. "
      "The device was likely planted by JNIM militants.");
  ASSERT_FALSE(e.empty());
  ASSERT_TRUE(e[0].actor1);
  EXPECT_EQ(e[0].actor1->name, "JNIM: Group for Support of Islam and Muslims");
  EXPECT_FALSE(e[0].actor1->span);  // its words are in another sentence
  const auto two = events(
      "On 3 April 2022, two soldiers were killed when their vehicle struck an IED near Djibo. "
      "Both JNIM and ISGS operate in the area.");
  ASSERT_FALSE(two.empty());
  ASSERT_TRUE(two[0].actor1);
  EXPECT_EQ(two[0].actor1->name, "Unidentified Armed Group (Burkina Faso)");
}

// People with no arms who beat or attack (traders, youths, students) are rioters, and their
// violence mob violence, whether they are the verb's subject or its agent; armed, they are not.
TEST_F(EventBuilderTest, UnarmedPeopleWhoAttackAreACrowd) {
  for (const std::string text :
       {"On 3 April 2022, traders in Kaya caught a suspected thief and beat him, in Burkina Faso.",
        "On 3 April 2022, a police post in Kaya, Burkina Faso, was attacked by a crowd of angry "
        "youths."}) {
    const auto e = events(text);
    ASSERT_EQ(e.size(), 1u) << text;
    ASSERT_TRUE(e[0].actor1) << text;
    EXPECT_EQ(e[0].actor1->name, "Rioters (Burkina Faso)") << text;
    EXPECT_EQ(e[0].sub_event_type, "Mob violence") << text;
  }
  const auto armed =
      events("On 3 April 2022, armed youths attacked a police post in Kaya, Burkina Faso.");
  ASSERT_EQ(armed.size(), 1u);
  ASSERT_TRUE(armed[0].actor1);
  EXPECT_NE(armed[0].actor1->name, "Rioters (Burkina Faso)");
}

// The sides of a verb like "clash" are each other's: the actor joined to its subject by "and"
// or "with" is the other side, and a description right after a name ("JNIM militants") is that
// name, not another actor beside it.
TEST_F(EventBuilderTest, TheSidesOfAClashAreEachOthers) {
  for (const std::string text :
       {"On 3 April 2022, the Malian army and suspected JNIM militants clashed near Douentza.",
        "On 3 April 2022, Malian soldiers clashed with JNIM fighters near Douentza."}) {
    const auto e = events(text);
    ASSERT_EQ(e.size(), 1u) << text;
    EXPECT_EQ(e[0].sub_event_type, "Armed clash") << text;
    ASSERT_TRUE(e[0].actor1 && e[0].actor2) << text;
    EXPECT_EQ(e[0].actor1->name, "Military Forces of Mali") << text;
    EXPECT_EQ(e[0].actor2->name, "JNIM: Group for Support of Islam and Muslims") << text;
    EXPECT_TRUE(e[0].assoc_actor1.empty()) << text;
    EXPECT_TRUE(e[0].assoc_actor2.empty()) << text;
  }
}

// People who fight each other fight a clash, whoever died: villagers on each side are, for
// ACLED, their communities' militias; villagers who clash with the army are not.
TEST_F(EventBuilderTest, PeopleWhoFightEachOtherAreCommunalMilitiasInAClash) {
  for (const std::string text :
       {"On 3 April 2022, villagers of Kolo and Banga clashed over a well near Kayes, Mali. Four "
        "people were killed.",
        "Le 3 avril 2022, des villageois de Kolo et de Banga se sont affrontés près de Kayes, au "
        "Mali, faisant quatre morts."}) {
    const auto e = events(text);
    ASSERT_FALSE(e.empty()) << text;
    EXPECT_EQ(e[0].sub_event_type, "Armed clash") << text;
    ASSERT_TRUE(e[0].actor1 && e[0].actor2) << text;
    EXPECT_EQ(e[0].actor1->name, "Unidentified Communal Militia (Mali)") << text;
    EXPECT_EQ(e[0].actor2->name, "Unidentified Communal Militia (Mali)") << text;
  }
  const auto riot = events(
      "On 3 April 2022, villagers clashed with soldiers in Kayes, Mali, and two villagers were "
      "killed.");
  ASSERT_FALSE(riot.empty());
  ASSERT_TRUE(riot[0].actor1 && riot[0].actor2);
  EXPECT_EQ(riot[0].actor2->name, "Military Forces of Mali");
  EXPECT_NE(riot[0].actor1->name, "Unidentified Communal Militia (Mali)");
}

// "Nine people, including two officers and seven civilians": every part listed after the cue is
// part of the nine. And killings told beside looting are the event, not the looting.
TEST_F(EventBuilderTest, PartsListedAfterASubsetCueAndKillingsBesideASeizure) {
  const auto parts = events(
      "On 3 April 2022, gunmen attacked a checkpoint near Koutiala, Mali. Nine people including "
      "two customs officers and seven civilians were killed.");
  ASSERT_FALSE(parts.empty());
  ASSERT_TRUE(parts[0].fatalities);
  EXPECT_EQ(parts[0].fatalities->best, 9);
  const auto looted = events(
      "On 4 April 2022, two soldiers were killed as militants looted a market near Douentza.");
  ASSERT_EQ(looted.size(), 1u);
  EXPECT_EQ(looted[0].event_type, "Battles");
  ASSERT_TRUE(looted[0].fatalities);
  EXPECT_EQ(looted[0].fatalities->best, 2);
}

TEST_F(EventBuilderTest, PassiveVoicePutsTheAgentFirst) {
  const auto e = events("Six soldiers were killed by gunmen near Djibo on Sunday.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].event_type, "Battles");
  ASSERT_TRUE(e[0].actor1 && e[0].actor2);
  EXPECT_EQ(e[0].actor1->type, "political_militia") << e[0].actor1->name;
  EXPECT_EQ(e[0].actor2->type, "state_forces") << e[0].actor2->name;
  ASSERT_TRUE(e[0].fatalities);
  EXPECT_EQ(e[0].fatalities->best, 6);
  ASSERT_TRUE(e[0].date && e[0].date->start);
  EXPECT_EQ(*e[0].date->start, "2022-04-24");
  ASSERT_TRUE(e[0].location && e[0].location->country);
  EXPECT_EQ(*e[0].location->country, "BF");
}

TEST_F(EventBuilderTest, WhatDidNotHappenIsNoEvent) {
  for (const std::string text : {
           "Les rebelles n'ont pas attaqué la ville de Gao.",
           "Le groupe menace d'attaquer Gao.",
           "Le groupe Wagner aurait été engagé pour combattre les islamistes.",
           "The group vowed to attack Gao.",
           "Gunmen will attack the base at Djibo.",
           "En 2012, des rebelles ont attaqué Kidal.",  // background: ten years before publication
           // The object of a plan or a call has not happened yet.
           "The opposition plans a series of protests in Tbilisi beginning on April 9.",
           "Opposition parties called for big rallies in Bamako on Friday.",
           "L'opposition prévoit une grande marche à Bamako samedi.",
       }) {
    const auto e = events(text);
    EXPECT_TRUE(e.empty()) << text << " → " << e.front().sub_event_type;
  }
}

// Where ACLED codes no violence without an armed or political side (data/coding_scope.tsv), a
// stabbing or a shooting told as crime is no event; the same deed by gunmen in Nigeria is, and so
// is the deed of a story whose lead names its political side.
TEST_F(EventBuilderTest, CrimeIsNoEventWhereAcledCodesOnlyPoliticalViolence) {
  EXPECT_TRUE(events("A man was stabbed to death outside a pub in Leeds on Saturday, police "
                     "said. Detectives are appealing for witnesses.")
                  .empty());
  EXPECT_TRUE(
      events("Two people were shot dead at a party in Fresno, California, on Sunday.").empty());
  const auto nigeria = events("Gunmen shot dead two people at a party in Kaduna on Sunday.");
  ASSERT_EQ(nigeria.size(), 1u);
  EXPECT_EQ(nigeria[0].sub_event_type, "Attack");
  // "the attacker" is no armed group there.
  EXPECT_TRUE(events("A stabbing killed a passenger on a commuter train in Oakland, California, on "
                     "Sunday after the attacker tried to steal his shoes.")
                  .empty());
  const auto terror = events(
      "Terror attack in Leeds. A man stabbed two people at a mosque in Leeds on Saturday, police "
      "said.");
  ASSERT_FALSE(terror.empty());
  EXPECT_EQ(terror[0].event_type, "Violence against civilians");
}

// Violence recalled from years before is history, and another event word of its sentence may be
// the news; a plea in court is no event even when the defendant fought for an armed group.
TEST_F(EventBuilderTest, HistoryAndTrialsAreNotNews) {
  const auto rally = events(
      "On 16 April 2022, supporters of a murdered politician held a memorial rally in Mitrovica, "
      "where he was killed 4 years ago.");
  ASSERT_EQ(rally.size(), 1u);
  EXPECT_EQ(rally[0].sub_event_type, "Peaceful protest");
  EXPECT_TRUE(events("Le groupe armé a tué des dizaines de civils à Gao il y a cinq ans.").empty());
  EXPECT_TRUE(events("An Islamic State fighter pleaded guilty on Monday to the attempted murder of "
                     "two soldiers in Kaduna.")
                  .empty());
}

// A lead that places the incident only in its country, and a sentence after it that names the
// village: one incident, at the village, with the lead's day and toll.
TEST_F(EventBuilderTest, ASentenceThatPlacesTheLeadsIncidentIsPartOfIt) {
  const auto e = events(
      "Onze soldats burkinabè ont été tués lundi dans une attaque dans le nord du pays, a annoncé "
      "l'armée dans un communiqué. Selon le communiqué, un véhicule de l'unité a sauté sur un "
      "engin explosif à hauteur de la localité de Namsiguia. Les opérations de ratissage se "
      "poursuivent.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].location);
  EXPECT_EQ(e[0].location->name.value_or(""), "Namsiguia");
  ASSERT_TRUE(e[0].fatalities);
  EXPECT_EQ(e[0].fatalities->best, 11);
  ASSERT_TRUE(e[0].date && e[0].date->start);
  EXPECT_EQ(*e[0].date->start, "2022-04-25");

  // The same with a region for the lead and a village of that region after it.
  const auto village = events(
      "Des hommes armés ont tué au moins dix civils lundi dans la région de Tillabéri. L'attaque "
      "a visé le village d'Ayorou, selon un élu local.");
  ASSERT_EQ(village.size(), 1u);
  ASSERT_TRUE(village[0].location);
  EXPECT_EQ(village[0].location->name.value_or(""), "Ayorou");
  ASSERT_TRUE(village[0].fatalities);
  EXPECT_EQ(village[0].fatalities->best, 10);
}

// A toll told on its own ("3 fatalities.", « Le bilan fait état de 9 morts ») is the toll of the
// event told before it, and a stated total replaces the counts of its sentence.
TEST_F(EventBuilderTest, ATollToldOnItsOwnIsTheTollOfTheEventBeforeIt) {
  // The toll of the text's one record, or nothing when it has none (or not one record).
  auto only_toll = [&](const std::string& text) -> std::optional<int> {
    const auto e = events(text);
    EXPECT_EQ(e.size(), 1u) << text;
    if (e.size() != 1 || !e[0].fatalities) return std::nullopt;
    return e[0].fatalities->best;
  };
  EXPECT_EQ(only_toll("On 22 April 2022, militants clashed with soldiers near Gao. 3 fatalities."),
            3);
  EXPECT_EQ(only_toll("Des jihadistes ont attaqué le poste de Koro mardi. Le bilan fait état de 9 "
                      "morts du côté de l'armée."),
            9);
  EXPECT_EQ(only_toll("On 22 April 2022, in Kaduna, two armed men shot and killed a trader in the "
                      "market area. 1 fatality."),
            1);
}

// "Forty people died in the fighting": the dead of a verb of dying are the victims of the event
// told before, whose kind it keeps; and a death in a relative clause splits no sentence.
TEST_F(EventBuilderTest, TheDeadOfAVerbOfDyingAreVictimsNotDoers) {
  const auto clash = events(
      "On 24 January 2022, militants attacked the army with a landmine near Gao. Local media "
      "reported that 3 soldiers died, including a captain.");
  ASSERT_EQ(clash.size(), 1u);
  EXPECT_EQ(clash[0].sub_event_type, "Remote explosive/landmine/IED");
  // (The object of the verb the event noun depends on is its target: the army, not a doer.)
  ASSERT_TRUE(clash[0].actor2);
  EXPECT_EQ(clash[0].actor2->type, "state_forces");
  ASSERT_TRUE(clash[0].fatalities);
  EXPECT_EQ(clash[0].fatalities->best, 3);
  const auto fr = events(
      "Mardi, des hommes armés ont attaqué le village de Tessit. Quatre villageois ont péri.");
  ASSERT_EQ(fr.size(), 1u);
  ASSERT_TRUE(fr[0].actor1);
  EXPECT_NE(fr[0].actor1->type, "civilians");
  ASSERT_TRUE(fr[0].fatalities);
  EXPECT_EQ(fr[0].fatalities->best, 4);
  const auto vigil = events(
      "On 16 March 2022, activists gathered in Valletta to demand answers about a journalist who "
      "died on 16 October 2017.");
  ASSERT_EQ(vigil.size(), 1u);
  ASSERT_TRUE(vigil[0].location);
  EXPECT_EQ(vigil[0].location->name, "Valletta");
  EXPECT_FALSE(vigil[0].fatalities);
}

// What the pluperfect tells came before the news: its toll and its day are not the news's.
TEST_F(EventBuilderTest, ThePluperfectTellsWhatCameBeforeTheNews) {
  const auto e = events(
      "Onze militaires ont été tués lundi lors d'une attaque jihadiste contre une position de "
      "l'armée à Banibangou, selon le gouvernement. Le gouvernement avait décrété vendredi un "
      "deuil national après la mort de 69 villageois dans une attaque près de la frontière.");
  ASSERT_FALSE(e.empty());
  ASSERT_TRUE(e[0].fatalities);
  EXPECT_EQ(e[0].fatalities->best, 11);
  ASSERT_TRUE(e[0].date && e[0].date->start);
  EXPECT_EQ(*e[0].date->start, "2022-04-25");
}

// Six sentences: an article, not a brief, so no field is taken from the report itself.
const std::string kArticleLead =
    "Le Sahel traverse une crise profonde. Les gouvernements de la région cherchent des "
    "solutions. Les partenaires internationaux restent prudents. Les populations attendent. Les "
    "organisations humanitaires appellent à l'aide. ";

TEST_F(EventBuilderTest, FieldsTheSentenceDoesNotGiveStayEmpty) {
  const auto e = events(kArticleLead + "Des hommes armés ont tué trois gendarmes.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].date);
  EXPECT_EQ(e[0].date->type, "unresolved");
  EXPECT_FALSE(e[0].date->start);
  EXPECT_FALSE(e[0].location);
  ASSERT_TRUE(e[0].fatalities);
  EXPECT_EQ(e[0].fatalities->best, 3);
  EXPECT_FALSE(e[0].source);  // no speaker, no publisher known
}

TEST_F(EventBuilderTest, GeneralStatementsAreNotIncidents) {
  for (const std::string text : {
           "Le groupe Wagner a également été accusé d'abus en République centrafricaine.",
           "Des hommes armés ont attaqué un convoi.",  // no place, no day, no toll
           "Il a commencé à recevoir des hélicoptères de combat en provenance de Russie.",
       }) {
    const auto e = events(kArticleLead + text);
    EXPECT_TRUE(e.empty()) << text << " → " << e.front().sub_event_type;
  }
}

// A brief (a flash, a monitor's note) reports one thing: its event stands without a place or a
// day of its own and is dated by the report, as ACLED codes "(as reported)"; a second mention
// that repeats nothing is not a second event.
TEST_F(EventBuilderTest, ABriefReportsOneEventDatedByTheReport) {
  auto e = events("Des hommes armés ont tué trois gendarmes.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].date && e[0].date->start);
  EXPECT_EQ(*e[0].date->start, "2022-04-25");
  EXPECT_EQ(e[0].date->type, "approximate");
  EXPECT_FALSE(e[0].date->span);  // no words of the text gave it
  e = events("Protesters marched to the grave of a journalist. Police later dispersed them.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].event_type, "Protests");
  // Not in a long article: the same sentence there is a general statement.
  EXPECT_TRUE(events(kArticleLead + "Des hommes armés ont attaqué un convoi.").empty());
}

TEST_F(EventBuilderTest, AGroupSpeakingOfItselfIsTheDoerAndClaimsIt) {
  const auto e = events(
      "« Mardi, nous avons tué douze soldats à Gao », a déclaré le GSIM dans un communiqué.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].actor1 && e[0].actor2);
  EXPECT_EQ(e[0].actor1->name, "JNIM: Group for Support of Islam and Muslims");
  EXPECT_EQ(e[0].actor2->name, "Military Forces of Mali");
  ASSERT_TRUE(e[0].source);
  EXPECT_EQ(e[0].source->name, "JNIM: Group for Support of Islam and Muslims");
  EXPECT_EQ(e[0].source->status, "claimed");
  EXPECT_EQ(e[0].source->cue, "a déclaré");
  ASSERT_TRUE(e[0].fatalities);
  EXPECT_EQ(e[0].fatalities->best, 12);
}

TEST_F(EventBuilderTest, ACountryThatSaysItFoughtIsItsArmyAndItsGovernmentClaims) {
  const auto e = events("Le Mali affirme avoir « neutralisé » 203 djihadistes à Moura.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].event_type, "Battles");
  ASSERT_TRUE(e[0].actor1 && e[0].actor2);
  EXPECT_EQ(e[0].actor1->name, "Military Forces of Mali");
  EXPECT_EQ(e[0].actor2->name, "Islamist Militia (Mali)");
  ASSERT_TRUE(e[0].source);
  EXPECT_EQ(e[0].source->name, "Government of Mali");
  EXPECT_EQ(e[0].source->status, "claimed");
}

TEST_F(EventBuilderTest, ClaimsOfResponsibilityAndDenials) {
  auto e = events(
      "Islamic State Sahel Province claimed responsibility for the attack on an army base near "
      "Menaka on Sunday "
      "that killed ten soldiers.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].actor1 && e[0].source);
  EXPECT_EQ(e[0].actor1->name, "Islamic State (Sahel)");
  EXPECT_EQ(e[0].source->status, "claimed");
  ASSERT_TRUE(e[0].actor2);
  EXPECT_EQ(e[0].actor2->name, "Military Forces of Mali");

  e = events("L'armée a démenti avoir tué 20 civils à Djibo dimanche.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].source);
  EXPECT_EQ(e[0].source->name, "Military Forces of Burkina Faso");
  EXPECT_EQ(e[0].source->status, "denied");
}

TEST_F(EventBuilderTest, WhatTheSubjectSuffersMakesItTheTarget) {
  auto e = events("Un véhicule de l'armée malienne a sauté sur une mine près de Gao lundi.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].sub_event_type, "Remote explosive/landmine/IED");
  // Nobody named for the mine: an unidentified armed group, as ACLED codes it.
  ASSERT_TRUE(e[0].actor1);
  EXPECT_EQ(e[0].actor1->name, "Unidentified Armed Group (Mali)");
  ASSERT_TRUE(e[0].actor2);
  EXPECT_EQ(e[0].actor2->name, "Military Forces of Mali");

  e = events("A Nigerien army patrol struck a landmine near Diffa on Monday, killing a soldier.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].sub_event_type, "Remote explosive/landmine/IED");
  ASSERT_TRUE(e[0].actor2);
  EXPECT_EQ(e[0].actor2->name, "Military Forces of Niger");
  ASSERT_TRUE(e[0].fatalities);
  EXPECT_EQ(e[0].fatalities->best, 1);

  // The side that lost men suffered the ambush.
  e = events("L'armée malienne a perdu 11 hommes dans une embuscade près de Tessit lundi.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].event_type, "Battles");
  ASSERT_TRUE(e[0].actor2);
  EXPECT_EQ(e[0].actor2->name, "Military Forces of Mali");
  ASSERT_TRUE(e[0].fatalities);
  EXPECT_EQ(e[0].fatalities->best, 11);
}

TEST_F(EventBuilderTest, TheNationalityOfAnEventNounNamesTheForcesThatStruck) {
  auto e = events(
      "A Russian missile strike on an apartment building in Sloviansk killed 11 people "
      "on Friday.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].actor1);
  EXPECT_EQ(e[0].actor1->name, "Military Forces of Russia");
  e = events("Une frappe aérienne française a tué douze jihadistes près de Ménaka samedi.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].actor1);
  EXPECT_EQ(e[0].actor1->name, "Military Forces of France");  // not the French Southern Lands
  // A country's artillery that runs into the event words struck ("Turkish artillery attacks").
  e = events("On Monday, Turkish artillery attacks hit the village of Tell Tamr in Syria.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].actor1);
  EXPECT_EQ(e[0].actor1->name, "Military Forces of Turkey");
}

TEST_F(EventBuilderTest, ArgumentsReviseTheKind) {
  auto e = events("Les assaillants se sont emparés d'armes et de motos à Djibo dimanche.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].sub_event_type, "Looting/property destruction");

  e = events("Les jihadistes se sont emparés de la ville de Djibo dimanche.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].sub_event_type, "Non-state actor overtakes territory");

  e = events("Des policiers ont tué deux manifestants à Niamey vendredi.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].sub_event_type, "Excessive force against protesters");

  e = events("Un soldat a été tué par une bombe au bord d'une route près de Gao lundi.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].sub_event_type, "Remote explosive/landmine/IED");
  ASSERT_TRUE(e[0].fatalities);
  EXPECT_EQ(e[0].fatalities->best, 1);
}

TEST_F(EventBuilderTest, ABriefReportsItsOneEventEvenWithNoOneNamedOrCounted) {
  // A short report, placed and dated: its killing is the event, by unnamed hands.
  auto e = events(
      "A customs sub-officer and his cousin were assassinated overnight in Djibo on "
      "Sunday.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].sub_event_type, "Attack");
  ASSERT_TRUE(e[0].actor1);
  EXPECT_EQ(e[0].actor1->name, "Unidentified Armed Group (Burkina Faso)");
  // Not in a longer text, where such a sentence may be a general remark.
  e = events(
      "The market of Djibo reopened on Monday. Traders said prices had doubled since March. "
      "Officials promised new roads. The mayor spoke of hope. People were assassinated overnight "
      "in Djibo on Sunday, some said. Schools stayed closed.");
  EXPECT_TRUE(e.empty()) << e.size();
}

TEST_F(EventBuilderTest, AnArmedGroupThatFacesNoArmedSideAttacksCivilians) {
  auto e = events("Armed bandits opened fire on a truck near Djibo on Sunday.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].sub_event_type, "Attack");
  ASSERT_TRUE(e[0].actor2);
  EXPECT_EQ(e[0].actor2->name, "Civilians (Burkina Faso)");
  EXPECT_EQ(e[0].interaction, 37);  // political militia against civilians
  // State forces shooting at no one named: their other side is usually an armed one.
  e = events("Soldiers opened fire near Djibo on Sunday.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].sub_event_type, "Armed clash");
}

TEST_F(EventBuilderTest, UnarmedPeopleWhoTurnViolentAreRioters) {
  for (const char* text : {"A mob killed two suspected thieves in Djibo on Sunday.",
                           "Residents captured a suspected thief and beat him to death in Djibo "
                           "on Sunday."}) {
    const auto e = events(text);
    ASSERT_EQ(e.size(), 1u) << text;
    EXPECT_EQ(e[0].event_type, "Riots") << text;
    EXPECT_EQ(e[0].sub_event_type, "Mob violence") << text;
    ASSERT_TRUE(e[0].actor1) << text;
    EXPECT_EQ(e[0].actor1->name, "Rioters (Burkina Faso)") << text;
  }
  // Demonstrators who riot: a violent demonstration, by rioters in ACLED's naming.
  const auto e = events("On Sunday, student demonstrators vandalized the town hall of Djibo.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].sub_event_type, "Violent demonstration");
  ASSERT_TRUE(e[0].actor1);
  EXPECT_EQ(e[0].actor1->name, "Rioters (Burkina Faso)");
}

TEST_F(EventBuilderTest, BombsArePlantedByArmedGroupsAndDroppedByStates) {
  auto e = events("Militants bombed a telecom tower near Djibo on Sunday.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].sub_event_type, "Remote explosive/landmine/IED");
  e = events("The Burkinabe army bombed a camp near Djibo on Sunday.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].sub_event_type, "Air/drone strike");
  e = events("On Sunday, an army vehicle hit an IED near Djibo.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].sub_event_type, "Remote explosive/landmine/IED");
}

TEST_F(EventBuilderTest, APartOfATollIsNotAddedToIt) {
  auto e = events("Au moins 11 personnes, dont trois soldats, ont été tuées à Djibo dimanche.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].fatalities);
  EXPECT_EQ(e[0].fatalities->best, 11);
  e = events("At least 11 people, including three soldiers, were killed in Djibo on Sunday.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].fatalities);
  EXPECT_EQ(e[0].fatalities->best, 11);
  // Two tolls of their own still add up.
  e = events("Six soldats et quatre civils ont été tués à Djibo dimanche.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].fatalities);
  EXPECT_EQ(e[0].fatalities->best, 10);
}

TEST_F(EventBuilderTest, TheArmedMenAnAttackBelongsToCarriedItOut) {
  // « une attaque d'hommes armés » is theirs, even under a passive verb that names no doer.
  const auto e =
      events("Six civils ont été tués dimanche à Djibo lors d'une attaque d'hommes armés.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].actor1);
  EXPECT_EQ(e[0].actor1->text, "hommes armés");
  ASSERT_TRUE(e[0].actor2);
  EXPECT_EQ(e[0].actor2->name, "Civilians (Burkina Faso)");
}

TEST_F(EventBuilderTest, RepeatedMentionsOfOneIncidentMerge) {
  const auto e = events(
      "Attaque meurtrière contre l'armée à Djibo\n\n"
      "Six soldats ont été tués dimanche lors d'une attaque contre un poste militaire à Djibo, a "
      "indiqué l'armée. Cette attaque n'a pas été revendiquée. Les assaillants ont attaqué le "
      "poste "
      "à l'aube, selon une source sécuritaire.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].evidence.size(), 3u);  // headline, report, recap; the denial of a claim is none
  ASSERT_TRUE(e[0].fatalities && e[0].date && e[0].date->start);
  EXPECT_EQ(e[0].fatalities->best, 6);
  EXPECT_EQ(*e[0].date->start, "2022-04-24");
  EXPECT_EQ(e[0].incident_id, e[0].event_id);
}

TEST_F(EventBuilderTest, CompetingAccountsStayApartAndShareTheIncident) {
  const auto e = events(
      "Selon des témoins, des soldats burkinabè ont tué 25 civils à Djibo mardi. L'armée affirme "
      "avoir neutralisé 25 terroristes à Djibo.");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].event_type, "Violence against civilians");
  EXPECT_EQ(e[1].event_type, "Battles");
  EXPECT_NE(e[0].event_id, e[1].event_id);
  EXPECT_EQ(e[1].incident_id, e[0].event_id);
  ASSERT_TRUE(e[1].source);
  EXPECT_EQ(e[1].source->status, "claimed");
}

TEST_F(EventBuilderTest, NearMissesStayApart) {
  auto e =
      events("Des jihadistes ont attaqué Djibo lundi. Mardi, des jihadistes ont attaqué Kaya.");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_NE(e[0].incident_id, e[1].incident_id);
  e = events(
      "Des jihadistes ont attaqué Djibo le 4 avril. Des jihadistes ont attaqué Djibo le 11 avril.");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_NE(e[0].incident_id, e[1].incident_id);
}

TEST_F(EventBuilderTest, ACountryAcrossABorderOrThatActsIsNotWhereItHappened) {
  // The neighbour named across a border is a reference point: the second sentence happened where
  // the paragraph placed things, not in Niger.
  auto e = events(
      "Des jihadistes ont attaqué le poste de Tessit lundi. Mardi, ils ont tué cinq soldats près "
      "de la frontière avec le Niger.");
  ASSERT_FALSE(e.empty());
  for (const auto& r : e) {
    ASSERT_TRUE(r.location);
    EXPECT_EQ(r.location->country, "ML") << to_json(r).dump();
  }
  // A country right before the verb is the state that acts.
  e = events("Turkey has shelled a city in northeastern Syria, a Kurdish militia said.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].location);
  EXPECT_EQ(e[0].location->country, "SY");
}

TEST_F(EventBuilderTest, ASettlementTheGazetteerLacksSaysMoreThanItsCountry) {
  const auto e = events(
      "Huit soldats ont été tués lors d'une attaque dans le nord du Togo, mercredi. Un poste situé "
      "dans la localité de Kpinkankandi a été attaqué mercredi par des hommes armés.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].location);
  EXPECT_EQ(e[0].location->name, "Kpinkankandi");
  EXPECT_EQ(e[0].location->country, "TG");
}

TEST_F(EventBuilderTest, AnotherEventIsNeverOneToldBefore) {
  for (const char* text :
       {"Au Mali, une frappe de drone a tué dix civils samedi 23 mars 2024. Le même jour, une "
        "autre frappe de drone a tué dix civils à Amasrakad.",
        "In Mali, a drone strike killed ten civilians on 23 March 2024. On the same day, another "
        "drone strike killed ten civilians in Amasrakad."}) {
    const auto e = events(text);
    ASSERT_EQ(e.size(), 2u) << text;
    EXPECT_FALSE(e[0].location && e[0].location->name) << text;
    ASSERT_TRUE(e[1].location && e[1].location->name) << text;
    EXPECT_EQ(*e[1].location->name, "Amasrakad");
  }
}

TEST_F(EventBuilderTest, OtherDeadAreAddedToTheToll) {
  auto e = events(
      "Gunmen killed five soldiers in Djibo on Monday. Two other soldiers died of their "
      "wounds.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].fatalities);
  EXPECT_EQ(e[0].fatalities->best, 7);
  e = events(
      "Au Mali, une frappe de drone a coûté la vie à dix enfants samedi. Quatre autres personnes "
      "ont également trouvé la mort.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].fatalities);
  EXPECT_EQ(e[0].fatalities->best, 14);
}

TEST_F(EventBuilderTest, LootedGoodsAreCiviliansAndConvoysAreTheForcesInThem) {
  auto e = events(
      "On 13 June 2022, unidentified gunmen seized a motorcycle from a radio host in the town of "
      "Menaka.");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].sub_event_type, "Looting/property destruction");
  ASSERT_TRUE(e[0].actor2);
  EXPECT_EQ(e[0].actor2->name, "Civilians (Mali)");
  e = events("On 1 March 2022, a military convoy struck an IED near Djibo.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].actor2);
  EXPECT_EQ(e[0].actor2->name, "Military Forces of Burkina Faso");
}

TEST_F(EventBuilderTest, TheHurtToldAfterTheEventAreItsVictims) {
  auto e = events("On 1 March 2022, an IED exploded near Djibo. Two soldiers were wounded.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].actor2);
  EXPECT_EQ(e[0].actor2->name, "Military Forces of Burkina Faso");
  e = events(
      "Le 1er mars 2022, un engin explosif a explosé près de Djibo. Trois civils ont été "
      "blessés.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].actor2);
  EXPECT_EQ(e[0].actor2->name, "Civilians (Burkina Faso)");
}

TEST_F(EventBuilderTest, AnAttackToldFirstWithoutItsSidesTakesThemFromWhatFollows) {
  // The first sentence names no one and counts no harm: it opens the account provisionally, and
  // the claim and the toll after it make it stand, with its day and place.
  const auto e = events(
      "Dimanche 2 février 2025, la ville de Djibo a été le théâtre d'une attaque d'une grande "
      "violence. Le GSIM a revendiqué l'assaut. L'attaque a débuté vers six heures du matin. "
      "D'après des témoins, les assaillants sont arrivés du nord-est de la ville et des tirs ont "
      "résonné pendant plus d'une heure. Selon plusieurs sources, l'attaque a fait une vingtaine "
      "de morts parmi les militaires. Les dégâts matériels sont importants.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].date && e[0].date->start);
  EXPECT_EQ(*e[0].date->start, "2025-02-02");
  ASSERT_TRUE(e[0].location && e[0].location->name);
  EXPECT_EQ(*e[0].location->name, "Djibo");
  ASSERT_TRUE(e[0].actor1);
  EXPECT_EQ(e[0].actor1->name, "JNIM: Group for Support of Islam and Muslims");
  ASSERT_TRUE(e[0].fatalities);
  EXPECT_EQ(e[0].fatalities->best, 20);
}

TEST_F(EventBuilderTest, TheCrowdIsNoTargetOfItsOwnProtestAndGuardsAreArmed) {
  for (const char* text :
       {"On 19 January 2022, private security guards gathered in Livingstone in a demonstration "
        "to demand payment of their wages.",
        "On 15 January 2022, villagers staged a protest in Djibo against the closure of the "
        "hospital."}) {
    const auto e = events(text);
    ASSERT_EQ(e.size(), 1u) << text;
    EXPECT_EQ(e[0].event_type, "Protests");
    ASSERT_TRUE(e[0].actor1);
    EXPECT_EQ(e[0].actor1->type, "protesters");
    EXPECT_FALSE(e[0].actor2) << text << " " << e[0].actor2->name;
  }
  const auto e = events(
      "On 8 April 2022, unknown individuals killed a security guard at a farm near Kandi, "
      "in Benin.");
  ASSERT_EQ(e.size(), 1u);
  ASSERT_TRUE(e[0].actor2);
  EXPECT_EQ(e[0].actor2->name, "Private Security Forces (Benin)");
  EXPECT_EQ(e[0].event_type, "Battles");
}

TEST_F(EventBuilderTest, TheExampleArticleMeetsItsGold) {
  const std::string text =
      test::read_file(test::shared_dir() / "examples/mali-wagner-moura.fr.txt");
  const auto gold = nlohmann::json::parse(
      test::read_file(test::shared_dir() / "examples/mali-wagner-moura.gold.json"));
  std::vector<nlohmann::json> predicted;
  for (const auto& e : events(text)) predicted.push_back(nlohmann::json::parse(to_json(e).dump()));
  const EvalReport report = evaluate(gold, predicted, text);
  EXPECT_EQ(report.matched, 6) << report.to_text();
  EXPECT_EQ(report.predicted_events - report.matched_optional, 6) << report.to_text();
  EXPECT_EQ(report.background, 0) << report.to_text();
  for (const auto& [field, score] : report.fields) {
    EXPECT_EQ(score.right, score.total) << field << "\n" << report.to_text();
  }
}

}  // namespace
}  // namespace vigie
