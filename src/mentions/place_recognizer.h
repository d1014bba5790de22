#pragma once
// Recognises place names and resolves each to one gazetteer entry, using the whole document as
// context: the countries it names (« au Mali », "Malian", « nigériens »), the regions it names
// (« dans la région de Mopti »), the places already resolved, and each candidate's kind and
// population; « Moura, au centre du Mali » lands in Mali, not in Portugal. Names match on folded
// tokens, then on a looser spelling key (« Moura » = "Mourra"). Precision comes from cues
// (« près de », « dans la région de »: lang/<code>/places.tsv) and the kind of entry.
// Reads a shared, read-only Gazetteer; keeps no other state between documents.
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "document/document.h"
#include "gazetteer/gazetteer.h"
#include "lang/language_pack.h"
#include "mentions/phrase_matcher.h"

namespace vigie {

class Tokenizer;

class PlaceRecognizer {
 public:
  PlaceRecognizer(const LanguagePack& pack, const Gazetteer& gazetteer, Tokenizer& tokenizer);

  /// Fills doc.places; tokens inside dates and numbers are not read.
  void annotate(Document& doc) const;

 private:
  struct Candidate {
    Span span;
    std::uint32_t first = 0, end = 0;  // tokens
    std::vector<std::uint32_t> places;
    std::vector<std::uint32_t> loose;  // those of `places` matched by spelling key only
    bool near = false, region = false, locative = false;
    bool holds_name = false;  // in parentheses right after another name: "Chillanes (Bolivar)"
    bool town = false;        // called a town, city or village: "the town of Koro", "Koro town"
    bool area = false;        // followed by a word for an area: "Kayah State", "Mopti region"
    bool border = false;      // a country across a border: "near the border with Niger"
    std::string country;      // set for a country name
    std::optional<std::uint32_t> namesake_area;  // a country name's first-level area namesake
    std::string rule;
  };

  std::vector<Candidate> find_candidates(const Document& doc) const;
  std::optional<Candidate> longest_name_at(const Document& doc, std::uint32_t i, std::uint32_t end,
                                           const SpanSet& taken) const;
  void mark_cues(const Document& doc, const Sentence& s, Candidate& c) const;
  enum class Holding { None, AfterComma, InParentheses };
  Holding holds_a_named_place(const Document& doc, const Sentence& s, const Candidate& c) const;
  bool across_a_border(const Document& doc, const Candidate& c, const Candidate* previous) const;
  static std::set<std::string> surnames_of(const Document& doc,
                                           const std::vector<Candidate>& candidates);
  bool neighbours(const std::vector<std::uint32_t>& entries, std::string_view other) const;
  bool usable_start(const Document& doc, std::uint32_t i) const;
  // A settlement's name the gazetteer lacks, and the place named after it that holds it.
  struct UnlistedName {
    PlaceMention mention;
    std::optional<Span> holder;
  };
  void add_unlisted_names(Document& doc, const std::string& dominant) const;
  std::optional<UnlistedName> unlisted_name_at(
      const Document& doc, const Sentence& s, std::uint32_t i, const std::string& dominant,
      const std::vector<bool>& taken,
      const std::unordered_map<std::uint32_t, std::size_t>& starting) const;

  const Gazetteer& gazetteer_;
  std::unordered_set<std::string> stopwords_;
  std::unordered_set<std::string> designators_;  // "City", "District": a place's kind after it
  // Words that make a capitalised name a settlement's even when the gazetteer lacks it: after
  // it ("Kacham village", "Karfi ward") or before it ("the village of", « le village de »).
  std::unordered_set<std::string> settlement_words_;
  std::unordered_set<std::string> road_words_;
  std::unordered_set<std::string> town_words_;
  std::unordered_set<std::string> area_words_;
  std::unordered_set<std::string> compass_words_;
  std::unordered_set<std::string> name_articles_;  // name_article: "Ar-Raqqa"
  // A country across a border from the event: "the Niger border" (border_word after it), "the
  // border with Niger" (border_phrase before it).
  std::unordered_set<std::string> border_words_;
  std::unordered_set<std::string> not_a_place_after_;  // « l'opération Dongo »
  PhraseMatcher border_phrases_;
  PhraseMatcher settlement_phrases_;
  PhraseMatcher within_phrases_;  // between a settlement and its holder: "village of X township"
  std::unordered_map<std::string, std::string>
      aliases_;  // « RDC » → CD: names world-countries lacks
  // « FAMa » → ML: words that put a text in a country without naming a place (country_cue)
  std::map<std::string, std::string, std::less<>> country_cues_;
  PhraseMatcher near_, region_, locative_, country_part_;
};

}  // namespace vigie
