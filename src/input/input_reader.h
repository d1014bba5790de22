#pragma once
// Turns command-line inputs (files, directories, "-") into a sequence of raw documents or
// problems, in a stable order: arguments in the order given, directory entries sorted by path.
#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "input/byte_stream.h"
#include "input/raw_document.h"

namespace vigie {

struct ReaderOptions {
  /// Plain text longer than this (a file, or a JSONL record's text) is cut at paragraph breaks
  /// into parts processed one by one, which keeps memory bounded for huge texts; offsets stay
  /// relative to the whole text.
  std::size_t max_text_part_bytes = 1 << 20;
  /// HTML pages and JSONL lines longer than this are reported and skipped.
  std::size_t max_record_bytes = 32u << 20;
  /// Forces the format of every input instead of guessing from the name and content.
  std::optional<InputFormat> forced_format;
};

class InputReader {
 public:
  InputReader(std::vector<std::string> paths, ReaderOptions options = {});
  ~InputReader();

  /// The next document or problem; false when every input is consumed.
  bool next(InputItem& item);

  /// Files found so far (directories expanded).
  std::size_t files_seen() const { return files_seen_; }

 private:
  enum class Mode { Idle, Text, Jsonl };
  bool next_item(InputItem& item);
  bool open_next_file(InputItem& item);
  bool next_text_part(InputItem& item);
  bool next_jsonl_line(InputItem& item);
  bool fill(std::size_t at_least);
  void finish_file();

  ReaderOptions options_;
  std::deque<std::string> pending_;  // inputs still to open
  std::deque<RawDocument> parts_;    // parts of a long JSONL record still to give
  std::size_t files_seen_ = 0;

  // The file being read.
  Mode mode_ = Mode::Idle;
  std::string path_;
  InputFormat format_ = InputFormat::Text;
  std::unique_ptr<ByteStream> stream_;
  std::string buffer_;              // bytes read but not yet consumed
  std::size_t consumed_bytes_ = 0;  // bytes of the file before buffer_
  std::uint64_t consumed_code_points_ = 0;
  std::size_t line_ = 0;  // JSONL lines consumed
  std::size_t part_ = 0;  // text parts emitted
};

/// Guesses the format from a file name (compression suffixes ignored); nullopt when unknown.
std::optional<InputFormat> format_from_name(const std::string& path);

/// Guesses the format from the first bytes of the content.
InputFormat format_from_content(std::string_view head);

}  // namespace vigie
