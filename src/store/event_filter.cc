#include "store/event_filter.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "input/jsonl_record.h"

namespace vigie {

namespace {

template <class T>
bool parse_number(const std::string& s, T& out) {
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && p == end;
}

bool parse_double(const std::string& s, double& out) {
  std::size_t used = 0;
  try {
    out = std::stod(s, &used);
  } catch (const std::exception&) {
    return false;
  }
  return used == s.size() && std::isfinite(out);
}

}  // namespace

std::optional<std::string> set_filter_field(EventFilter& f, const std::string& name,
                                            const std::string& value) {
  if (name == "country") {
    if (value.size() != 2 || !std::isalpha(static_cast<unsigned char>(value[0])) ||
        !std::isalpha(static_cast<unsigned char>(value[1]))) {
      return "country: expected an ISO 3166-1 alpha-2 code such as ML, got '" + value + "'";
    }
    f.country = std::string{static_cast<char>(std::toupper(static_cast<unsigned char>(value[0]))),
                            static_cast<char>(std::toupper(static_cast<unsigned char>(value[1])))};
  } else if (name == "from" || name == "to") {
    if (value.size() != 10 || !iso_date_prefix(value)) {
      return name + ": expected a date YYYY-MM-DD, got '" + value + "'";
    }
    (name == "from" ? f.from : f.to) = value;
  } else if (name == "type") {
    f.type = value;
  } else if (name == "actor") {
    if (value.empty()) return std::string("actor: empty");
    f.actor = value;
  } else if (name == "text") {
    if (value.find_first_not_of(" \t\n") == std::string::npos) return std::string("text: empty");
    f.text = value;
  } else if (name == "near") {
    EventFilter::Near n;
    const auto c1 = value.find(',');
    const auto c2 = c1 == std::string::npos ? c1 : value.find(',', c1 + 1);
    if (c2 == std::string::npos || !parse_double(value.substr(0, c1), n.lat) ||
        !parse_double(value.substr(c1 + 1, c2 - c1 - 1), n.lon) ||
        !parse_double(value.substr(c2 + 1), n.km) || std::abs(n.lat) > 90 ||
        std::abs(n.lon) > 180 || n.km <= 0 || n.km > 20000) {
      return "near: expected LAT,LON,KM (e.g. 14.33,-4.60,50), got '" + value + "'";
    }
    f.near = n;
  } else if (name == "incident") {
    std::int64_t id = 0;
    if (!parse_number(value, id) || id <= 0) return "incident: expected an id, got '" + value + "'";
    f.incident = id;
  } else if (name == "limit" || name == "offset") {
    std::size_t n = 0;
    // Stores count rows in signed 64-bit integers: larger offsets name no row of any store.
    constexpr std::size_t kMaxRows = std::size_t{1} << 62;
    if (!parse_number(value, n) || n > kMaxRows)
      return name + ": expected a whole number up to " + std::to_string(kMaxRows) + ", got '" +
             value + "'";
    (name == "limit" ? f.limit : f.offset) = n;
  } else {
    return "unknown filter '" + name + "'";
  }
  return std::nullopt;
}

}  // namespace vigie
