#include "import/sheet_choice.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "import/cell_text.h"
#include "import/import_limits.h"

namespace rx::import {
namespace {

char fold_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_text(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return fold_ascii(x) == fold_ascii(y);
         });
}

bool all_of(std::string_view text, bool (*pred)(char)) {
  return !text.empty() && std::all_of(text.begin(), text.end(), pred);
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<std::size_t> parse_number(std::string_view text) {
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

}  // namespace

bool same_column_text(std::string_view a, std::string_view b) {
  return same_text(trim_cell(a), trim_cell(b));
}

std::string numbered_sheet_name(std::size_t index) { return fmt::format("Sheet{}", index + 1); }

tl::expected<std::optional<std::size_t>, ImportFailure> resolve_sheet(
    const SheetChoice& choice, const std::vector<std::string>& names) {
  if (!choice.sheet) return std::nullopt;
  const std::string_view wanted = trim_cell(*choice.sheet);
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == wanted) return i;
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (same_text(names[i], wanted)) return i;
  }
  if (all_of(wanted, is_digit)) {
    const auto n = parse_number(wanted);
    if (n && *n >= 1 && *n <= names.size()) return *n - 1;
  }
  return tl::unexpected<ImportFailure>(
      field_failure("sheet", fmt::format("This file has no sheet \"{}\"; it has {} sheet{}.",
                                         wanted, names.size(), names.size() == 1 ? "" : "s")));
}

bool is_only_sheet(const SheetChoice& choice, const std::vector<std::string>& names,
                   std::size_t index) {
  if (!choice.sheet) return index == 0;
  const auto found = resolve_sheet(choice, names);
  return found && *found == index;
}

ImportFailure no_phone_column(const std::optional<std::string>& sheet_name) {
  if (sheet_name) {
    return field_failure("phone_column",
                         fmt::format("No phone column found in sheet \"{}\": choose the phone "
                                     "column, or name it \"Phone\" or \"Mobile\" in the header "
                                     "row.",
                                     *sheet_name));
  }
  return field_failure("phone_column",
                       "No sheet has a phone column: name it \"Phone\" or \"Mobile\" in the "
                       "header row, or choose the phone column.");
}

tl::expected<std::size_t, std::string> resolve_column(std::string_view text,
                                                      const std::vector<std::string_view>& headers,
                                                      std::size_t width) {
  const std::string_view wanted = trim_cell(text);
  for (std::size_t c = 0; c < headers.size(); ++c) {
    if (!wanted.empty() && same_text(trim_cell(headers[c]), wanted)) return c;
  }
  std::optional<std::size_t> column;
  if (wanted.size() <= 3 && all_of(wanted, is_letter)) {
    std::size_t n = 0;
    for (char c : wanted) n = n * 26 + static_cast<std::size_t>(fold_ascii(c) - 'a' + 1);
    column = n - 1;
  } else if (all_of(wanted, is_digit)) {
    const auto n = parse_number(wanted);
    if (n && *n >= 1) column = *n - 1;
  }
  if (!column) {
    return tl::unexpected<std::string>(
        fmt::format("no column is headed \"{}\" (give the header, a column letter such as B, or "
                    "a column number)",
                    wanted));
  }
  if (*column >= width || *column >= kMaxColumns) {
    return tl::unexpected<std::string>(
        fmt::format("column \"{}\" is past the sheet's last column (it has {})", wanted, width));
  }
  return *column;
}

}  // namespace rx::import
