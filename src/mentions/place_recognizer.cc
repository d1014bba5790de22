#include "mentions/place_recognizer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "text/folding.h"
#include "util/tsv.h"

namespace vigie {
namespace {

// The longest name looked up, in tokens ("Democratic Republic of the Congo").
constexpr std::uint32_t kMaxNameTokens = 6;

// "FA", "AL", "Ga.": written in capitals only, as acronyms and abbreviations are.
bool no_small_letters(std::string_view text) {
  return std::none_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// "HLM", "AL", "ODM": a short word in capitals is an acronym, not one of the many small places
// GeoNames lists under it (Chelm, Ål). It names a place only as that place's own name and where
// the place is one a dateline or a headline writes in capitals: a capital, a regional capital, a
// first-level area or a city of 100,000 ("GAO", "ROME", "LAGOS").
constexpr std::size_t kAcronymLetters = 4;
constexpr std::int64_t kCapitalsCityPopulation = 100000;

bool acronym_like(std::string_view text) {
  return text.size() >= 2 && text.size() <= kAcronymLetters && no_small_letters(text);
}

bool written_in_capitals_as(const Place& p, std::string_view folded) {
  if (fold(p.ascii_name) != folded && fold(p.name) != folded) return false;
  const std::string_view c = p.feature_code;
  return c == "PPLC" || c == "PPLA" || c == "ADM1" || p.population >= kCapitalsCityPopulation;
}

bool is_closing_quote(std::string_view t) {
  return t == "\"" || t == "\u00bb" || t == "\u201d" || t == "'" || t == "\u2019";
}

// How likely an entry is to be the place a news report means, out of context.
double kind_prior(const Place& p) {
  const std::string_view c = p.feature_code;
  if (c == "PPLC" || c == "PPLG") return 3.0;  // a capital, or a seat of government (La Paz)
  if (c == "PPLA") return 2.2;
  if (c == "PPLA2") return 1.6;
  if (c == "PPLA3" || c == "PPLA4") return 1.2;
  if (c.rfind("PPL", 0) == 0) return 1.0;
  // Areas only win over a town of their name with a region cue (« dans la région de Mopti »): a
  // bare « Mopti » is the town.
  // A first-level area's name is the area more often than a village of that name ("Minnesota"
  // is no Minneota), yet less than a regional capital of it (Mopti).
  if (c == "ADM1") return 2.6;
  if (c == "ADM2") return 0.6;
  if (c.rfind("ADM", 0) == 0) return 0.4;
  if (c.rfind("PCL", 0) == 0) return 3.0;
  return 0.5;
}

// "Beijing's strategy", "Moscow's demands": a capital's possessive most often names its
// government.
bool possessive(const Document& doc, std::uint32_t after) {
  if (after >= doc.tokens.size()) return false;
  const std::string_view t = doc.token_text(doc.tokens[after]);
  return t == "'s" || t == "\u2019s" || t == "'";
}

bool is_distance_unit(std::string_view folded) {
  return folded == "km" || folded == "kilometres" || folded == "kilometers" ||
         folded == "kilometre" || folded == "kilometer" || folded == "miles" || folded == "mile";
}

// Whether tokens k and k + 2 are capitalised words joined by a hyphen with no space ("Ouro-Seme").
bool hyphen_joins(const Document& doc, std::uint32_t k, std::uint32_t end) {
  if (k + 2 >= end) return false;
  const Token &a = doc.tokens[k], &dash = doc.tokens[k + 1], &b = doc.tokens[k + 2];
  return a.kind == TokenKind::Word && b.kind == TokenKind::Word && !a.space_after &&
         !dash.space_after && doc.token_text(dash) == "-" && starts_upper(doc.token_text(b));
}

}  // namespace

PlaceRecognizer::PlaceRecognizer(const LanguagePack& pack, const Gazetteer& gazetteer,
                                 Tokenizer& tokenizer)
    : gazetteer_(gazetteer) {
  const auto file = pack.dir / "places.tsv";
  if (!std::filesystem::exists(file)) return;
  std::uint32_t n = 0;
  for (const auto& row : read_tsv(file)) {
    if (row.fields.size() < 2)
      throw DataError(file.string() + ":" + std::to_string(row.line) + ": expected 2 fields");
    const std::string& kind = row.fields[0];
    const std::string& phrase = row.fields[1];
    // Kinds that are phrases (matched on tokens) and kinds that are single words (folded).
    const std::pair<const char*, PhraseMatcher*> phrase_kinds[] = {
        {"near", &near_},
        {"region", &region_},
        {"locative", &locative_},
        {"country_part", &country_part_},
        {"settlement_phrase", &settlement_phrases_},
        {"within_phrase", &within_phrases_},
        {"border_phrase", &border_phrases_}};
    const std::pair<const char*, std::unordered_set<std::string>*> word_kinds[] = {
        {"stopword", &stopwords_},
        {"designator", &designators_},
        {"settlement_word", &settlement_words_},
        {"road_word", &road_words_},
        {"town_word", &town_words_},
        {"area_word", &area_words_},
        {"compass_word", &compass_words_},
        {"name_article", &name_articles_},
        {"border_word", &border_words_},
        {"not_a_place_after", &not_a_place_after_}};
    auto phrases = std::find_if(std::begin(phrase_kinds), std::end(phrase_kinds),
                                [&](const auto& k) { return kind == k.first; });
    auto words = std::find_if(std::begin(word_kinds), std::end(word_kinds),
                              [&](const auto& k) { return kind == k.first; });
    if (phrases != std::end(phrase_kinds))
      phrases->second->add(phrase, n++, tokenizer);
    else if (words != std::end(word_kinds))
      words->second->insert(fold(phrase));
    else if (kind == "country_alias" && row.fields.size() >= 3)
      aliases_[fold(phrase)] = row.fields[2];
    else if (kind == "country_cue" && row.fields.size() >= 3)
      country_cues_[fold(phrase)] = row.fields[2];
    else
      throw DataError(file.string() + ":" + std::to_string(row.line) + ": unknown kind '" + kind +
                      "'");
  }
}

// "Batesburg-Leesville", "Champaign-Urbana", "Wisconsin-Milwaukee": two places of one first-level
// area named together, each a place (a name written twice, "Fili-Fili", is one village's).
bool PlaceRecognizer::neighbours(const std::vector<std::uint32_t>& entries,
                                 std::string_view other) const {
  for (std::uint32_t a : entries) {
    const Place& p = gazetteer_.place(a);
    if (fold(p.ascii_name) == other) return false;
    for (std::uint32_t b : gazetteer_.exact(other)) {
      const Place& q = gazetteer_.place(b);
      if (p.country == q.country && p.admin1 == q.admin1) return true;
    }
  }
  return false;
}

// A name starts with a capitalised proper noun (the analyser's PROPN), never a stopword.
bool PlaceRecognizer::usable_start(const Document& doc, std::uint32_t i) const {
  const Token& t = doc.tokens[i];
  if (t.kind != TokenKind::Word || t.pos != Pos::PROPN) return false;
  const std::string_view w = doc.token_text(t);
  if (!starts_upper(w)) return false;
  // « FAMa », "MINUSMAs": three capitals and more run into small letters in acronyms, not in
  // places' names (McAllen, DeKalb, NDjamena, IJmuiden).
  if (w.size() >= 4 && std::isupper(static_cast<unsigned char>(w[0])) &&
      std::isupper(static_cast<unsigned char>(w[1])) &&
      std::isupper(static_cast<unsigned char>(w[2])) &&
      std::any_of(w.begin() + 3, w.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    return false;
  return !stopwords_.count(t.fold);
}

std::vector<PlaceRecognizer::Candidate> PlaceRecognizer::find_candidates(
    const Document& doc) const {
  std::vector<Span> dates_and_numbers;
  for (const auto& d : doc.dates) dates_and_numbers.push_back(d.span);
  for (const auto& n : doc.numbers) dates_and_numbers.push_back(n.span);
  const SpanSet taken(std::move(dates_and_numbers));
  std::vector<Candidate> out;
  for (const auto& s : doc.sentences) {
    const std::uint32_t end = s.first_token + s.token_count;
    for (std::uint32_t i = s.first_token; i < end;) {
      std::optional<Candidate> best = longest_name_at(doc, i, end, taken);
      if (!best) {
        ++i;
        continue;
      }
      mark_cues(doc, s, *best);
      i = best->end;
      out.push_back(std::move(*best));
    }
  }
  return out;
}

// The longest country or place name starting at token i: exact spellings, and for single words
// the spelling variants as well, which compete with them (« Moura » in Portugal, "Mourra" in Mali).
std::optional<PlaceRecognizer::Candidate> PlaceRecognizer::longest_name_at(
    const Document& doc, std::uint32_t i, std::uint32_t end, const SpanSet& taken) const {
  if (doc.tokens[i].kind != TokenKind::Word || !starts_upper(doc.token_text(doc.tokens[i])))
    return std::nullopt;
  // « l'opération Dongo », "Operation Barkhane": the name of what that word says, not a place.
  if (i > 0 && not_a_place_after_.count(doc.tokens[i - 1].fold)) return std::nullopt;
  // "Johnathan J. Dunbar", "George W. Bush": a name after a first name and a middle initial is a
  // surname.
  if (i >= 3 && doc.token_text(doc.tokens[i - 1]) == "." &&
      doc.token_text(doc.tokens[i - 2]).size() == 1 &&
      starts_upper(doc.token_text(doc.tokens[i - 2])) &&
      doc.tokens[i - 3].kind == TokenKind::Word && starts_upper(doc.token_text(doc.tokens[i - 3])))
    return std::nullopt;
  std::optional<Candidate> best;
  std::string joined;
  for (std::uint32_t j = i; j < end && j < i + kMaxNameTokens; ++j) {
    const Token& t = doc.tokens[j];
    // A hyphen inside a name, where the language splits them ("Gorom-Gorom" in English).
    if (j > i && j + 1 < end && doc.token_text(t) == "-" && !doc.tokens[j - 1].space_after &&
        !t.space_after) {
      joined += "-";
      continue;
    }
    if (t.kind != TokenKind::Word) break;
    joined += (j > i && doc.tokens[j - 1].space_after ? " " : "") + t.fold;
    Candidate c;
    c.span = {doc.tokens[i].span.begin, t.span.end};
    c.first = i;
    c.end = j + 1;
    if (taken.overlaps(c.span)) break;
    auto country = gazetteer_.country_named(joined);
    if (!country) {
      if (auto alias = aliases_.find(joined); alias != aliases_.end()) country = alias->second;
    }
    if (country) {
      c.country = *country;
      c.rule = "country name";
      // "Georgia" is also a state of the United States: kept aside, for a text about it.
      for (std::uint32_t index : gazetteer_.exact(joined)) {
        const Place& p = gazetteer_.place(index);
        if (p.feature_code == "ADM1" && p.country != c.country) c.namesake_area = index;
      }
      best = std::move(c);
      continue;
    }
    // Names of places start with a proper noun that is no stopword; longer country names may
    // start with one (« République démocratique du Congo »).
    // "North Dakota", "New Mexico", "West Bank": a longer name may start with a capitalised
    // word the analyser read as a common one, or that starts no name alone (« North »), provided
    // its last word is capitalised: the whole name must then be the gazetteer's.
    if (!usable_start(doc, i) && !(j > i && starts_upper(doc.token_text(t)))) continue;
    // A people's name (« les Russes », "Malians") is not a place; "British Columbia" is. Nor is a
    // word that says what kind of place a name is ("Karwan Bazar": no place called Bazar).
    if (j == i && (gazetteer_.country_of_demonym(joined) || designators_.count(joined))) continue;
    const auto exact = gazetteer_.exact(joined);
    c.places.assign(exact.begin(), exact.end());
    c.rule = "name";
    if (j == i && joined.size() >= 4) {
      for (std::uint32_t index : gazetteer_.loose(Gazetteer::spelling_key(joined))) {
        if (std::find(c.places.begin(), c.places.end(), index) != c.places.end()) continue;
        c.places.push_back(index);
        c.loose.push_back(index);
      }
      if (exact.empty()) c.rule = "spelling variant";
    }
    if (!c.places.empty()) best = std::move(c);
  }
  // "Ouro-Seme", "Tin-Jollel", "Nord-Kivu": a name joined by a hyphen to another capitalised
  // word is part of a longer name the gazetteer lacks, not a place of its own — unless the pair
  // names a road ("the axis Nassoumbou-Djibo", « l'axe Kaya-Dori », "the Lagos-Abeokuta
  // expressway"), the other word a part of the place ("Yangon-West district") or a town beside
  // it ("Batesburg-Leesville").
  if (best && best->country.empty()) {
    // The other word, and the tokens the pair spans.
    std::optional<std::uint32_t> other;
    std::uint32_t first = i, last = best->end - 1;
    if (hyphen_joins(doc, best->end - 1, end)) {
      other = last = best->end + 1;
    } else if (i >= 2 && hyphen_joins(doc, i - 2, end) &&
               !name_articles_.count(doc.tokens[i - 2].fold)) {  // "Ar-Raqqa" is Raqqa
      other = first = i - 2;
    }
    if (other) {
      auto road_word_at = [&](std::uint32_t k) {
        return k < end && road_words_.count(doc.tokens[k].fold) > 0;
      };
      const bool road = (first >= 1 && road_word_at(first - 1)) ||
                        (first >= 2 && road_word_at(first - 2)) || road_word_at(last + 1);
      const bool part_of_it = compass_words_.count(doc.tokens[*other].fold) &&
                              !compass_words_.count(doc.tokens[i].fold);
      // "Rep. Barbara Lee, D-Oakland", "Watertown-ML": a party's letter or a school's initials.
      const std::string_view other_text = doc.token_text(doc.tokens[*other]);
      const bool initials = other_text.size() <= 3 && no_small_letters(other_text);
      if (!road && !part_of_it && !initials && !neighbours(best->places, doc.tokens[*other].fold))
        return std::nullopt;
    }
  }
  // « Vladimir Poutine », "Kori Schulman": a capitalised word right after the name makes it a
  // person's first name, not a place — unless that word says what kind of place it is ("Batumi
  // City", "Nawagai Bazar": lang/*/places.tsv `designator`).
  if (best && best->country.empty() && best->end < end) {
    const Token& next = doc.tokens[best->end];
    if (next.kind == TokenKind::Word && next.pos == Pos::PROPN &&
        starts_upper(doc.token_text(next)) && doc.tokens[best->end - 1].space_after &&
        !designators_.count(next.fold)) {
      return std::nullopt;
    }
  }
  return best;
}

// The last words of people's names in the text: runs of two or more capitalised proper nouns
// inside a sentence that are no place name ("Chiquita Raquel Henry", « Moussa Diarra »), whose
// last word is then a surname wherever it stands alone.
std::set<std::string> PlaceRecognizer::surnames_of(const Document& doc,
                                                   const std::vector<Candidate>& candidates) {
  std::set<std::string> out;
  auto in_place_name = [&](const Span& span) {
    return std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& c) {
      return c.end > c.first + 1 && c.span.contains(span);
    });
  };
  auto name_word = [&](std::uint32_t i) {
    const Token& t = doc.tokens[i];
    return t.kind == TokenKind::Word && t.pos == Pos::PROPN && starts_upper(doc.token_text(t)) &&
           !t.name.place && !t.name.common;
  };
  for (const auto& s : doc.sentences) {
    const std::uint32_t end = s.first_token + s.token_count;
    // The sentence's first word is left out: capitalised whatever it is.
    for (std::uint32_t i = s.first_token + 1; i + 1 < end; ++i) {
      if (!name_word(i) || !doc.tokens[i].space_after || !name_word(i + 1)) continue;
      std::uint32_t last = i + 1;
      while (last + 1 < end && doc.tokens[last].space_after && name_word(last + 1)) ++last;
      const Span run{doc.tokens[i].span.begin, doc.tokens[last].span.end};
      if (!in_place_name(run)) out.insert(doc.tokens[last].fold);
      i = last;
    }
  }
  return out;
}

// "(Gweru Urban, Midlands)" after a name, "near Rakivka, Kyiv", "Upper Shyookh village, Aleppo":
// a name after a comma that closes another place's name says where that one lies, as a place cue
// would, whether or not the gazetteer has the first ("Kyiv" beside "Russian" and "Ukrainian" is
// the city, not a government).
PlaceRecognizer::Holding PlaceRecognizer::holds_a_named_place(const Document& doc,
                                                              const Sentence& s,
                                                              const Candidate& c) const {
  if (c.first < s.first_token + 2 || doc.token_text(doc.tokens[c.first - 1]) != ",")
    return Holding::None;
  auto capitalised = [&](std::uint32_t k) {
    const Token& t = doc.tokens[k];
    return t.kind == TokenKind::Word && starts_upper(doc.token_text(t));
  };
  std::uint32_t k = c.first - 2;  // the last word before the comma
  const bool settlement = settlement_words_.count(doc.tokens[k].fold) > 0 && k > s.first_token;
  if (settlement) --k;
  if (!capitalised(k)) return Holding::None;
  for (int words = 1;
       words < 4 && k > s.first_token && capitalised(k - 1) && doc.tokens[k - 1].space_after;
       ++words)
    --k;
  if (settlement) return Holding::AfterComma;
  if (k == s.first_token) return Holding::None;
  // "Mkoba (Gweru Urban, Midlands)": the areas in parentheses after a name.
  if (doc.token_text(doc.tokens[k - 1]) == "(")
    return k >= s.first_token + 2 && capitalised(k - 2) ? Holding::InParentheses : Holding::None;
  auto cue_ends_at = [&](const PhraseMatcher& m) {
    for (std::uint32_t back = 1; back <= 5 && k >= s.first_token + back; ++back) {
      if (auto match = m.longest_at(doc, k - back, k); match && match->length == back) return true;
    }
    return false;
  };
  return cue_ends_at(locative_) || cue_ends_at(near_) ? Holding::AfterComma : Holding::None;
}

// « près des frontières du Burkina Faso et du Niger », "near the border with Niger", "the Niger
// border": a country named across a border from the event, a reference point and not its place.
// `previous` is the candidate before `c`: « … du Burkina Faso et du Niger » shares its border.
bool PlaceRecognizer::across_a_border(const Document& doc, const Candidate& c,
                                      const Candidate* previous) const {
  if (c.end < doc.tokens.size() && border_words_.count(doc.tokens[c.end].fold)) return true;
  // The phrase right before the name or its article (« la frontière avec le Niger »).
  auto phrase_ends_at = [&](std::uint32_t at) {
    for (std::uint32_t back = 1; back <= 4 && back <= at; ++back) {
      if (auto m = border_phrases_.longest_at(doc, at - back, at); m && m->length == back)
        return true;
    }
    return false;
  };
  if (phrase_ends_at(c.first) ||
      (c.first > 0 && doc.tokens[c.first - 1].pos == Pos::DET && phrase_ends_at(c.first - 1)))
    return true;
  // Listed after a country across the same border: « … du Burkina Faso et du Niger ».
  std::uint32_t k = c.first;
  if (k > 0 && (doc.tokens[k - 1].pos == Pos::DET || doc.tokens[k - 1].pos == Pos::ADP)) --k;
  if (k == 0 || doc.tokens[k - 1].pos != Pos::CCONJ || !previous) return false;
  return previous->end == k - 1 && previous->border;
}

// The cues just before a name: « près de », « dans la région de », « à », « le centre du »,
// « à 30 km de ».
void PlaceRecognizer::mark_cues(const Document& doc, const Sentence& s, Candidate& c) const {
  // "the town of Koro", « la ville de Gao », "Chagai town": the text says it is a town.
  if (c.first >= s.first_token + 2 && doc.tokens[c.first - 1].pos == Pos::ADP &&
      town_words_.count(doc.tokens[c.first - 2].fold))
    c.town = true;
  if (c.end < s.first_token + s.token_count && town_words_.count(doc.tokens[c.end].fold))
    c.town = true;
  // "Kayah State", "Shan-North state", "Mopti region": an area of that kind, past the compass
  // part of its name.
  std::uint32_t after = c.end;
  if (after + 2 < s.first_token + s.token_count && doc.token_text(doc.tokens[after]) == "-" &&
      compass_words_.count(doc.tokens[after + 1].fold))
    after += 2;
  if (after < s.first_token + s.token_count && area_words_.count(doc.tokens[after].fold))
    c.area = true;
  // A cue ending at `at`, searched from up to five tokens back.
  // « dans la province de l'Oudalan »: the name's article may stand between cue and name.
  auto cue_ending_at = [&](const PhraseMatcher& m,
                           std::uint32_t at) -> std::optional<std::uint32_t> {
    const bool article = at > s.first_token && at == c.first && doc.tokens[at - 1].pos == Pos::DET;
    for (std::uint32_t end : {at, article ? at - 1 : at}) {
      for (std::uint32_t back = 1; back <= 5 && end >= s.first_token + back; ++back) {
        const std::uint32_t k = end - back;
        if (auto match = m.longest_at(doc, k, end); match && k + match->length == end) return k;
      }
    }
    return std::nullopt;
  };
  // "Chillanes (Bolivar)", « Kalabougou (Ségou) »: a name in parentheses right after another
  // capitalised name says where that one lies, even when the gazetteer lacks the first.
  if (c.first >= s.first_token + 2 && doc.token_text(doc.tokens[c.first - 1]) == "(") {
    const Token& named = doc.tokens[c.first - 2];
    if (named.kind == TokenKind::Word && starts_upper(doc.token_text(named))) {
      c.locative = true;
      c.holds_name = true;
    } else if (c.first >= s.first_token + 3 && settlement_words_.count(named.fold) &&
               starts_upper(doc.token_text(doc.tokens[c.first - 3]))) {
      // "Bahan township (Yangon-West district, …)": it says where that one lies, but no more
      // surely than the text's other places say which namesake it is ("Kale township (Kale
      // district)" is Myanmar's Kale, not Turkey's).
      c.holds_name = true;
    }
  }
  if (const Holding h = holds_a_named_place(doc, s, c); h != Holding::None) {
    c.locative = true;
    // "(Muse district, Shan-North state)": an area, as the first name in them is.
    if (h == Holding::InParentheses) c.holds_name = true;
  }
  std::uint32_t before = c.first;
  if (auto k = cue_ending_at(locative_, c.first)) {
    c.locative = true;
    before = *k;  // « près de la ville de Hombori »: the other cues may stand before this one
  }
  c.near = cue_ending_at(near_, c.first).has_value() || cue_ending_at(near_, before).has_value();
  c.region = cue_ending_at(region_, c.first).has_value();
  if (cue_ending_at(country_part_, c.first)) c.rule = "part of " + c.rule;
  // « à 30 km de Gao »: a distance before « de » makes the place a reference point.
  if (c.first >= s.first_token + 3) {
    if (is_distance_unit(doc.tokens[c.first - 2].fold) &&
        doc.tokens[c.first - 3].kind == TokenKind::Number) {
      c.near = true;
    }
  }
}

void PlaceRecognizer::annotate(Document& doc) const {
  doc.places.clear();
  std::vector<Candidate> candidates = find_candidates(doc);
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    if (!candidates[k].country.empty())
      candidates[k].border =
          across_a_border(doc, candidates[k], k > 0 ? &candidates[k - 1] : nullptr);
  }

