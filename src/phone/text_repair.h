#pragma once

#include <string>
#include <string_view>

namespace rx::phone {

enum class RepairError {
  kEmpty,
  kShortenedByExcel,
  kNotInteger,
};

// Undoes what spreadsheets and keyboards do to phone numbers before libphonenumber sees them:
// Unicode decimal digits (Devanagari, Arabic-Indic, fullwidth...) become ASCII, no-break spaces
// become spaces, the text is trimmed, an all-zero fraction ("9876543210.0") is dropped and exact
// scientific notation is written out. Writes the result to `out`; returns false and sets `error`
// when the text cannot be a number (empty, or digits lost to Excel's scientific notation).
bool repair_phone_text(std::string_view raw, std::string& out, RepairError& error);

// Appends `text` to `out` with every Unicode decimal digit replaced by its ASCII digit and the
// no-break spaces replaced by ' '. Invalid UTF-8 is copied unchanged.
void fold_digits_and_spaces(std::string_view text, std::string& out);

}  // namespace rx::phone
