#pragma once

#include <span>
#include <string_view>

namespace rx::import {

enum class RowAction { kContinue, kStop };

// Where a reader sends a sheet's rows. `number` is the 1-based row number as the sheet shows
// it; the views are valid only during the call. kStop: read no further rows of this sheet.
class RowConsumer {
 public:
  virtual ~RowConsumer() = default;
  virtual RowAction add_row(int number, std::span<const std::string_view> cells) = 0;
};

}  // namespace rx::import