  // Context: countries named or implied by demonyms, weighted by how often; a country across a
  // border from the events (« près de la frontière avec le Burkina Faso ») weighs less: the text
  // is not about it.
  std::map<std::string, double, std::less<>> countries;
  for (const auto& c : candidates) {
    if (!c.country.empty()) countries[c.country] += c.border ? 0.25 : 1.0;
  }
  {
    // A demonym inside a place's name ("British Columbia", « Soudan du Sud ») names no people.
    auto candidate = candidates.begin();
    for (const auto& t : doc.tokens) {
      if (t.kind != TokenKind::Word) continue;
      while (candidate != candidates.end() && candidate->span.end <= t.span.begin) ++candidate;
      if (candidate != candidates.end() && candidate->span.contains(t.span) &&
          !candidate->places.empty())
        continue;
      if (auto country = gazetteer_.country_of_demonym(t.fold)) countries[*country] += 0.5;
      // « les FAMa », "the Tatmadaw": a force or a group of one country only.
      if (auto cue = country_cues_.find(t.fold); cue != country_cues_.end())
        countries[cue->second] += 0.5;
    }
  }
  // "Alexandria, La.", « Koro (Mopti) », "Izombe (Oguta, Imo)": names right after a place, in
  // parentheses or after a comma, are areas that hold it; they pick its entry among namesakes.
  std::vector<std::vector<std::size_t>> holders(candidates.size());
  std::vector<bool> in_parentheses(candidates.size());        // its holders are: "Savar (Dhaka)"
  std::vector<bool> first_in_parentheses(candidates.size());  // it opens them: "(Kalale, Borgou)"
  for (std::size_t k = 0; k + 1 < candidates.size(); ++k) {
    std::uint32_t after = candidates[k].end;
    // "Ramganj upazila (Lakshmipur, Chittagong)": past the word that says what kind of place.
    if (after + 1 < doc.tokens.size() && settlement_words_.count(doc.tokens[after].fold)) ++after;
    if (after >= doc.tokens.size()) continue;
    const std::string_view sep = doc.token_text(doc.tokens[after]);
    if (sep != "(" && sep != ",") continue;
    in_parentheses[k] = sep == "(";
    // Inside parentheses a comma goes from a place to the area that holds it ("(Kalale,
    // Borgou)"), not along a list.
    first_in_parentheses[k] = sep == "," && candidates[k].first > 0 &&
                              doc.token_text(doc.tokens[candidates[k].first - 1]) == "(";
    std::uint32_t expected = after + 1;
    for (std::size_t h = k + 1; h < candidates.size() && h <= k + 3; ++h) {
      if (candidates[h].first != expected) break;
      holders[k].push_back(h);
      if (sep == ",") break;  // "Gao, Kidal and Ménaka" is a list: one holder at most
      if (candidates[h].end >= doc.tokens.size() ||
          doc.token_text(doc.tokens[candidates[h].end]) != ",")
        break;
      expected = candidates[h].end + 1;
    }
  }
  std::map<std::string, double, std::less<>>
      admin1s;  // regions named with a cue: « la région de Mopti »
  double total_weight = 1.0;
  auto update_total = [&] {
    total_weight = 0;
    for (const auto& [code, w] : countries) total_weight += w;
    total_weight = std::max(total_weight, 1.0);
  };
  update_total();

