#include "mentions/actor_knowledge_base.h"

#include "text/folding.h"
#include "util/tsv.h"

namespace vigie {

std::optional<ActorKind> actor_kind_named(std::string_view name) {
  static const std::pair<std::string_view, ActorKind> kKinds[] = {
      {"military", ActorKind::Military},
      {"police", ActorKind::Police},
      {"government", ActorKind::Government},
      {"civilians", ActorKind::Civilians},
      {"unidentified", ActorKind::Unidentified},
      {"islamist", ActorKind::Islamist},
      {"protesters", ActorKind::Protesters},
      {"rioters", ActorKind::Rioters},
      {"foreign", ActorKind::Foreign},
      {"communal", ActorKind::Communal},
      {"gang", ActorKind::Gang},
      {"ethnic", ActorKind::Ethnic},
      {"clan", ActorKind::Clan},
      {"tribal", ActorKind::Tribal},
      {"cult", ActorKind::Cult},
      {"private_security", ActorKind::PrivateSecurity}};
  for (const auto& [n, k] : kKinds) {
    if (n == name) return k;
  }
  return std::nullopt;
}

ActorKnowledgeBase::ActorKnowledgeBase(const std::filesystem::path& file) {
  for (const auto& row : read_tsv(file)) {
    const std::string where = file.string() + ":" + std::to_string(row.line) + ": ";
    if (row.fields.size() < 4) throw DataError(where + "expected name, type, inter, country");
    Actor a;
    a.name = row.fields[0];
    a.type = row.fields[1];
    try {
      a.inter = std::stoi(row.fields[2]);
      if (row.fields.size() > 4 && row.fields[4] != "-") a.valid_from = std::stoi(row.fields[4]);
      if (row.fields.size() > 5 && row.fields[5] != "-") a.valid_to = std::stoi(row.fields[5]);
    } catch (const std::exception&) {
      throw DataError(where + "inter code and years must be numbers");
    }
    if (a.inter < 1 || a.inter > 8) throw DataError(where + "inter code must be 1 to 8");
    a.country = row.fields[3] == "-" ? "" : row.fields[3];
    a.source = row.fields.size() > 6 && row.fields[6] == "source";
    a.peacekeeping = row.fields.size() > 6 && row.fields[6] == "peacekeeping";
    if (row.fields.size() > 7) a.successor = row.fields[7];
    by_name_[a.name] = actors_.size();
    actors_.push_back(std::move(a));
  }
  const auto country_names = file.parent_path() / "acled_countries.tsv";
  if (std::filesystem::exists(country_names)) {
    for (const auto& row : read_tsv(country_names)) {
      const bool article = row.fields.size() == 3 && row.fields[2] == "the";
      if ((row.fields.size() != 2 && !article) || row.fields[0].size() != 2)
        throw DataError(country_names.string() + ":" + std::to_string(row.line) +
                        ": expected a two-letter country code TAB ACLED's name or - [TAB the]");
      if (row.fields[1] != "-") country_names_[row.fields[0]] = row.fields[1];
      if (article) with_article_.insert(row.fields[0]);
    }
  }
  const auto militias = file.parent_path() / "militias.tsv";
  if (!std::filesystem::exists(militias)) return;
  for (const auto& row : read_tsv(militias)) {
    const std::string where = militias.string() + ":" + std::to_string(row.line) + ": ";
    if (row.fields.size() == 3 && row.fields[0] == "branch") {
      if (!find(row.fields[1])) throw DataError(where + "unknown actor '" + row.fields[1] + "'");
      if (row.fields[2].find("{place}") == std::string::npos)
        throw DataError(where + "the local name needs {place}");
      branches_[row.fields[1]] = row.fields[2];
      continue;
    }
    if (row.fields.size() != 3 || row.fields[0] != "ethnic")
      throw DataError(where +
                      "expected ethnic TAB name TAB spellings, or branch TAB actor TAB "
                      "local name");
    for (const auto& spelling : split_variants(row.fields[2]))
      ethnic_groups_[fold(spelling)] = row.fields[1];
  }
}

std::optional<std::string> ActorKnowledgeBase::local_branch(const std::string& name,
                                                            std::string_view place) const {
  auto it = branches_.find(name);
  if (it == branches_.end()) return std::nullopt;
  std::string local = it->second;
  local.replace(local.find("{place}"), 7, place);
  return local;
}

std::optional<std::string> ActorKnowledgeBase::ethnic_group(const std::string& folded) const {
  auto it = ethnic_groups_.find(folded);
  if (it == ethnic_groups_.end()) return std::nullopt;
  return it->second;
}

const Actor* ActorKnowledgeBase::as_of(const std::string& name, int year) const {
  const Actor* a = find(name);
  // A few steps at most: renamings do not loop, but the data is not trusted to say so.
  for (int step = 0;
       a && year && a->valid_to && year > a->valid_to && !a->successor.empty() && step < 4;
       ++step) {
    a = find(a->successor);
  }
  return a;
}

const Actor* ActorKnowledgeBase::find(const std::string& name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &actors_[it->second];
}

std::string ActorKnowledgeBase::country_name(const Country& country) const {
  auto it = country_names_.find(country.code);
  return it == country_names_.end() ? country.name_en : it->second;
}

Actor ActorKnowledgeBase::generic(ActorKind kind, const Country* country) const {
  const std::string of =
      country ? std::string(with_article_.count(country->code) ? " of the " : " of ") +
                    country_name(*country)
              : "";
  const std::string in = country ? " (" + country_name(*country) + ")" : "";
  Actor a;
  a.country = country ? country->code : "";
  auto set = [&](std::string name, const char* type, int inter) {
    a.name = std::move(name);
    a.type = type;
    a.inter = inter;
  };
  switch (kind) {
    case ActorKind::Military:
      set("Military Forces" + of, "state_forces", 1);
      break;
    case ActorKind::Police:
      set("Police Forces" + of, "state_forces", 1);
      break;
    case ActorKind::Government:
      set("Government" + of, "state_forces", 1);
      break;
    case ActorKind::Civilians:
      set("Civilians" + in, "civilians", 7);
      break;
    case ActorKind::Unidentified:
      set("Unidentified Armed Group" + in, "political_militia", 3);
      break;
    case ActorKind::Islamist:
      set("Islamist Militia" + in, "political_militia", 3);
      break;
    case ActorKind::Protesters:
      set("Protesters" + in, "protesters", 6);
      break;
    case ActorKind::Rioters:
      set("Rioters" + in, "rioters", 5);
      break;
    case ActorKind::Communal:
      set("Unidentified Communal Militia" + in, "identity_militia", 4);
      break;
    case ActorKind::Gang:
      // ACLED's name for criminal groups, coded as political militias (inter 3).
      set("Unidentified Gang" + in, "political_militia", 3);
      break;
    case ActorKind::Ethnic:
      set("Unidentified Ethnic Militia" + in, "identity_militia", 4);
      break;
    case ActorKind::Clan:
      set("Unidentified Clan Militia" + in, "identity_militia", 4);
      break;
    case ActorKind::Tribal:
      set("Unidentified Tribal Militia" + in, "identity_militia", 4);
      break;
    case ActorKind::Cult:
      // ACLED codes the armed men of Nigeria's confraternities as political militias.
      set("Unidentified Cult Militia" + in, "political_militia", 3);
      break;
    case ActorKind::PrivateSecurity:
      // ACLED's "other forces" (inter 8): armed, so an attack on them is fighting.
      set("Private Security Forces" + in, "external_other", 8);
      break;
    case ActorKind::Foreign:
      set("Foreign Forces (unidentified)", "external_other", 8);
      a.country.clear();
      break;
  }
  return a;
}

}  // namespace vigie
