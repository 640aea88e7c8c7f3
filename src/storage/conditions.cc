#include "storage/conditions.h"

namespace rx::storage {

std::string like_pattern_containing(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

}  // namespace rx::storage
