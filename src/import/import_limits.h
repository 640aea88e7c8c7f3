#pragma once

#include <cstddef>

namespace rx::import {

// Past this much inflated XML an .xlsx is refused as kTooLarge: a real 20 MB upload inflates to
// well under 200 MB, a zip bomb to far more.
inline constexpr std::size_t kMaxInflatedBytes = 200u * 1024 * 1024;
// Excel's own limits (XFD columns, 32,767 characters a cell); longer means a broken or hostile
// file, and capping them keeps one row's memory bounded.
inline constexpr std::size_t kMaxColumns = 16384;
inline constexpr std::size_t kMaxCellBytes = 4 * 32767;  // 32,767 UTF-16 units in UTF-8
inline constexpr std::size_t kMaxRowBytes = 4u * 1024 * 1024;
inline constexpr int kMaxSheetRows = 1048576;
// Rows looked at before deciding the header and phone column; later rows are streamed.
inline constexpr std::size_t kSampleRows = 200;
inline constexpr std::size_t kMaxSampleBytes = 16u * 1024 * 1024;
// How often readers report progress.
inline constexpr std::size_t kProgressStepBytes = 1024 * 1024;

}  // namespace rx::import
