#pragma once

#include <sys/resource.h>

#include <array>
#include <cstddef>
#include <initializer_list>

namespace rx::import {

// The confinement a forked child puts itself in before it touches untrusted input: every
// descriptor it inherited is closed except the few it was given, it can map at most a budget of
// memory beyond what fork() handed it, create no file bigger than 0 bytes, open only a handful of
// descriptors, use bounded CPU, gain no privileges through exec, leave no core dump, and dies
// with the thread that forked it.
//
// Built in the parent, which may allocate; entered in the child, where the server's other
// threads may have held any lock (malloc's among them) at the moment of fork(): enter() makes
// only async-signal-safe system calls and touches no heap.
class ChildSandbox {
 public:
  struct Limits {
    // Address space beyond the mappings fork() handed over. Free memory inside those (the
    // parent's heap) stays usable, so the child's bound is the parent's size plus this.
    rlim_t memory_budget_bytes;
    rlim_t cpu_seconds;
    rlim_t open_files;  // RLIMIT_NOFILE: new descriptors are numbered below this
  };

  // `kept`: the descriptors the child keeps (its pipe, its input); at most kMaxKept, -1 ignored.
  ChildSandbox(std::initializer_list<int> kept, Limits limits);

  // In the child, right after fork(): true when every descriptor but the kept ones is closed and
  // every limit is in place. On false the child must exit without reading anything.
  bool enter() const noexcept;

  static constexpr std::size_t kMaxKept = 4;

 private:
  std::array<int, kMaxKept> kept_{};  // ascending, distinct
  std::size_t kept_count_ = 0;
  Limits limits_;
  long page_size_;
};

}  // namespace rx::import
