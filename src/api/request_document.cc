#include "api/request_document.h"

#include "input/content_check.h"
#include "input/jsonl_record.h"
#include "util/content_hash.h"

namespace vigie {

namespace {

bool starts_with_type(const std::string& content_type, const char* type) {
  return content_type.rfind(type, 0) == 0;
}

}  // namespace

InputItem request_document(const RequestDocument& r) {
  const Origin origin{"request"};
  if (r.body.empty() || is_blank(r.body)) return InputProblem{origin, "empty body"};
  InputItem item;
  if (starts_with_type(r.content_type, "application/json")) {
    item = parse_jsonl_record(r.body, "request", 0);
    if (auto* problem = std::get_if<InputProblem>(&item)) {
      problem->origin = origin;
      return item;
    }
  } else if (starts_with_type(r.content_type, "text/plain") ||
             starts_with_type(r.content_type, "text/html")) {
    if (auto why = check_text_content(r.body)) return InputProblem{origin, *why};
    RawDocument raw;
    raw.origin = origin;
    raw.bytes = r.body;
    raw.format =
        starts_with_type(r.content_type, "text/html") ? InputFormat::Html : InputFormat::Text;
    item = std::move(raw);
  } else {
    return InputProblem{origin, "Content-Type must be application/json, text/plain or text/html"};
  }
  auto& raw = std::get<RawDocument>(item);
  raw.meta.content_hash = content_hash(raw.bytes);
  if (!r.id.empty()) raw.meta.id = r.id;
  if (raw.meta.id.empty() || raw.meta.id == "request:0") {
    raw.meta.id = "request:" + raw.meta.content_hash.substr(0, 16);
  }
  if (!raw.meta.published && !r.published.empty()) {
    raw.meta.published = iso_date_prefix(r.published);
    if (!raw.meta.published || r.published.size() != 10) {
      return InputProblem{origin,
                          "published: expected a date YYYY-MM-DD, got '" + r.published + "'"};
    }
  }
  if (!r.lang.empty()) raw.meta.declared_lang = r.lang;
  return item;
}

}  // namespace vigie