  // Places with one exact entry and a place cue, each once: a long text names the same ones
  // again and again.
  std::set<std::pair<double, double>> anchors;
  std::string dominant;  // the country named most
  auto update_dominant = [&] {
    double weight = 0;
    for (const auto& [code, w] : countries) {
      if (w > weight) dominant = code, weight = w;
    }
  };
  update_dominant();
  auto is_loose = [](const Candidate& c, std::uint32_t index) {
    return std::find(c.loose.begin(), c.loose.end(), index) != c.loose.end();
  };
  std::vector<std::string> written(candidates.size());
  for (std::size_t k = 0; k < candidates.size(); ++k)
    written[k] = fold(doc.slice(candidates[k].span));
  // One coherent reading: the countries and admin1 areas that many of the document's names
  // could lie in ("Alexandria" and "Virginia" both have entries in Virginia, USA) are likelier
  // than the ones that a single name points to (Alexandria, Egypt; Virginia, South Africa).
  // Each distinct name votes once for every country and admin1 among its exact entries; the
  // share of the other names that agree weighs in, less where the text names its countries.
  std::map<std::string, double, std::less<>> country_votes, admin1_votes;
  double voters = 0;
  {
    std::set<std::string> seen;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
      const Candidate& c = candidates[k];
      if (!c.country.empty() || c.places.empty() || !seen.insert(written[k]).second) continue;
      std::set<std::string, std::less<>> in_countries, in_admin1s;
      for (std::uint32_t index : c.places) {
        if (is_loose(c, index)) continue;
        const Place& p = gazetteer_.place(index);
        in_countries.insert(std::string(p.country));
        in_admin1s.insert(area_key(p.country, p.admin1));
      }
      if (in_countries.empty()) continue;
      voters += 1;
      for (const auto& code : in_countries) country_votes[code] += 1;
      for (const auto& code : in_admin1s) admin1_votes[code] += 1;
    }
  }
  const double coherence_weight = countries.empty() ? 1.0 : 0.5;
  auto agreement = [&](const std::map<std::string, double, std::less<>>& votes,
                       std::string_view key) {
    if (voters < 2) return 0.0;
    const auto it = votes.find(key);
    return it == votes.end() ? 0.0 : (it->second - 1) / (voters - 1);
  };
  std::vector<std::optional<std::uint32_t>> chosen(candidates.size());
  // Whether `p` lies in the area (or country) that candidate h, named after it, resolved to.
  auto inside = [&](const Place& p, std::size_t h) {
    if (!candidates[h].country.empty()) return candidates[h].country == p.country;
    if (!chosen[h]) return false;
    const Place& area = gazetteer_.place(*chosen[h]);
    return area.country == p.country && area.admin1 == p.admin1 &&
           (area.feature_code != "ADM2" || area.admin2 == p.admin2);
  };
  auto score = [&](std::uint32_t index, const Candidate& c) {
    const Place& p = gazetteer_.place(index);
    double s = kind_prior(p);
    // Inside the areas named after it (second pass, once they are resolved).
    const auto k = static_cast<std::size_t>(&c - candidates.data());
    for (std::size_t h : holders[k]) {
      if (inside(p, h)) s += candidates[h].country.empty() ? 4.0 : 2.0;
    }
    // A place's own name before one of GeoNames' alternate names (« Boni » is also listed for
    // Bouani, Ségou): the alternates are many and loose.
    const std::string& as_written = written[static_cast<std::size_t>(&c - candidates.data())];
    if (fold(p.ascii_name) == as_written || fold(p.name) == as_written) s += 0.5;
    if (p.feature_class == 'P') s += std::log10(static_cast<double>(p.population) + 1.0) / 2.0;
    // Near a place the document is sure of (« entre Boni et Hombori »).
    for (const auto& [lat, lon] : anchors) {
      const double dlat = (p.lat - lat) * 111.0,
                   dlon = (p.lon - lon) * 111.0 * std::cos(lat * 0.01745);
      if (dlat * dlat + dlon * dlon < 150.0 * 150.0) {
        s += 1.5;
        break;
      }
    }
    // The document's countries dominate: a share of the mentions, not a fixed bonus, so that one
    // « États-Unis » does not pull « Moura » to Minnesota in an article about Mali.
    if (auto it = countries.find(p.country); it != countries.end())
      s += 6.0 * it->second / total_weight;
    if (p.country == dominant) s += 2.0;  // the country the article is about
    if (admin1s.count(area_key(p.country, p.admin1))) s += 1.5;
    if (!is_loose(c, index)) {
      s += coherence_weight * (3.0 * agreement(country_votes, p.country) +
                               2.0 * agreement(admin1_votes, area_key(p.country, p.admin1)));
    }
    // Areas are what a region cue or the parentheses after a name ("Chillanes (Bolivar)") name;
    // towns what the text calls a town ("the town of Koro (Koro, Mopti)": not its cercle).
    if ((c.region || c.holds_name) && p.feature_class == 'A') s += 2.0;
    if (c.town && p.feature_class == 'P') s += 3.0;
    if (c.area && p.feature_class == 'A') s += 3.0;
    if (is_loose(c, index)) s -= 1.0;
    return s;
  };

