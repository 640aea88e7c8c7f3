#include "core/csv_writer.h"

#include <cctype>

namespace rx::core {
namespace {

bool is_plain_number(std::string_view text) {
  std::size_t i = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
  if (i == text.size()) return false;
  for (; i < text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i])) && text[i] != '.') return false;
  }
  return true;
}

// A cell starting with = + - @ (or a tab or CR) is a formula to a spreadsheet; these files hold
// text people typed, so such cells get a leading apostrophe (OWASP's CSV injection advice).
std::string defuse(const std::string& field) {
  if (field.empty() || is_plain_number(field)) return field;
  const char first = field.front();
  if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' ||
      first == '\r') {
    return "'" + field;
  }
  return field;
}

}  // namespace

void CsvWriter::row(const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i) out_ += ',';
    const std::string field = defuse(cells[i]);
    // `;` too: Excel in locales whose list separator is `;` (much of Europe) splits on it.
    if (field.find_first_of(",;\"\r\n") == std::string::npos) {
      out_ += field;
      continue;
    }
    out_ += '"';
    for (char c : field) {
      if (c == '"') out_ += '"';
      out_ += c;
    }
    out_ += '"';
  }
  out_ += "\r\n";
}

}  // namespace rx::core
