#include "import/child_sandbox.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>

namespace rx::import {
namespace {

// A getdents64 record (linux_dirent64; glibc declares no type for the raw system call).
struct DirEntry64 {
  std::uint64_t inode;
  std::int64_t offset;
  unsigned short length;
  unsigned char type;
  char name[1];
};

// The descriptor a /proc/self/fd entry names, or -1 for "." and "..".
int descriptor_named(const char* name) {
  if (*name < '0' || *name > '9') return -1;
  int fd = 0;
  for (; *name >= '0' && *name <= '9'; ++name) fd = fd * 10 + (*name - '0');
  return fd;
}

// The size of the address space, in bytes, as /proc/self/statm counts it (its first field, in
// pages, is the total the kernel compares with RLIMIT_AS). 0 when it cannot be read.
rlim_t mapped_bytes(long page_size) {
  const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char text[128];
  ssize_t got;
  do {
    got = ::read(fd, text, sizeof text - 1);
  } while (got < 0 && errno == EINTR);
  ::close(fd);
  if (got <= 0) return 0;
  rlim_t pages = 0;
  for (ssize_t i = 0; i < got && text[i] >= '0' && text[i] <= '9'; ++i) {
    pages = pages * 10 + static_cast<rlim_t>(text[i] - '0');
  }
  return pages * static_cast<rlim_t>(page_size);
}

bool set_limit(int resource, rlim_t value) {
  const rlimit limit{value, value};
  return ::setrlimit(resource, &limit) == 0;
}

}  // namespace

ChildSandbox::ChildSandbox(std::initializer_list<int> kept, Limits limits)
    : limits_(limits), page_size_(::sysconf(_SC_PAGESIZE)) {
  auto keep = [this](int fd) {
    if (fd < 0 || kept_count_ == kMaxKept) return;
    if (std::find(kept_.begin(), kept_.begin() + kept_count_, fd) != kept_.begin() + kept_count_) {
      return;
    }
    kept_[kept_count_++] = fd;
  };
  for (const int fd : kept) keep(fd);
#if RXTRACK_SANITIZED
  // A sanitizer reports what the input did to the child on stderr: the fuzzer and the test logs
  // need that report, so sanitizer builds (never deployed) keep it.
  keep(STDERR_FILENO);
#endif
  std::sort(kept_.begin(), kept_.begin() + kept_count_);
}

bool ChildSandbox::enter() const noexcept {
  const int* const kept_end = kept_.data() + kept_count_;
  auto is_kept = [&](int fd) { return std::find(kept_.data(), kept_end, fd) != kept_end; };

  // Every inherited descriptor but the kept ones: the database files, the listening socket, the
  // clients' sockets, the log. close_range(2) (Linux 5.9) closes the gaps between the kept ones;
  // an older kernel's /proc/self/fd is listed and closed entry by entry instead.
  bool closed = true;
  unsigned int next = 0;
  for (const int* fd = kept_.data(); fd != kept_end && closed; ++fd) {
    const unsigned int kept_fd = static_cast<unsigned int>(*fd);
    if (kept_fd > next) closed = ::close_range(next, kept_fd - 1, 0) == 0;
    next = kept_fd + 1;
  }
  closed = closed && ::close_range(next, ~0U, 0) == 0;
  if (!closed) {
    const int listing = ::open("/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (listing < 0) return false;
    alignas(DirEntry64) char buffer[4096];
    for (;;) {
      const long got = ::syscall(SYS_getdents64, listing, buffer, sizeof buffer);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        ::close(listing);
        return false;
      }
      if (got == 0) break;
      for (long at = 0; at < got;) {
        const auto* entry = reinterpret_cast<const DirEntry64*>(buffer + at);
        const int fd = descriptor_named(entry->name);
        if (fd >= 0 && fd != listing && !is_kept(fd)) ::close(fd);
        at += entry->length;
      }
    }
    ::close(listing);
  }

  // The address space is counted from what fork() copied (the server's heap, its threads'
  // stacks, and in sanitizer builds the terabytes of shadow memory reserved at start-up), so the
  // budget is what the child may add to it, whatever the parent's size.
  const rlim_t mapped = mapped_bytes(page_size_);
  if (mapped == 0) return false;
  return set_limit(RLIMIT_AS, mapped + limits_.memory_budget_bytes) && set_limit(RLIMIT_FSIZE, 0) &&
         set_limit(RLIMIT_CORE, 0) && set_limit(RLIMIT_NOFILE, limits_.open_files) &&
         set_limit(RLIMIT_CPU, limits_.cpu_seconds) &&
         ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
         ::prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) == 0;
}

}  // namespace rx::import
