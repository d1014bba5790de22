#include "input/byte_stream.h"

#include <archive.h>
#include <archive_entry.h>

namespace vigie {

ByteStream::~ByteStream() {
  close();
}

void ByteStream::close() {
  if (archive_) archive_read_free(archive_);
  archive_ = nullptr;
}

bool ByteStream::open(const std::string& path, std::string& error) {
  close();
  at_end_ = false;
  archive_ = archive_read_new();
  archive_read_support_filter_all(archive_);
  // "raw" makes a single compressed (or plain) file one entry; no tar/zip containers on purpose.
  archive_read_support_format_raw(archive_);
  archive_read_support_format_empty(archive_);
  constexpr std::size_t kBlock = 1 << 16;
  const int rc = path == "-" ? archive_read_open_fd(archive_, 0, kBlock)
                             : archive_read_open_filename(archive_, path.c_str(), kBlock);
  if (rc != ARCHIVE_OK) {
    error = archive_error_string(archive_) ? archive_error_string(archive_) : "cannot open";
    close();
    return false;
  }
  archive_entry* entry = nullptr;
  const int hrc = archive_read_next_header(archive_, &entry);
  if (hrc == ARCHIVE_EOF) {
    at_end_ = true;  // empty file
    return true;
  }
  if (hrc != ARCHIVE_OK && hrc != ARCHIVE_WARN) {
    error = archive_error_string(archive_) ? archive_error_string(archive_) : "cannot read";
    close();
    return false;
  }
  return true;
}

std::size_t ByteStream::read(std::string& out, std::size_t max_bytes, std::string& error) {
  if (!archive_ || at_end_) return 0;
  const std::size_t old = out.size();
  out.resize(old + max_bytes);
  const la_ssize_t n = archive_read_data(archive_, out.data() + old, max_bytes);
  if (n < 0) {
    out.resize(old);
    error = archive_error_string(archive_) ? archive_error_string(archive_) : "read error";
    at_end_ = true;
    return 0;
  }
  out.resize(old + static_cast<std::size_t>(n));
  if (n == 0) at_end_ = true;
  return static_cast<std::size_t>(n);
}

}  // namespace vigie
