// Any bytes as an article, through every stage: cleaning, language, segmentation, analysis,
// mentions, events. The first byte chooses how the bytes arrive: a text file, an HTML page or a
// JSON Lines record (the reader's three formats).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "input/jsonl_record.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  vigie::RawDocument raw;
  switch (data[0] % 3) {
    case 0:
      raw.bytes = std::string(bytes);
      raw.origin.path = "fuzz.txt";
      break;
    case 1:
      raw.bytes = std::string(bytes);
      raw.origin.path = "fuzz.html";
      break;
    default: {
      vigie::InputItem item = vigie::parse_jsonl_record(bytes, "fuzz.jsonl", 1);
      auto* doc = std::get_if<vigie::RawDocument>(&item);
      if (!doc) return 0;  // a problem named for the record: what a bad line must give
      raw = std::move(*doc);
    }
  }
  (void)vigie::fuzz::pipeline().process(std::move(raw));
  return 0;
}