  // Two passes: the first resolves what it can, and the places it is sure of (one exact entry,
  // after a place cue) and the regions named join the context of the second.
  std::vector<std::vector<PlaceOption>> considered(candidates.size());
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t k = 0; k < candidates.size(); ++k) {
      const Candidate& c = candidates[k];
      std::vector<PlaceOption>& options = considered[k];
      options.clear();
      const bool acronym = acronym_like(doc.slice(c.span));
      for (std::uint32_t index : c.places) {
        if (acronym && !written_in_capitals_as(gazetteer_.place(index), written[k])) continue;
        options.push_back({index, score(index, c)});
      }
      // Best first; the first of equals wins, as the gazetteer lists them.
      std::stable_sort(
          options.begin(), options.end(),
          [](const PlaceOption& a, const PlaceOption& b) { return a.score > b.score; });
      chosen[k] = options.empty() ? std::nullopt : std::optional(options.front().place);
    }
    if (pass == 1) break;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
      const Candidate& c = candidates[k];
      if (!chosen[k]) continue;
      const Place& p = gazetteer_.place(*chosen[k]);
      if (c.places.size() == 1 && c.loose.empty() && (c.locative || c.near || c.region))
        countries[std::string(p.country)] += 0.5;
      // A region named with a cue, or an area named unambiguously ("Rapides Parish"), puts the
      // text in that admin1: « Alexandria » then is the one of Louisiana.
      // Spelling variants of another name do not make an area's own name unsure.
      const bool sure_area = p.feature_class == 'A' && !is_loose(c, *chosen[k]) &&
                             c.places.size() - c.loose.size() <= 2;
      if (c.region || sure_area) admin1s[area_key(p.country, p.admin1)] += 1.0;
      // An area named as a holder is as sure as a cue: "(Kaduna)" puts the text in Nigeria.
      if (sure_area) countries[std::string(p.country)] += 0.5;
      if (c.places.size() == 1 && c.loose.empty()) anchors.emplace(p.lat, p.lon);
    }
    update_total();
    update_dominant();
  }

  // A country's name reads as the area of another country that bears it ("Georgia" in a text
  // about Oconee County) when nothing else in the text points to the country and something
  // points to the area's: places resolved there, or most names having entries there.
  // How often each country's name is written each way.
  std::map<std::pair<std::string, std::string>, int> country_names_written;
  for (std::size_t j = 0; j < candidates.size(); ++j) {
    if (!candidates[j].country.empty())
      ++country_names_written[{written[j], candidates[j].country}];
  }
  auto reads_as_namesake_area = [&](const Candidate& c, std::size_t k) {
    const std::string_view area_country = gazetteer_.place(*c.namesake_area).country;
    const double own = static_cast<double>(country_names_written[{written[k], c.country}]);
    const auto named = [&](std::string_view code) {
      const auto it = countries.find(code);
      return it == countries.end() ? 0.0 : it->second;
    };
    return named(c.country) - own <= 0.0 &&
           (named(area_country) > 0.0 || agreement(country_votes, area_country) >= 0.5);
  };
  const std::set<std::string> surnames = surnames_of(doc, candidates);
  std::vector<bool> vouched(candidates.size());
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    if (!chosen[k]) continue;
    for (std::size_t h : holders[k]) {
      // (Another entry: "Kale township (Kale district…)" vouches for nothing.)
      if (candidates[h].country.empty() && chosen[h] && *chosen[h] != *chosen[k] &&
          inside(gazetteer_.place(*chosen[k]), h))
        vouched[k] = vouched[h] = true;
    }
  }
  // Without a place preposition or cue, only names in the document's main country are kept:
  // « le groupe Wagner » is not Wagner, Oregon, in an article about Mali.
  std::vector<bool> is_holder(candidates.size());
  for (const auto& held : holders) {
    for (std::size_t h : held) is_holder[h] = true;
  }
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const Candidate& c = candidates[k];
    PlaceMention m;
    m.span = c.span;
    m.candidates = static_cast<std::uint32_t>(c.places.size());
    m.considered.assign(
        considered[k].begin(),
        considered[k].begin() + static_cast<std::ptrdiff_t>(
                                    std::min(considered[k].size(), PlaceMention::kMaxConsidered)));
    m.rule = c.rule;
    m.holder = is_holder[k];
    if (!c.country.empty()) {
      if (c.namesake_area && reads_as_namesake_area(c, k)) {
        const Place& area = gazetteer_.place(*c.namesake_area);
        m.place = *c.namesake_area;
        m.country = area.country;
        m.precision = "admin1";
        m.rule = "name of an area that is also a country's";
      } else {
        m.country = c.country;
        m.precision = "country";
        if (c.border) {
          m.border = true;
          m.rule += ", across a border";
        }
      }
      doc.places.push_back(std::move(m));
      continue;
    }
    if (!chosen[k]) continue;
    const Place& p = gazetteer_.place(*chosen[k]);
    const bool cued = c.locative || c.near || c.region;
    const bool loose = is_loose(c, *chosen[k]);
    // "Konak town, Izmir" where the gazetteer's Konak is only another name of a village
    // elsewhere: the text says where the place is and that entry is not there.
    const bool own_name = fold(p.ascii_name) == written[k] || fold(p.name) == written[k];
    // Nor is a place whose entries all lie outside the area named in parentheses after it
    // ("Savar city (Dhaka)": GeoNames' Savar is Sweden's Sævar; "Basma (Barsalogho,
    // Sanmatenga)": the gazetteer's Basma is another province's). The text's name then stays as
    // a settlement the gazetteer lacks (add_unlisted_names), with the holder's coordinates. Not
    // after a comma, which also lists ("Tamil Nadu, Karnataka", "Gao, Kidal"), nor for an
    // acronym or abbreviation ("Minister (AL)", "(Ga.)") nor a name in two spellings
    // ("Saint-Denis (Saint Denis)").
    const auto first_holder = std::find_if(
        holders[k].begin(), holders[k].end(),
        [&](std::size_t h) { return !candidates[h].country.empty() || chosen[h].has_value(); });
    if (first_holder != holders[k].end() &&
        std::none_of(holders[k].begin(), holders[k].end(),
                     [&](std::size_t h) { return inside(p, h); })) {
      const std::size_t h = *first_holder;
      const std::string_view holder_text = doc.slice(candidates[h].span);
      const bool abbreviation =
          no_small_letters(holder_text) || (candidates[h].end < doc.tokens.size() &&
                                            doc.token_text(doc.tokens[candidates[h].end]) == ".");
      // (Within parentheses, only an area resolved as one: "(Paikoro, Niger)" may be Niger
      // State, "(Bealanana, Sofia)" Madagascar's region.)
      const bool area_holds = first_in_parentheses[k] && candidates[h].country.empty() &&
                              chosen[h] && gazetteer_.place(*chosen[h]).feature_class == 'A';
      if (!own_name || ((in_parentheses[k] || area_holds) && !abbreviation &&
                        Gazetteer::spelling_key(written[h]) != Gazetteer::spelling_key(written[k])))
        continue;
    }
    const bool in_context = countries.count(p.country) > 0;
    // A first-level area, or a second-level one named with its designator ("Rapides Parish",
    // "Otter Tail County"), is as sure a place as a large town.
    const bool named_area =
        p.feature_code == "ADM1" ||
        (p.feature_code == "ADM2" && written[k].find(' ') != std::string::npos &&
         written[k] == fold(p.name));
    const bool important = p.feature_code == "PPLC" || p.feature_code == "PPLA" ||
                           p.feature_code == "PPLA2" || p.population >= 50000 || named_area;
    // In a document that names countries, a place must lie in one of them, and without a place
    // cue in the main one (« le groupe Wagner » is not Wagner, Oregon, in an article about
    // Mali); in one that names none, only cued names and important towns are kept.
    // A place after a cue that names one entry, or an important one ("protested in Oulu for
    // peace in Ukraine"), stands even outside the countries named.
    // An area named in full is as sure as a country's name, cue or not ("Ohio voters", "Rapides
    // Parish deputies"): a name of several words, or one the dictionary knows as a place's.
    // So is one the text calls an area ("Luhansk region", "Kayah State").
    const bool area_by_name =
        named_area && !loose && (c.end > c.first + 1 || doc.tokens[c.first].name.place || c.area);
    // A place and the area in parentheses after it that holds it vouch for each other ("Meru
    // (Tigania West, Meru)", "(Bamako, Bamako)"), whatever countries the text's peoples name.
    // A city of note whose every entry lies in one country is that city wherever the text's
    // peoples come from ("Russian forces shelled Kharkiv", "Turkish drones struck Qamishli") —
    // a capital only where the text does not name its country at all: beside that country's
    // name, an uncued capital is often its government ("a resistance movement against …
    // Beijing").
    auto one_country = [&] {
      return std::all_of(c.places.begin(), c.places.end(),
                         [&](std::uint32_t e) { return gazetteer_.place(e).country == p.country; });
    };
    const bool capital = p.feature_code == "PPLC" || p.feature_code == "PPLG";
    const bool city_of_note = capital || p.population >= 100000;
    const bool sure =
        (cued && !loose && (c.places.size() == 1 || important)) || area_by_name ||
        (vouched[k] && !loose) ||
        (city_of_note && own_name && one_country() && !loose && !acronym_like(doc.slice(c.span)) &&
         !possessive(doc, c.end) && !(capital && in_context));
    if (dominant.empty() ? !(cued || important) || loose
                         : !sure && (!in_context || (!cued && (p.country != dominant || loose)))) {
      continue;
    }
    // A word the dictionary knows as a common word or as a person's name and not as a place's
    // ("Center", "Most", "Henry", "Lewis") is a place only where the text says so: after a place
    // cue, or with its holder ("Center, Texas").
    const NameSenses& senses = doc.tokens[c.first].name;
    // So is a word the text uses as a surname elsewhere ("Chiquita Raquel Henry" … "Henry's
    // arrest").
    const bool one_word = c.end == c.first + 1;
    // An area named as another place's holder is named as a place ("Chillanes (Bolivar)").
    const bool holding_area = m.holder && p.feature_class == 'A';
    if (one_word && !cued && holders[k].empty() && !holding_area &&
        ((!senses.place && (senses.common || senses.person || senses.other_name)) ||
         surnames.count(doc.tokens[c.first].fold)))
      continue;
    m.place = *chosen[k];
    m.country = p.country;
    if (loose) m.rule = "spelling variant";
    if (c.near)
      m.precision = "near";
    else if (p.feature_code == "ADM2")
      m.precision = "admin2";  // « la province de l'Oudalan » is a province, cue or not
    else if (c.region || p.feature_code == "ADM1")
      m.precision = "admin1";
    else if (p.feature_code.rfind("PCL", 0) == 0)
      m.precision = "country";
    else
      m.precision = "exact";
    if (c.near) m.rule += ", near";
    if (c.region) m.rule += ", region";
    doc.places.push_back(std::move(m));
  }
  add_unlisted_names(doc, dominant);
}

