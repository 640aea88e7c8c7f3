#include "storage/sqlite_file_lock.h"

#include "core/error.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace rx::storage {

std::optional<SqliteFileLock> SqliteFileLock::try_lock(const std::string& path, Mode mode) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0) {
    throw core::AppError(core::ErrorCode::kUnavailable,
                         fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  }
  const int operation = (mode == Mode::kShared ? LOCK_SH : LOCK_EX) | LOCK_NB;
  if (::flock(fd, operation) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  return SqliteFileLock(fd);
}

SqliteFileLock& SqliteFileLock::operator=(SqliteFileLock&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

SqliteFileLock::~SqliteFileLock() {
  if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

bool is_plain_sqlite_file(const std::string& path) {
  return !path.empty() && path != ":memory:" && path.rfind("file:", 0) != 0;
}

}  // namespace rx::storage
