#pragma once

#include <cstddef>
#include <functional>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace rx::storage {

// Looks up std::string keys by std::string_view, without building a string for each lookup.
struct SqlHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view sql) const { return std::hash<std::string_view>{}(sql); }
};

// A connection's prepared statements by SQL text, at most `capacity` of them: adding one more
// hands back the least recently used, for the engine to free. rxtrack's statements are mostly
// fixed texts, a few hundred in all, but the first page of contacts of one status writes its
// page size into the text (see ContactRepository::list): without a bound, a client asking for
// every page size would leave a connection holding thousands of statements.
template <typename Handle>
class StatementCache {
 public:
  static constexpr std::size_t kCapacity = 512;

  explicit StatementCache(std::size_t capacity = kCapacity) : capacity_(capacity) {}

  // The statement prepared for `sql`, now the most recently used; nullptr if there is none.
  Handle* find(std::string_view sql) {
    auto it = entries_.find(sql);
    if (it == entries_.end()) return nullptr;
    recent_.splice(recent_.begin(), recent_, it->second.recent);
    return &it->second.handle;
  }

  // Keeps `handle`, prepared for `sql` (which find() did not know), and answers the statement
  // it pushed out, if any: the least recently used one that `can_evict` allows (a statement
  // still being stepped through is not).
  template <typename CanEvict>
  std::optional<Handle> add(std::string sql, Handle handle, CanEvict can_evict) {
    std::optional<Handle> evicted;
    if (entries_.size() >= capacity_) {
      for (auto it = recent_.rbegin(); it != recent_.rend(); ++it) {
        auto entry = entries_.find(**it);
        if (!can_evict(entry->second.handle)) continue;
        evicted = std::move(entry->second.handle);
        recent_.erase(std::next(it).base());
        entries_.erase(entry);
        break;
      }
    }
    auto [it, inserted] = entries_.try_emplace(std::move(sql), Entry{std::move(handle), {}});
    recent_.push_front(&it->first);
    it->second.recent = recent_.begin();
    return evicted;
  }

  std::size_t size() const { return entries_.size(); }

  template <typename Visit>
  void for_each(Visit visit) {
    for (auto& [sql, entry] : entries_) visit(entry.handle);
  }

 private:
  struct Entry {
    Handle handle;
    std::list<const std::string*>::iterator recent;
  };

  std::size_t capacity_;
  std::unordered_map<std::string, Entry, SqlHash, std::equal_to<>> entries_;
  std::list<const std::string*> recent_;  // most recently used first; keys of entries_
};

}  // namespace rx::storage
