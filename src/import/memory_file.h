#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rx::import {

// Bytes made visible under a file path for libraries that only open paths (libfreexl): an
// anonymous memfd when the kernel offers one, else a private temp file unlinked on destruction.
class MemoryFile {
 public:
  static std::optional<MemoryFile> create(std::string_view bytes);

  MemoryFile(MemoryFile&& other) noexcept;
  MemoryFile& operator=(MemoryFile&&) = delete;
  MemoryFile(const MemoryFile&) = delete;
  MemoryFile& operator=(const MemoryFile&) = delete;
  ~MemoryFile();

  const std::string& path() const { return path_; }

 private:
  MemoryFile(int fd, std::string path, bool unlink_on_close)
      : fd_(fd), path_(std::move(path)), unlink_(unlink_on_close) {}

  int fd_;
  std::string path_;
  bool unlink_;
};

}  // namespace rx::import
