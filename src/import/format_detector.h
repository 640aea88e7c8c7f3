#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rx::import {

enum class Container { kZip, kCompoundFile, kText };

struct Sniffed {
  Container container;
  // For bytes that are plainly something else (an image, a PDF...): what they are.
  std::optional<std::string> known_other;
};

// Recognises a file from its first bytes, never its name: a ZIP (.xlsx candidate), an OLE
// compound file (.xls candidate), a well-known non-spreadsheet format, or else text to try.
Sniffed sniff_format(std::string_view bytes);

}  // namespace rx::import
