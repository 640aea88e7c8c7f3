#include "import/stored_row.h"

namespace rx::import {

StoredRow::StoredRow(int number, std::span<const std::string_view> cells) : number_(number) {
  ends_.reserve(cells.size());
  for (std::string_view cell : cells) {
    text_.append(cell);
    ends_.push_back(static_cast<std::uint32_t>(text_.size()));
  }
}

void StoredRow::cells(std::vector<std::string_view>& cells) const {
  cells.clear();
  std::uint32_t begin = 0;
  const std::string_view text(text_);
  for (std::uint32_t end : ends_) {
    cells.push_back(text.substr(begin, end - begin));
    begin = end;
  }
}

}  // namespace rx::import