// Settlements the gazetteer lacks (most villages of most countries): a capitalised name the text
// says is a place's, by a settlement word after it ("Kacham village", "Yesagyo Township"), a
// phrase before it ("the village of", « le village de »), or the place named right after it in
// parentheses ("Sfuhen (Idlib)") or, after a place preposition, after a comma ("in Panteleimonivka,
// Donetsk"). The area or town named after it, when there is one, stands for its coordinates.
void PlaceRecognizer::add_unlisted_names(Document& doc, const std::string& dominant) const {
  const std::size_t listed = doc.places.size();
  // The tokens already read as something (a place, a date, a number): marked once, so that the
  // scan stays linear in the document's length.
  std::vector<bool> taken(doc.tokens.size());
  auto mark = [&](const Span& span) {
    auto t =
        std::lower_bound(doc.tokens.begin(), doc.tokens.end(), span.begin,
                         [](const Token& tok, std::uint32_t at) { return tok.span.end <= at; });
    for (; t != doc.tokens.end() && t->span.begin < span.end; ++t)
      taken[static_cast<std::size_t>(t - doc.tokens.begin())] = true;
  };
  for (const auto& p : doc.places) mark(p.span);
  for (const auto& d : doc.dates) mark(d.span);
  for (const auto& n : doc.numbers) mark(n.span);
  // Where a place mention starts, by token: the holders looked up after a name.
  std::unordered_map<std::uint32_t, std::size_t> starting;
  for (std::size_t k = 0; k < doc.places.size(); ++k) starting[doc.places[k].span.begin] = k;
  for (const auto& s : doc.sentences) {
    // Right to left, so that a settlement found can hold the one before it ("Intaw Town,
    // Lawksawk township (Taunggyi district)", "X village of Y commune (Djibo, Soum)").
    for (std::uint32_t i = s.first_token + s.token_count; i-- > s.first_token;) {
      auto name = unlisted_name_at(doc, s, i, dominant, taken, starting);
      if (!name) continue;
      if (name->holder) doc.places[starting.at(name->holder->begin)].holder = true;
      mark(name->mention.span);
      starting[name->mention.span.begin] = doc.places.size();
      doc.places.push_back(std::move(name->mention));
    }
  }
  if (doc.places.size() == listed) return;
  std::stable_sort(
      doc.places.begin(), doc.places.end(),
      [](const PlaceMention& a, const PlaceMention& b) { return a.span.begin < b.span.begin; });
}

