#include "mentions/actor_recognizer.h"

#include <algorithm>
#include <map>

#include "text/folding.h"
#include "util/tsv.h"

namespace vigie {
namespace {

std::string replace_all(std::string s, std::string_view what, std::string_view with) {
  for (std::size_t at = s.find(what); at != std::string::npos;
       at = s.find(what, at + with.size())) {
    s.replace(at, what.size(), with);
  }
  return s;
}

bool is_group_type(const std::string& type) {
  return type == "rebel_group" || type == "political_militia" || type == "identity_militia" ||
         type == "external_other";
}

}  // namespace

ActorRecognizer::ActorRecognizer(const LanguagePack& pack, const ActorKnowledgeBase& kb,
                                 const Gazetteer* gazetteer, Tokenizer& tokenizer)
    : kb_(kb), gazetteer_(gazetteer) {
  // Generated names ("Military Forces of Mali") that aliases may point to.
  std::unordered_map<std::string, std::pair<ActorKind, std::string>> generated;
  if (gazetteer_) {
    for (const auto& c : gazetteer_->countries()) {
      for (auto kind :
           {ActorKind::Military, ActorKind::Police, ActorKind::Government, ActorKind::Civilians}) {
        generated[kb_.generic(kind, &c).name] = {kind, c.code};
      }
    }
  }
  const auto aliases = pack.dir / "actor_aliases.tsv";
  if (std::filesystem::exists(aliases)) {
    for (const auto& row : read_tsv(aliases)) {
      if (row.fields.size() < 2) {
        throw DataError(aliases.string() + ":" + std::to_string(row.line) +
                        ": expected alias TAB name");
      }
      Target t;
      t.rule = "name";
      if (kb_.find(row.fields[1])) {
        t.name = row.fields[1];
      } else if (auto g = generated.find(row.fields[1]); g != generated.end()) {
        t.source = Target::Source::Generic;
        t.kind = g->second.first;
        t.country = g->second.second;
      } else if (!generated.empty() || row.fields[1].find(" of ") == std::string::npos) {
        throw DataError(aliases.string() + ":" + std::to_string(row.line) + ": unknown actor '" +
                        row.fields[1] + "' (data/actors.tsv)");
      } else {
        continue;  // a country's forces, without a country table (gazetteer) to know the country
      }
      matcher_.add(row.fields[0], add_target(std::move(t)), tokenizer);
    }
  }
  add_descriptions(pack, gazetteer, tokenizer);
}

std::uint32_t ActorRecognizer::add_target(Target t) {
  targets_.push_back(std::move(t));
  return static_cast<std::uint32_t>(targets_.size() - 1);
}

// Patterns with {m}, {f}, {mp}, {fp} (the demonym: masculine, feminine, their plurals) or
// {country} are expanded for every country; the others take their country from the document.
void ActorRecognizer::add_descriptions(const LanguagePack& pack, const Gazetteer* gazetteer,
                                       Tokenizer& tokenizer) {
  const auto file = pack.dir / "actor_descriptions.tsv";
  if (!std::filesystem::exists(file)) return;
  for (const auto& row : read_tsv(file)) {
    const std::string where = file.string() + ":" + std::to_string(row.line) + ": ";
    if (row.fields.size() < 2) throw DataError(where + "expected kind TAB pattern");
    const std::string& kind_name = row.fields[0];
    const std::string& pattern = row.fields[1];
    if (kind_name == "militia_word") {
      static const std::unordered_map<std::string, MilitiaName> kModes = {
          {"name_before", MilitiaName::Before},
          {"name_after", MilitiaName::After},
          {"people_before", MilitiaName::PeopleBefore},
          {"people_after", MilitiaName::PeopleAfter},
          {"people_before_armed", MilitiaName::PeopleBeforeArmed}};
      const auto mode = kModes.find(row.fields.size() < 3 ? "" : row.fields[2]);
      if (mode == kModes.end())
        throw DataError(where +
                        "militia_word needs name_before, name_after, people_before, "
                        "people_after or people_before_armed");
      militia_words_[fold(pattern)] = mode->second;
      continue;
    }
    if (kind_name == "arming_word") {
      arming_words_.insert(fold(pattern));
      continue;
    }
    if (kind_name == "anaphor") {
      Target t;
      t.source = Target::Source::Anaphor;
      t.group_anaphor = row.fields.size() < 3 || row.fields[2] != "force";
      t.rule = "refers back";
      matcher_.add(pattern, add_target(std::move(t)), tokenizer);
      continue;
    }
    const auto kind = actor_kind_named(kind_name);
    if (!kind) throw DataError(where + "unknown kind '" + kind_name + "'");
    const bool per_country = pattern.find('{') != std::string::npos;
    if (!per_country) {
      Target t;
      t.source = Target::Source::Generic;
      t.kind = *kind;
      t.rule = "description: " + kind_name + " (country from the document)";
      matcher_.add(pattern, add_target(std::move(t)), tokenizer);
      continue;
    }
    if (!gazetteer) continue;
    for (const auto& c : gazetteer->countries()) {
      // Territories share their state's demonym (« français »): the state's forces are meant.
      if (!c.independent) continue;
      const std::string m = c.demonym(pack.country_language, "m");
      std::string f = c.demonym(pack.country_language, "f");
      if (f.empty()) f = m;
      const std::string name = pack.country_language == "fra" ? c.name_fr : c.name_en;
      if ((pattern.find("{m") != std::string::npos || pattern.find("{f") != std::string::npos) &&
          m.empty())
        continue;
      if (pattern.find("{country}") != std::string::npos && name.empty()) continue;
      std::string phrase = replace_all(pattern, "{mp}", m + "s");
      phrase = replace_all(phrase, "{fp}", f + "s");
      phrase = replace_all(phrase, "{m}", m);
      phrase = replace_all(phrase, "{f}", f);
      phrase = replace_all(phrase, "{country}", name);
      Target t;
      t.source = Target::Source::Generic;
      t.kind = *kind;
      t.country = c.code;
      t.rule = "description: " + kind_name;
      matcher_.add(phrase, add_target(std::move(t)), tokenizer);
    }
  }
}

void ActorRecognizer::annotate(Document& doc) const {
  doc.actors.clear();
  // The document's main country, for descriptions without one (« des villageois »).
  const std::string main_country = doc.main_country();
  const Country* main =
      gazetteer_ && !main_country.empty() ? gazetteer_->country(main_country) : nullptr;

  const int year = doc.meta.published ? std::atoi(doc.meta.published->substr(0, 4).c_str()) : 0;
  struct Found {
    std::uint32_t first, end, target;
  };
  std::vector<Found> found;
  bool names_wagner = false;
  for (const auto& s : doc.sentences) {
    const std::uint32_t end = s.first_token + s.token_count;
    for (std::uint32_t i = s.first_token; i < end;) {
      auto m = matcher_.longest_at(doc, i, end);
      // « le Groupe de soutien à l'islam… »: a longer name starting on the next word wins over
      // « le groupe » here.
      if (m && m->length >= 2 && i + 1 < end) {
        if (auto next = matcher_.longest_at(doc, i + 1, end);
            next && i + 1 + next->length > i + m->length)
          m.reset();
      }
      if (!m) {
        ++i;
        continue;
      }
      const Target& t = targets_[m->payload];
      names_wagner = names_wagner || t.name == "Wagner Group" || t.name == "Africa Corps";
      found.push_back({i, i + m->length, m->payload});
      i += m->length;
    }
  }

  for (const auto& f : found) {
    const Target& t = targets_[f.target];
    // The determiner belongs to the description: « des soldats maliens », « l'armée malienne ».
    std::uint32_t first = f.first;
    if (first > 0 && doc.tokens[first - 1].pos == Pos::DET) --first;
    ActorMention a;
    a.span = {doc.tokens[first].span.begin, doc.tokens[f.end - 1].span.end};
    a.rule = t.rule;
    if (t.source == Target::Source::Named) {
      const Actor* actor = kb_.as_of(t.name, year);
      if (actor->name != t.name) a.rule = "name, " + t.name + " became " + actor->name;
      // "Islamic State militants" in a text about Egypt: its branch there, "Islamic State
      // (Egypt)", where data/actors.tsv lists one.
      if (main) {
        if (const Actor* branch = kb_.find(actor->name + " (" + kb_.country_name(*main) + ")")) {
          a.rule = "name, its branch in " + kb_.country_name(*main);
          actor = branch;
        }
      }
      a.name = actor->name;
      a.type = actor->type;
      a.inter = actor->inter;
      a.country = actor->country;
      // "the Tigyaing PDF", "PDF-Kalay": the unit of a place, under the name ACLED gives it.
      if (auto place = kb_.has_local_branches(actor->name) ? place_of_unit(doc, f.first, f.end)
                                                           : std::nullopt) {
        if (auto local = kb_.local_branch(actor->name, doc.slice(*place))) {
          a.name = *local;
          a.rule = "name, its unit of " + std::string(doc.slice(*place));
          a.span = {std::min(a.span.begin, place->begin), std::max(a.span.end, place->end)};
        }
      }
    } else if (t.source == Target::Source::Generic) {
      if (t.kind == ActorKind::Foreign && names_wagner) {
        // « des soldats étrangers blancs » is Wagner only where the document names Wagner.
        const Actor* wagner = kb_.find("Wagner Group");
        a.name = wagner->name;
        a.type = wagner->type;
        a.inter = wagner->inter;
        a.country = wagner->country;
        a.rule = "foreign force, linked to Wagner Group named in the document";
      } else {
        const Country* country =
            t.country.empty() ? main : (gazetteer_ ? gazetteer_->country(t.country) : nullptr);
        const Actor actor = kb_.generic(t.kind, country);
        a.name = actor.name;
        a.type = actor.type;
        a.inter = actor.inter;
        a.country = actor.country;
      }
    } else {
      // « le groupe »: the last group named before; « ces forces »: the last force.
      const ActorMention* antecedent = nullptr;
      for (auto it = doc.actors.rbegin(); it != doc.actors.rend(); ++it) {
        const Actor* known = kb_.find(it->name);
        if (known && known->source) continue;  // agencies and NGOs are not what « le groupe » means
        const bool group = is_group_type(it->type) && it->rule == "name";
        const bool force = it->type == "state_forces" || it->type == "external_other";
        if (t.group_anaphor ? group : force) {
          antecedent = &*it;
          break;
        }
      }
      if (!antecedent) continue;
      a.name = antecedent->name;
      a.type = antecedent->type;
      a.inter = antecedent->inter;
      a.country = antecedent->country;
      a.rule = "refers back to " + antecedent->name;
    }
    doc.actors.push_back(std::move(a));
  }

  add_militias(doc, main);

  // "presumed JNIM and/or ISGS militants": a report that cannot tell which of two groups acted
  // names both, as ACLED does ("JNIM: … and/or Islamic State (Sahel)").
  for (std::size_t k = 0; k + 1 < doc.actors.size(); ++k) {
    ActorMention& first = doc.actors[k];
    const ActorMention& second = doc.actors[k + 1];
    if (first.span.end >= second.span.begin || first.name == second.name) continue;
    std::string between(doc.slice({first.span.end, second.span.begin}));
    std::erase_if(between, [](char c) { return c == ' '; });
    if (between != "and/or" && between != "et/ou" && between != "ou") continue;
    if (between == "ou" && first.type != second.type) continue;
    first.name += " and/or " + second.name;
    first.span.end = second.span.end;
    first.rule += ", either of two";
    doc.actors.erase(doc.actors.begin() + static_cast<std::ptrdiff_t>(k) + 1);
  }

  // « des forces russes de Wagner », "fighters of the Islamic State": a description followed by
  // the name of whose it is stands for that name.
  for (std::size_t k = 0; k + 1 < doc.actors.size(); ++k) {
    ActorMention& description = doc.actors[k];
    const ActorMention& named = doc.actors[k + 1];
    if (description.rule.rfind("description", 0) != 0 || named.rule.rfind("name", 0) != 0) continue;
    bool linked = true, any = false;
    auto t = std::lower_bound(
        doc.tokens.begin(), doc.tokens.end(), description.span.end,
        [](const Token& token, std::uint32_t at) { return token.span.begin < at; });
    for (; t != doc.tokens.end() && t->span.begin < named.span.begin; ++t) {
      any = true;
      linked = linked && (t->pos == Pos::ADP || t->pos == Pos::DET);
    }
    if (!any || !linked) continue;
    description.rule = "description of " + named.name;
    description.name = named.name;
    description.type = named.type;
    description.inter = named.inter;
    description.country = named.country;
  }
}

// The place a group's unit is named after: up to three capitalised words right before its name
// ("the South Monywa PDF"), or after it and a dash ("PDF-Kalay", "People's Defense Force -
// Pauk"); never a day ("On Monday PDF fighters").
std::optional<Span> ActorRecognizer::place_of_unit(const Document& doc, std::uint32_t first,
                                                   std::uint32_t end) const {
  auto capitalised = [&](std::uint32_t k) {
    const Token& t = doc.tokens[k];
    return t.kind == TokenKind::Word && t.pos != Pos::DET && starts_upper(doc.token_text(t)) &&
           std::none_of(doc.dates.begin(), doc.dates.end(),
                        [&](const DateMention& d) { return d.span.overlaps(t.span); });
  };
  constexpr std::uint32_t kMaxWords = 3;
  const std::uint32_t n = static_cast<std::uint32_t>(doc.tokens.size());
  if (end + 1 < n &&
      (doc.token_text(doc.tokens[end]) == "-" || doc.token_text(doc.tokens[end]) == "\u2013") &&
      capitalised(end + 1)) {
    std::uint32_t last = end + 1;
    while (last + 1 < n && last + 1 < end + 1 + kMaxWords && capitalised(last + 1) &&
           doc.tokens[last].space_after)
      ++last;
    return Span{doc.tokens[end + 1].span.begin, doc.tokens[last].span.end};
  }
  std::uint32_t start = first;
  while (start > 0 && first - start < kMaxWords && capitalised(start - 1) &&
         doc.tokens[start - 1].space_after)
    --start;
  if (start == first) return std::nullopt;
  return Span{doc.tokens[start].span.begin, doc.tokens[first - 1].span.end};
}

void ActorRecognizer::add_militias(Document& doc, const Country* main) const {
  if (militia_words_.empty()) return;
  std::vector<ActorMention> found;
  for (std::uint32_t k = 0; k < doc.tokens.size(); ++k) {
    auto word = militia_words_.find(doc.tokens[k].fold);
    if (word == militia_words_.end()) continue;
    const bool armed_only = word->second == MilitiaName::PeopleBeforeArmed;
    const bool before = word->second == MilitiaName::Before ||
                        word->second == MilitiaName::PeopleBefore || armed_only;
    const bool people_only = word->second == MilitiaName::PeopleBefore ||
                             word->second == MilitiaName::PeopleAfter || armed_only;
    if (before ? k == 0 : k + 1 >= doc.tokens.size()) continue;
    const std::uint32_t n = before ? k - 1 : k + 1;
    if (armed_only && (n == 0 || !arming_words_.count(doc.tokens[n - 1].fold))) continue;
    const Token& name = doc.tokens[n];
    if (name.kind != TokenKind::Word) continue;
    if (people_only && !kb_.ethnic_group(name.fold)) continue;
    const Span span{doc.tokens[std::min(n, k)].span.begin, doc.tokens[std::max(n, k)].span.end};
    // "Fulani gunmen": the people's militia, not the unidentified armed men "gunmen" alone names.
    if (people_only) {
      std::erase_if(doc.actors, [&](const ActorMention& a) {
        return a.span.overlaps(doc.tokens[k].span) && a.rule.rfind("description", 0) == 0;
      });
    }
    if (std::any_of(doc.actors.begin(), doc.actors.end(),
                    [&](const ActorMention& a) { return a.span.overlaps(span); }))
      continue;
    ActorMention a;
    a.span = span;
    a.type = "identity_militia";
    a.inter = 4;
    if (auto group = kb_.ethnic_group(name.fold)) {
      const Country* country = main;
      a.name =
          *group + " Ethnic Militia" + (country ? " (" + kb_.country_name(*country) + ")" : "");
      a.country = country ? country->code : "";
      a.rule = "militia of a people";
    } else if (gazetteer_ && starts_upper(doc.token_text(name))) {
      // A first-level area ("a Zamfara militia"): in the document's country if it has one there.
      const Place* area = nullptr;
      for (std::uint32_t index : gazetteer_->exact(name.fold)) {
        const Place& p = gazetteer_->place(index);
        if (p.feature_code != "ADM1") continue;
        if (!area || (main && p.country == main->code)) area = &p;
      }
      if (!area) continue;
      const Country* country = gazetteer_->country(area->country);
      a.name = std::string(doc.token_text(name)) + " Communal Militia" +
               (country ? " (" + kb_.country_name(*country) + ")" : "");
      a.country = area->country;
      a.rule = "militia of an area";
    } else {
      continue;
    }
    found.push_back(std::move(a));
  }
  if (found.empty()) return;
  for (auto& a : found) doc.actors.push_back(std::move(a));
  std::stable_sort(
      doc.actors.begin(), doc.actors.end(),
      [](const ActorMention& x, const ActorMention& y) { return x.span.begin < y.span.begin; });
}

}  // namespace vigie
