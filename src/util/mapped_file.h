#pragma once
// A whole file mapped read-only into memory: its bytes are shared by every thread and by every
// process that maps the same file, and pages are read from disk only when touched.
#include <string>
#include <string_view>

namespace vigie {

class MappedFile {
 public:
  MappedFile() = default;
  /// Maps `path`; throws DataError naming the file when it cannot be opened or mapped.
  explicit MappedFile(const std::string& path);
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view bytes() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace vigie
