#include "input/input_reader.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "input/content_check.h"
#include "input/jsonl_record.h"
#include "input/text_parts.h"
#include "util/content_hash.h"
#include "util/utf8.h"

namespace vigie {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kCompressionSuffixes[] = {".gz", ".zst", ".bz2", ".xz"};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string strip_compression(std::string name) {
  name = lower(std::move(name));
  for (auto suffix : kCompressionSuffixes) {
    if (name.size() > suffix.size() && name.ends_with(suffix)) {
      return name.substr(0, name.size() - suffix.size());
    }
  }
  return name;
}

bool is_hidden(const fs::path& p) {
  const auto name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Out of line on purpose: inlined, GCC 12 at -O3 warns (falsely) that the strings of a problem
// assigned into the variant may be used uninitialised.
[[gnu::noinline]] void set_problem(InputItem& item, Origin origin, std::string message) {
  item = InputProblem{std::move(origin), std::move(message)};
}

}  // namespace

std::optional<InputFormat> format_from_name(const std::string& path) {
  const std::string name = strip_compression(fs::path(path).filename().string());
  const auto ext = fs::path(name).extension().string();
  if (ext == ".txt" || ext == ".text") return InputFormat::Text;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return InputFormat::Html;
  if (ext == ".jsonl" || ext == ".ndjson") return InputFormat::Jsonl;
  return std::nullopt;
}

InputFormat format_from_content(std::string_view head) {
  std::size_t i = 0;
  if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  if (i < head.size() && head[i] == '<') return InputFormat::Html;
  if (i < head.size() && head[i] == '{') return InputFormat::Jsonl;
  return InputFormat::Text;
}

std::string InputProblem::describe() const {
  std::string out = origin.path;
  if (origin.line) out.append(":").append(std::to_string(origin.line));
  if (origin.part) out.append(" (part ").append(std::to_string(origin.part)).append(")");
  return out.append(": ").append(message);
}

InputReader::InputReader(std::vector<std::string> paths, ReaderOptions options)
    : options_(options), pending_(paths.begin(), paths.end()) {}

InputReader::~InputReader() = default;

bool InputReader::next(InputItem& item) {
  if (!parts_.empty()) {
    item = std::move(parts_.front());
    parts_.pop_front();
    return true;
  }
  if (!next_item(item)) return false;
  auto* raw = std::get_if<RawDocument>(&item);
  if (!raw) return true;
  raw->meta.content_hash = content_hash(raw->bytes);
  // A JSONL record's text as long as a large file's is cut as the file's would be.
  if (raw->origin.line && raw->bytes.size() > options_.max_text_part_bytes) {
    for (auto& part : cut_into_parts(std::move(*raw), options_.max_text_part_bytes))
      parts_.push_back(std::move(part));
    item = std::move(parts_.front());
    parts_.pop_front();
  }
  return true;
}

bool InputReader::next_item(InputItem& item) {
  for (;;) {
    switch (mode_) {
      case Mode::Text:
        if (next_text_part(item)) return true;
        break;
      case Mode::Jsonl:
        if (next_jsonl_line(item)) return true;
        break;
      case Mode::Idle:
        break;
    }
    if (pending_.empty()) return false;
    if (open_next_file(item)) return true;
  }
}

void InputReader::finish_file() {
  mode_ = Mode::Idle;
  stream_.reset();
  buffer_.clear();
  buffer_.shrink_to_fit();
}

bool InputReader::fill(std::size_t at_least) {
  // Each read asks for a bounded chunk: the buffer grows by what it asks for (zero-filled) before
  // the stream says how much it had, and a decompressor gives far less than a 32 MiB limit.
  constexpr std::size_t kChunk = 256u << 10;
  std::string error;
  while (buffer_.size() < at_least && stream_ && !stream_->at_end()) {
    stream_->read(buffer_, kChunk, error);
    if (!error.empty()) return false;
  }
  return true;
}

// Opens the next pending input. Returns true when it produced an item (a whole document or a
// problem); false when it set up streaming (or expanded a directory) and next() should go on.
bool InputReader::open_next_file(InputItem& item) {
  std::string path = std::move(pending_.front());
  pending_.pop_front();

  std::error_code ec;
  if (path != "-" && fs::is_directory(path, ec)) {
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(
             path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (is_hidden(it->path())) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file() && format_from_name(it->path().string())) {
        found.push_back(it->path().string());
      }
    }
    if (ec) {
      set_problem(item, Origin{path}, "cannot list directory: " + ec.message());
      return true;
    }
    std::sort(found.begin(), found.end());
    pending_.insert(pending_.begin(), found.begin(), found.end());
    return false;
  }

