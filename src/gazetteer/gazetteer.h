#pragma once
// The gazetteer: GeoNames places (worldwide cities500 by default, plus the full country dumps a
// user imports), GeoNames admin1/admin2 names, and country names and demonyms in English and
// French (npm world-countries). It is compiled into one binary file in the data directory and
// mapped into memory when loaded (places view its bytes); look-ups are by folded name, and by a
// looser spelling key for transliteration variants (« Moura » / "Mourra" / "Mora", « Tillabéri » /
// "Tillabery").
#include <cstdint>
#include <deque>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/mapped_file.h"

namespace vigie {

/// A GeoNames place. Its texts are views into the gazetteer that holds it (into the loaded file
/// itself, so that loading builds no string): valid while that gazetteer lives.
struct Place {
  std::int64_t geonameid = 0;
  std::string_view name;  ///< GeoNames name
  std::string_view ascii_name;
  double lat = 0, lon = 0;
  char feature_class = 'P';       ///< P populated place, A administrative area, L area…
  std::string_view feature_code;  ///< PPL, PPLA, PPLC, ADM1, PCLI…
  std::string_view country;       ///< ISO 3166-1 alpha-2
  std::string_view admin1;        ///< GeoNames admin1 code ("04")
  std::string_view admin2;
  std::int64_t population = 0;
};

struct Country {
  std::string code;  ///< alpha-2
  std::string name_en, name_fr;
  bool independent = true;  ///< a sovereign state (not a territory sharing another's demonym)
  double lat = 0, lon = 0;
  std::vector<std::string> names;     ///< every name, folded
  std::vector<std::string> demonyms;  ///< folded: "malian", "malien", "maliens", "malienne"…
  /// Demonyms as written, by language and gender: "eng.m" → "Malian", "fra.f" → "Malienne".
  std::vector<std::pair<std::string, std::string>> demonym_forms;
  /// The demonym as written for a language ("eng", "fra") and gender ("m", "f"); "" if none.
  std::string demonym(std::string_view lang, std::string_view gender) const;
};

/// How admin code files name an area: "ML.04" (a first-level one), "ML.04.123" (a second-level
/// one, with `admin2`).
std::string area_key(std::string_view country, std::string_view admin1,
                     std::string_view admin2 = {});

class Gazetteer {
 public:
  Gazetteer() = default;
  // Places and index keys are views into this gazetteer's own storage: a move keeps it, a copy
  // would point into the original's.
  Gazetteer(Gazetteer&&) = default;
  Gazetteer& operator=(Gazetteer&&) = default;
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  /// Where the compiled gazetteer lives: `data_dir`/gazetteer.bin.
  static std::filesystem::path file_in(const std::filesystem::path& data_dir);
  /// The default data directory: $VIGIE_DATA, else $XDG_DATA_HOME/vigie, else ~/.local/share/vigie.
  static std::filesystem::path default_data_dir();

  /// Loads a compiled gazetteer; nullopt with `error` set when it cannot be read.
  static std::optional<Gazetteer> load(const std::filesystem::path& file, std::string& error);
  /// Builds the look-up tables (finish()) and writes the compiled form.
  bool save(const std::filesystem::path& file, std::string& error);
  /// Writes the compiled form of a finished gazetteer.
  bool write(const std::filesystem::path& file, std::string& error) const;

  /// Adds a GeoNames-format file (a country dump, cities500, admin1CodesASCII.txt,
  /// admin2Codes.txt) or world-countries' countries.json, detected from the content. Returns
  /// false with `error` set ("FILE:LINE: …") when it is none of these.
  bool import(const std::filesystem::path& file, std::string& error);
  /// The same from the text of such a file already in memory (a downloaded dump); `name` is
  /// what messages call it.
  bool import_text(std::string text, const std::string& name, std::string& error);

  /// Builds the look-up tables after imports (load() and save() do it themselves).
  void finish();

  /// Places whose name or alternate name folds to `folded`.
  std::span<const std::uint32_t> exact(std::string_view folded) const;
  /// Places whose name has this spelling key (see spelling_key()).
  std::span<const std::uint32_t> loose(std::string_view key) const;
  /// Countries named so (folded), or with this demonym.
  std::optional<std::string> country_named(std::string_view folded) const;
  std::optional<std::string> country_of_demonym(std::string_view folded) const;

  const Place& place(std::uint32_t index) const { return places_[index]; }
  std::size_t size() const { return places_.size(); }
  const Country* country(std::string_view code) const;
  const std::vector<Country>& countries() const;
  /// GeoNames' ASCII name of an admin1 or admin2 area, or "" when unknown.
  std::string admin1_name(std::string_view country, std::string_view admin1) const;
  std::string admin2_name(std::string_view country, std::string_view admin1,
                          std::string_view admin2) const;

  /// A looser form for transliteration variants: folded, then « ou » → o, u → o, y → i, "dj" → j,
  /// doubled letters single, no spaces, hyphens or apostrophes.
  static std::string spelling_key(std::string_view folded);

 private:
  // A sorted list of distinct strings, each with the places it names: binary search, no hashing,
  // and it is written and read as it is.
  struct Index {
    std::vector<std::string_view> keys;  // sorted
    std::vector<std::uint32_t> start;    // keys.size() + 1 offsets into places
    std::vector<std::uint32_t> places;
    std::span<const std::uint32_t> find(std::string_view key) const;
  };

  /// A text kept for as long as the gazetteer: what places and keys made at import view.
  std::string_view keep(std::string_view text);
  void add_place(Place p, const std::vector<std::string>& names);
  void add_admin_areas();
  void index_countries();
  void recover_place_names();
  bool import_geonames(std::istream& in, const std::string& path, std::string& error);
  bool import_admin_codes(std::istream& in, const std::string& path, std::string& error);
  bool import_countries_json(std::istream& in, const std::string& path, std::string& error);

  MappedFile file_;               // the loaded gazetteer.bin, which loaded places view
  std::deque<std::string> kept_;  // texts of places and keys made since (a deque: they stay put)
  std::vector<Place> places_;
  std::vector<std::vector<std::string>> place_names_;  // folded names per place, while importing
  std::unordered_map<std::int64_t, std::uint32_t> by_id_;  // while importing
  Index exact_, loose_;
  bool finished_ = true;
  std::unordered_map<std::string, std::string> admin_names_;  // "ML.04" / "ML.04.123" → ASCII name
  std::unordered_map<std::string, std::int64_t> admin_ids_;   // their geonameids, while importing
  std::vector<Country> countries_;
  std::unordered_map<std::string, std::string> country_names_, demonyms_;
};

}  // namespace vigie