std::optional<PlaceRecognizer::UnlistedName> PlaceRecognizer::unlisted_name_at(
    const Document& doc, const Sentence& s, std::uint32_t i, const std::string& dominant,
    const std::vector<bool>& taken,
    const std::unordered_map<std::uint32_t, std::size_t>& starting) const {
  const std::uint32_t end = s.first_token + s.token_count;
  // Capitalised proper nouns; not a kind of place ("County", "City") nor a people's name.
  auto name_word = [&](std::uint32_t k) {
    const Token& t = doc.tokens[k];
    return t.kind == TokenKind::Word && t.pos == Pos::PROPN && starts_upper(doc.token_text(t)) &&
           !stopwords_.count(t.fold) && !settlement_words_.count(t.fold) &&
           !designators_.count(t.fold) && !gazetteer_.country_of_demonym(t.fold) && !taken[k];
  };
  if (!name_word(i) || (i > s.first_token && name_word(i - 1))) return std::nullopt;
  // Nor inside a hyphenated name ("Nabi" of "Yirgou-Nabi").
  if (i >= s.first_token + 2 && doc.token_text(doc.tokens[i - 1]) == "-" &&
      !doc.tokens[i - 2].space_after && !doc.tokens[i - 1].space_after && name_word(i - 2))
    return std::nullopt;
  // The name: capitalised words, joined by spaces or by hyphens written tight ("Bulo-Mareer").
  std::uint32_t last = i;
  for (std::uint32_t words = 1; words < 4;) {
    if (last + 2 < end && doc.token_text(doc.tokens[last + 1]) == "-" &&
        !doc.tokens[last].space_after && !doc.tokens[last + 1].space_after && name_word(last + 2)) {
      last += 2;
    } else if (last + 1 < end && doc.tokens[last].space_after && name_word(last + 1)) {
      last += 1;
    } else {
      break;
    }
    ++words;
  }
  // A fifth capitalised word: an organisation's or a person's full name, not a settlement's.
  if (last + 1 < end && name_word(last + 1)) return std::nullopt;
  // "Kacham village", "Yesagyo Township (…)"; not "Dublin City Council", "Cloverhill District
  // Court": a capitalised word after the settlement word makes the whole an institution's name.
  const bool word_after = last + 1 < end && settlement_words_.count(doc.tokens[last + 1].fold) &&
                          !(last + 2 < end && doc.tokens[last + 2].kind == TokenKind::Word &&
                            starts_upper(doc.token_text(doc.tokens[last + 2])));
  // "a Pokot village", "the Fulani settlement": a people's village, not a village's name.
  if (word_after && i > s.first_token && doc.tokens[i - 1].pos == Pos::DET) return std::nullopt;
  auto phrase_before = [&](const PhraseMatcher& m) {
    for (std::uint32_t back = 1; back <= 5 && i >= s.first_token + back; ++back) {
      if (auto match = m.longest_at(doc, i - back, i); match && match->length == back) return true;
    }
    return false;
  };
  const bool phrase = phrase_before(settlement_phrases_);
  // Without « le village de » before it, a name whose last word the dictionary knows as a common
  // word ("Hertford Road", "Passing out Parade") or whose first word as a person's ("Julie Ward")
  // is no settlement's.
  const NameSenses& head = doc.tokens[last].name;
  const NameSenses& first = doc.tokens[i].name;
  if (!phrase && ((head.common && !head.place) || (first.person && !first.place)))
    return std::nullopt;
  // The place named right after the name (and its settlement word), in parentheses or after a
  // comma: the area or town that holds it.
  std::uint32_t sep = last + 1 + (word_after ? 1 : 0);
  // « le village de Toabin », dans la province…: past the quotation's end.
  if (sep < end && is_closing_quote(doc.token_text(doc.tokens[sep]))) ++sep;
  const PlaceMention* holder = nullptr;
  std::string_view separator;
  auto place_at = [&](std::uint32_t k) -> const PlaceMention* {
    const auto it = starting.find(doc.tokens[k].span.begin);
    if (it == starting.end()) return nullptr;
    const PlaceMention& p = doc.places[it->second];
    return p.place || p.within || !p.country.empty() ? &p : nullptr;
  };
  if (sep + 1 < end) {
    separator = doc.token_text(doc.tokens[sep]);
    if (separator == ",") holder = place_at(sep + 1);
    // "(Mueda, Cabo Delgado)": the first of the areas listed that the gazetteer has.
    for (std::uint32_t k = sep + 1; separator == "(" && !holder && k < end && k < sep + 12; ++k) {
      if (doc.token_text(doc.tokens[k]) == ")") break;
      if (k == sep + 1 || doc.token_text(doc.tokens[k - 1]) == ",") holder = place_at(k);
    }
  }
  // "Sfuhen town in Idleb countryside", "the village of Dagou near Djibo": a settlement's name,
  // then a place preposition and a place.
  // « le village de Wendoubara, dans la province du Soum », "Kacham village, near Kaduna": past
  // the comma, place cues and articles, then a place.
  auto after_cues = [&](std::uint32_t k) {
    for (std::uint32_t steps = 0; k < end && steps < 4; ++steps) {
      std::uint32_t length = 0;
      for (const PhraseMatcher* m : {&locative_, &region_, &near_, &within_phrases_}) {
        if (auto cue = m->longest_at(doc, k, end)) length = std::max(length, cue->length);
      }
      if (length == 0 && doc.tokens[k].pos == Pos::DET) length = 1;
      // « , à 17 km au sud de Niamey »: past the distance to the cue that follows it.
      if (length == 0 && k + 1 < end && doc.tokens[k].kind == TokenKind::Number &&
          is_distance_unit(doc.tokens[k + 1].fold))
        length = 2;
      if (length == 0) break;
      k += length;
    }
    return k;
  };
  const bool after_preposition = phrase_before(locative_) || phrase_before(near_);
  // « à Wabaria, dans la région de Gao »: after a place preposition, the comma, the cues and the
  // area that holds it.
  if (!holder && (word_after || phrase || (after_preposition && separator == ",")) && sep < end) {
    const std::uint32_t k = after_cues(separator == "," ? sep + 1 : sep);
    if (k > sep + (separator == "," ? 1 : 0) && k < end) holder = place_at(k);
  }
  // The holder is a place's name that closes the parentheses or goes on with the next area
  // ("(Malumfashi, Katsina)"); not an acronym ("Football Association (FA)") nor the first word
  // of something else ("(Maury County student)").
  if (holder) {
    const std::string_view text = doc.slice(holder->span);
    const bool acronym = text.size() >= 2 && no_small_letters(text);
    std::uint32_t after = sep + 1;
    while (after < end && doc.tokens[after].span.begin < holder->span.end) ++after;
    // "(Yangon-West district, …)": past the part of the area it names.
    if (after + 1 < end && doc.token_text(doc.tokens[after]) == "-" &&
        compass_words_.count(doc.tokens[after + 1].fold))
      after += 2;
    // "(Myagdi district)", "(Kani township, …)": past the word that says what kind of area.
    if (after < end && (settlement_words_.count(doc.tokens[after].fold) ||
                        designators_.count(doc.tokens[after].fold)))
      ++after;
    const std::string_view next = after < end ? doc.token_text(doc.tokens[after]) : ".";
    const bool closes = separator == "(" ? next == ")" || next == "," : true;
    if (acronym || !closes) holder = nullptr;
  }
  const bool parenthesised = holder && separator == "(";
  const bool after_comma = holder && separator == "," && after_preposition;
  if (!word_after && !phrase && !parenthesised && !after_comma) return std::nullopt;
  // Placed nowhere, a name needs both its settlement word and a preposition before it ("in
  // Kacham village"), or the phrase (« le village de Tinzaouatène »).
  if (!holder && !phrase && !after_preposition) return std::nullopt;
  // Without any of these words the sentence's first word is capitalised whatever it is.
  if (i == s.first_token && !word_after) return std::nullopt;

  PlaceMention m;
  m.span = {doc.tokens[i].span.begin, doc.tokens[last].span.end};
  m.unlisted = true;
  m.rule = "not in the gazetteer";
  if (holder) {
    m.country = holder->country;
    m.rule += ", in " + std::string(doc.slice(holder->span));
    m.within = holder->place ? holder->place : holder->within;
    // The holder's coordinates, and so its precision; a town's stand for a place in or near it.
    m.precision = holder->precision == "exact" ? "near" : holder->precision;
  } else if (!dominant.empty()) {
    m.country = dominant;
    m.precision = "country";
    m.rule += ", in the country the text names most";
  } else {
    return std::nullopt;  // a name and nothing of where it is
  }
  return UnlistedName{std::move(m), holder ? std::optional(holder->span) : std::nullopt};
}

}  // namespace vigie
