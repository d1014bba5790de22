#pragma once
// The actors vigie knows: named groups, forces and organisations (data/actors.tsv, with their
// ACLED type, inter code, country and years of validity), and, for every country of the
// gazetteer, its state forces, police, government, civilians, unidentified armed groups,
// Islamist militias, protesters and rioters, named in ACLED's style ("Military Forces of Mali",
// "Civilians (Niger)"). Loaded once, shared read-only.
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "gazetteer/gazetteer.h"

namespace vigie {

struct Actor {
  std::string name;
  std::string type;
  int inter = 0;
  std::string country;  ///< "" when not tied to one
  int valid_from = 0;   ///< year, 0 = always
  int valid_to = 0;
  bool source = false;        ///< reports rather than fights: agencies, NGOs, international bodies
  bool peacekeeping = false;  ///< a peace operation (MINUSMA, ATMIS): the peacekeepers counted
  std::string successor;      ///< the name taken after valid_to ("Wagner Group" → "Africa Corps")
};

/// The kinds of actor every country has, each a template of name, type and inter code.
enum class ActorKind {
  Military,
  Police,
  Government,
  Civilians,
  Unidentified,
  Islamist,
  Protesters,
  Rioters,
  Foreign,
  Communal,  ///< a village's or community's own armed men ("local militia", « groupe
             ///< d'autodéfense »)
  Gang,      ///< criminal armed groups ("gang members", "drug traffickers", « narcotrafiquants »)
  Ethnic,    ///< a people's armed men with the people unnamed ("ethnic militiamen")
  Clan,      ///< a clan's armed men, the clan unnamed ("clan militia")
  Tribal,    ///< a tribe's armed men, the tribe unnamed ("tribal militias")
  Cult,      ///< Nigeria's campus cults and their armed men ("cult militiamen", "cultists")
  PrivateSecurity  ///< guards of firms, mines, farms ("security guards", « vigiles »)
};
std::optional<ActorKind> actor_kind_named(std::string_view name);

class ActorKnowledgeBase {
 public:
  /// Reads data/actors.tsv; throws DataError naming the file and line on a bad row.
  explicit ActorKnowledgeBase(const std::filesystem::path& actors_tsv);

  const Actor* find(const std::string& name) const;
  /// The actor a name stood for in `year` (0: unknown), following renamings after valid_to.
  const Actor* as_of(const std::string& name, int year) const;
  /// The actor of a kind for a country ("" for none: "Unidentified Armed Group").
  Actor generic(ActorKind kind, const Country* country) const;
  const std::vector<Actor>& named() const { return actors_; }
  /// The ethnic group a folded word names (data/militias.tsv: "peuls" → Fulani), if any.
  std::optional<std::string> ethnic_group(const std::string& folded) const;
  /// The name ACLED gives the actor's unit of a place (data/militias.tsv `branch`: "PDF:
  /// People's Defense Force" in Tigyaing is "People's Defense Force - Tigyaing"), if it names them.
  std::optional<std::string> local_branch(const std::string& name, std::string_view place) const;
  bool has_local_branches(const std::string& name) const { return branches_.count(name) > 0; }
  /// The country's name as ACLED writes it in actor names (data/acled_countries.tsv: "Turkey",
  /// "Czech Republic"), else world-countries' common English name.
  std::string country_name(const Country& country) const;

 private:
  std::vector<Actor> actors_;
  std::unordered_map<std::string, std::string> ethnic_groups_;  // folded spelling → name
  std::unordered_map<std::string, std::string> branches_;       // actor → local name with {place}
  std::unordered_map<std::string, std::string> country_names_;  // alpha-2 → ACLED's name
  std::unordered_set<std::string> with_article_;  // "Military Forces of the United States"
  std::unordered_map<std::string, std::size_t> by_name_;
};

}  // namespace vigie
