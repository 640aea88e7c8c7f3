#include "import/memory_file.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

namespace rx::import {
namespace {

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

std::optional<MemoryFile> MemoryFile::create(std::string_view bytes) {
  const int memfd = ::memfd_create("rxtrack-import", MFD_CLOEXEC);
  if (memfd >= 0) {
    MemoryFile file(memfd, "/proc/self/fd/" + std::to_string(memfd), false);
    if (!write_all(memfd, bytes)) return std::nullopt;
    return file;
  }
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/rxtrack-import-XXXXXX";
  const int fd = ::mkstemp(path.data());  // created 0600: private to this user
  if (fd < 0) return std::nullopt;
  MemoryFile file(fd, path, true);
  if (!write_all(fd, bytes)) return std::nullopt;
  return file;
}

MemoryFile::MemoryFile(MemoryFile&& other) noexcept
    : fd_(other.fd_), path_(std::move(other.path_)), unlink_(other.unlink_) {
  other.fd_ = -1;
  other.unlink_ = false;
}

MemoryFile::~MemoryFile() {
  if (unlink_) ::unlink(path_.c_str());
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace rx::import
