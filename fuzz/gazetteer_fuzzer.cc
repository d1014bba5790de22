// Any bytes as a file given to `vigie gazetteer import`: a GeoNames dump, admin codes, a
// countries JSON file; the first byte chooses which the bytes start as. Then the gazetteer's
// tables are built and names looked up in it, as extraction does.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "gazetteer/gazetteer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const openings[] = {"", "[", "{",
                                         "1\tA\tA\t\t0\t0\tP\tPPL\tML\t\t01\t\t\t\t5\t"};
  std::string text = openings[data[0] % 4];
  text.append(reinterpret_cast<const char*>(data) + 1, size - 1);
  vigie::Gazetteer g;
  std::string error;
  if (!g.import_text(std::move(text), "fuzz.txt", error)) return 0;
  g.finish();
  (void)g.exact("a");
  (void)g.country_named("mali");
  return 0;
}
