#include "input/jsonl_record.h"

#include <chrono>
#include <nlohmann/json.hpp>

#include "input/content_check.h"

namespace vigie {

std::optional<std::string> iso_date_prefix(std::string_view v) {
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
  if (v.size() < 10) return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
    }
    return true;
  };
  if (!digits(0, 4) || v[4] != '-' || !digits(5, 2) || v[7] != '-' || !digits(8, 2)) {
    return std::nullopt;
  }
  if (v.size() > 10 && v[10] != 'T' && v[10] != ' ') return std::nullopt;
  const int month = (v[5] - '0') * 10 + (v[6] - '0');
  const int day = (v[8] - '0') * 10 + (v[9] - '0');
  const int year = std::stoi(std::string(v.substr(0, 4)));
  // A day of the calendar: 2022-02-30 is none.
  if (!std::chrono::year_month_day{std::chrono::year{year},
                                   std::chrono::month{static_cast<unsigned>(month)},
                                   std::chrono::day{static_cast<unsigned>(day)}}
           .ok())
    return std::nullopt;
  // Pages carry placeholders such as 0001-01-01: no news is dated before 1900 or after 2199.
  const int century = (v[0] - '0') * 10 + (v[1] - '0');
  if (century < 19 || century > 21) return std::nullopt;
  return std::string(v.substr(0, 10));
}

namespace {

std::optional<std::string> string_field(const nlohmann::json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return std::nullopt;
}

}  // namespace

InputItem parse_jsonl_record(std::string_view line, const std::string& path, std::size_t line_no) {
  Origin origin{path, line_no};
  nlohmann::json obj;
  try {
    obj = nlohmann::json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann's byte position is 1-based within the line.
    return InputProblem{origin,
                        "not valid JSON at column " + std::to_string(e.byte) + ": " +
                            std::string(e.what()).substr(std::string(e.what()).find(':') + 2)};
  }
  if (!obj.is_object()) return InputProblem{origin, "JSON line is not an object"};

  RawDocument raw;
  raw.origin = origin;
  auto text = string_field(obj, "text");
  auto html = string_field(obj, "html");
  if (text && !is_blank(*text)) {
    raw.bytes = std::move(*text);
    raw.format = InputFormat::Text;
  } else if (html && !is_blank(*html)) {
    raw.bytes = std::move(*html);
    raw.format = InputFormat::Html;
  } else {
    return InputProblem{origin, text || html ? "record has an empty 'text'/'html' field"
                                             : "record has no 'text' or 'html' field"};
  }
  if (auto why = check_text_content(raw.bytes)) return InputProblem{origin, *why};

  raw.meta.id = string_field(obj, "id").value_or(path + ":" + std::to_string(line_no));
  raw.meta.url = string_field(obj, "url");
  raw.meta.title = string_field(obj, "title");
  raw.meta.source = string_field(obj, "source");
  raw.meta.declared_lang = string_field(obj, "lang");
  if (auto published = string_field(obj, "published")) {
    raw.meta.published = iso_date_prefix(*published);
    if (!raw.meta.published) {
      return InputProblem{
          origin, "'published' is not a date of news (YYYY-MM-DD, 1900-2199): " + *published};
    }
  }
  return raw;
}

}  // namespace vigie