  ++files_seen_;
  path_ = path;
  consumed_bytes_ = 0;
  consumed_code_points_ = 0;
  line_ = 0;
  part_ = 0;
  buffer_.clear();
  stream_ = std::make_unique<ByteStream>();
  std::string error;
  if (path != "-" && !fs::exists(path, ec)) {
    set_problem(item, Origin{path}, "no such file");
    finish_file();
    return true;
  }
  if (!stream_->open(path, error)) {
    set_problem(item, Origin{path}, "cannot open: " + error);
    finish_file();
    return true;
  }
  if (!fill(4096)) {
    set_problem(item, Origin{path}, "read error");
    finish_file();
    return true;
  }
  if (options_.forced_format) {
    format_ = *options_.forced_format;
  } else if (auto by_name = path == "-" ? std::nullopt : format_from_name(path)) {
    format_ = *by_name;
  } else {
    format_ = format_from_content(buffer_);
  }
  if (format_ == InputFormat::Jsonl) {
    mode_ = Mode::Jsonl;
    return false;
  }
  if (format_ == InputFormat::Text) {
    consumed_bytes_ = strip_utf8_bom(buffer_);
    mode_ = Mode::Text;
    return false;
  }

  // HTML is parsed whole.
  if (!fill(options_.max_record_bytes + 1)) {
    set_problem(item, Origin{path}, "read error");
    finish_file();
    return true;
  }
  if (buffer_.size() > options_.max_record_bytes) {
    set_problem(item, Origin{path},
                "HTML page larger than " + std::to_string(options_.max_record_bytes >> 20) +
                    " MiB; skipped");
  } else if (auto why = check_text_content(buffer_)) {
    set_problem(item, Origin{path}, *why);
  } else if (is_blank(buffer_)) {
    set_problem(item, Origin{path}, "empty document (no text)");
  } else {
    RawDocument raw;
    strip_utf8_bom(buffer_);
    raw.bytes = std::move(buffer_);
    raw.format = InputFormat::Html;
    raw.origin.path = path;
    raw.meta.id = path;
    item = std::move(raw);
  }
  finish_file();
  return true;
}

bool InputReader::next_text_part(InputItem& item) {
  const std::size_t limit = options_.max_text_part_bytes;
  if (!fill(limit + 1)) {
    set_problem(item, Origin{path_, 0, part_ + 1}, "read error");
    finish_file();
    return true;
  }
  const bool whole_file = part_ == 0 && buffer_.size() <= limit && stream_->at_end();
  if (buffer_.empty()) {
    if (part_ == 0) {
      set_problem(item, Origin{path_}, "empty document (0 bytes)");
      finish_file();
      return true;
    }
    finish_file();
    return false;
  }
  const std::size_t cut = text_part_end(buffer_, limit);
  std::string bytes = buffer_.substr(0, cut);
  buffer_.erase(0, cut);
  Origin origin{path_, 0, whole_file ? 0 : part_ + 1, consumed_code_points_};
  const std::size_t base = consumed_bytes_;
  consumed_bytes_ += cut;
  ++part_;
  if (auto why = check_text_content(bytes, base)) {
    // Later parts are not read: the file's encoding is wrong, and guessing would lose text.
    set_problem(item, origin, *why + (whole_file ? "" : "; rest of the file skipped"));
    finish_file();
    return true;
  }
  consumed_code_points_ += utf8::count_code_points(bytes);
  if (whole_file && is_blank(bytes)) {
    set_problem(item, origin, "empty document (whitespace only)");
    finish_file();
    return true;
  }
  if (is_blank(bytes)) return next_text_part(item);
  RawDocument raw;
  raw.bytes = std::move(bytes);
  raw.format = InputFormat::Text;
  raw.origin = origin;
  raw.meta.id = whole_file ? path_ : path_ + "#part" + std::to_string(origin.part);
  item = std::move(raw);
  return true;
}

bool InputReader::next_jsonl_line(InputItem& item) {
  for (;;) {
    std::size_t nl;
    std::size_t searched = 0;
    while ((nl = buffer_.find('\n', searched)) == std::string::npos && !stream_->at_end()) {
      searched = buffer_.size();
      if (buffer_.size() > options_.max_record_bytes) break;
      if (!fill(buffer_.size() + (1 << 16))) {
        set_problem(item, Origin{path_, line_ + 1}, "read error");
        finish_file();
        return true;
      }
    }
    if (buffer_.empty() && stream_->at_end()) {
      if (line_ == 0) {
        set_problem(item, Origin{path_}, "empty JSONL feed (0 lines)");
        finish_file();
        return true;
      }
      finish_file();
      return false;
    }
    ++line_;
    if (nl == std::string::npos && buffer_.size() > options_.max_record_bytes) {
      // Skip the rest of the oversized line without holding it.
      while (!stream_->at_end()) {
        buffer_.clear();
        fill(1 << 16);
        if ((nl = buffer_.find('\n')) != std::string::npos) break;
      }
      buffer_.erase(0, nl == std::string::npos ? buffer_.size() : nl + 1);
      set_problem(
          item, Origin{path_, line_},
          "line longer than " + std::to_string(options_.max_record_bytes >> 20) + " MiB; skipped");
      return true;
    }
    const std::size_t len = nl == std::string::npos ? buffer_.size() : nl;
    std::string line = buffer_.substr(0, len);
    buffer_.erase(0, nl == std::string::npos ? len : nl + 1);
    if (line_ == 1) strip_utf8_bom(line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (is_blank(line)) continue;  // blank lines separate nothing in JSONL; not an error
    item = parse_jsonl_record(line, path_, line_);
    return true;
  }
}

}  // namespace vigie
