#pragma once

#include <span>
#include <string_view>

namespace rx::import {

// A cell without ASCII whitespace and the no-break spaces spreadsheets are full of at its ends.
std::string_view trim_cell(std::string_view cell);

// True when every cell is empty after trimming: a blank row, skipped but still numbered.
bool is_blank_row(std::span<const std::string_view> cells);

}  // namespace rx::import
