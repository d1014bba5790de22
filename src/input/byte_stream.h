#pragma once
#include <cstddef>
#include <memory>
#include <string>

struct archive;

namespace vigie {

/// Reads a file, plain or compressed (.gz, .zst, .bz2, .xz: whatever libarchive's filters
/// recognise), or standard input for "-", as one decompressed byte stream.
class ByteStream {
 public:
  ByteStream() = default;
  ~ByteStream();
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;

  /// Opens `path`; on failure returns false and sets `error`.
  bool open(const std::string& path, std::string& error);

  /// Appends up to `max_bytes` to `out`; returns the number appended, 0 at the end.
  /// On a read error returns 0 and sets `error`.
  std::size_t read(std::string& out, std::size_t max_bytes, std::string& error);

  bool at_end() const { return at_end_; }

 private:
  void close();
  archive* archive_ = nullptr;
  bool at_end_ = false;
};

}  // namespace vigie
