#pragma once

#include <tl/expected.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "import/import_types.h"
#include "import/zip_archive.h"

namespace rx::import {

// The workbook's shared string table (xl/sharedStrings.xml), which cells of type "s" index.
// Kept as one string plus offsets: it must be held for random access, so it is kept compact; its
// size is bounded by the inflation budget.
class SharedStrings {
 public:
  static tl::expected<SharedStrings, ImportFailure> read(const ZipArchive& archive,
                                                         std::uint64_t entry,
                                                         InflateBudget& budget);
  SharedStrings() = default;

  std::size_t size() const { return ends_.size(); }
  // Empty for an index out of range.
  std::string_view at(std::size_t index) const;

 private:
  friend class SharedStringsHandler;
  std::string text_;
  std::vector<std::size_t> ends_;
};

}  // namespace rx::import
