#pragma once
// `vigie gazetteer fetch CC…`: a country's dump from GeoNames' export site (CC.zip, holding
// CC.txt), over HTTP(S), unpacked in memory for Gazetteer::import_text. The only code of vigie
// that uses the network, and only when a user asks for it.
#include <string>

namespace vigie {

/// GeoNames' export site, where the country dumps are (https://download.geonames.org/export/dump/).
inline constexpr const char* kGeoNamesDumpUrl = "https://download.geonames.org/export/dump/";

/// True for a code the export site names a dump by: two capital ASCII letters ("ML").
bool is_country_code(const std::string& code);

/// Downloads `base_url` + CODE.zip and returns CODE.txt from inside it in `dump`; on failure
/// returns false and says why in `error` (the URL, the HTTP status or the network error).
bool fetch_country_dump(const std::string& base_url, const std::string& code, std::string& dump,
                        std::string& error);

/// The member `name` of the ZIP archive `zip` (bytes in memory); false with `error` when the
/// bytes are no ZIP archive or lack it.
bool read_zip_member(const std::string& zip, const std::string& name, std::string& out,
                     std::string& error);

}  // namespace vigie
