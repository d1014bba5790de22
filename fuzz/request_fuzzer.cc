// Any bytes as what the HTTP API reads from a request: a body under one of the content types it
// takes (POST /extract, POST /documents), and a query string whose fields go to the store's
// filter parser (GET /events?country=…&from=…). Each must give a document, a filter or a named
// problem; never a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "api/request_document.h"
#include "fuzz_support.h"
#include "store/event_filter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  static const char* const types[] = {"application/json", "text/plain; charset=utf-8", "text/html",
                                      "application/x-ndjson", ""};
  const std::uint8_t choice = data[0];
  if (choice & 0x80) {
    // The query string: name=value pairs joined by '&'.
    vigie::EventFilter filter;
    std::size_t start = 0;
    while (start <= bytes.size()) {
      std::size_t end = bytes.find('&', start);
      if (end == std::string_view::npos) end = bytes.size();
      const std::string_view pair = bytes.substr(start, end - start);
      const std::size_t eq = pair.find('=');
      (void)vigie::set_filter_field(
          filter, std::string(pair.substr(0, eq)),
          eq == std::string_view::npos ? std::string() : std::string(pair.substr(eq + 1)));
      start = end + 1;
    }
    return 0;
  }
  vigie::RequestDocument request;
  request.content_type = types[choice % 5];
  request.body = std::string(bytes);
  request.published = choice & 0x40 ? "2022-02-30" : "";
  request.lang = choice & 0x20 ? "fr" : "";
  vigie::InputItem item = vigie::request_document(request);
  if (auto* doc = std::get_if<vigie::RawDocument>(&item); doc && (choice & 0x10))
    (void)vigie::fuzz::pipeline().process(std::move(*doc));
  return 0;
}
