#pragma once

#include <functional>
#include <string_view>

namespace rx::phone {

// Calls `piece` for each number written in one cell: pieces are separated by '/', ',', ';', '|'
// or the word "or" (any case, standing alone), trimmed of whitespace, and empty ones dropped.
// The views point into `cell`; nothing is allocated, which keeps the import's hot path cheap.
void for_each_cell_piece(std::string_view cell, const std::function<void(std::string_view)>& piece);

}  // namespace rx::phone
