#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rx::import {

// A copy of one row kept while the header and phone column are still undecided: one string for
// all the text and the cell boundaries, so a wide row costs a few bytes a cell.
class StoredRow {
 public:
  StoredRow(int number, std::span<const std::string_view> cells);

  int number() const { return number_; }
  std::size_t bytes() const { return text_.size() + ends_.size() * sizeof(std::uint32_t); }
  // Fills `cells` with views into this row.
  void cells(std::vector<std::string_view>& cells) const;

 private:
  int number_;
  std::string text_;
  std::vector<std::uint32_t> ends_;
};

}  // namespace rx::import
