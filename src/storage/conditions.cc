#include "storage/conditions.h"

#include <cctype>

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

void add_phone_or_name_search(Conditions& where, std::string_view query,
                              std::string_view phone_column, std::string_view name_column) {
  std::string digits;
  bool phone_like = true;
  for (char ch : query) {
    if (std::isdigit(static_cast<unsigned char>(ch))) {
      digits += ch;
    } else if (ch != ' ' && ch != '+' && ch != '-' && ch != '(' && ch != ')') {
      phone_like = false;
    }
  }
  if (phone_like && !digits.empty()) {
    where.add(std::string(phone_column) + " LIKE ? ESCAPE '\\'", {like_pattern_containing(digits)});
    return;
  }
  std::string lowered(query);
  for (char& ch : lowered) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  where.add("LOWER(COALESCE(" + std::string(name_column) + ", '')) LIKE ? ESCAPE '\\'",
            {like_pattern_containing(lowered)});
}

}  // namespace rx::storage
