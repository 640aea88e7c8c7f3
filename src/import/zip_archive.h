#pragma once

#include <tl/expected.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "import/import_types.h"

struct zip;

namespace rx::import {

// What is left of the inflated bytes allowed for one file, shared by all the parts read.
struct InflateBudget {
  std::uint64_t remaining;
};

// A ZIP archive read from memory with libzip (no temp file, the bytes are not copied).
class ZipArchive {
 public:
  // kMalformed when the bytes are not a readable ZIP (truncated, damaged).
  static tl::expected<ZipArchive, ImportFailure> open(std::string_view bytes);

  ZipArchive(ZipArchive&& other) noexcept;
  ZipArchive& operator=(ZipArchive&& other) = delete;
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;
  ~ZipArchive();

  // The entry called `name`, ignoring case as OPC part names do.
  std::optional<std::uint64_t> find(const std::string& name) const;

  // Inflates entry `index` a chunk at a time into `chunk`, which returns false to stop early.
  // Refuses with kTooLarge as soon as `budget` would be exceeded, whatever the entry claims its
  // size to be; kMalformed when the data is corrupt or cut short.
  tl::expected<void, ImportFailure> read(std::uint64_t index, InflateBudget& budget,
                                         const std::function<bool(std::string_view)>& chunk) const;

  // The entry's declared inflated size (not trusted, used for progress and early refusal).
  std::uint64_t declared_size(std::uint64_t index) const;

 private:
  explicit ZipArchive(zip* archive) : archive_(archive) {}
  zip* archive_;
};

}  // namespace rx::import
