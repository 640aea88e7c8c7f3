#pragma once

#include <span>
#include <string>
#include <string_view>

namespace rx::import {

// What a header cell says about its column.
enum class HeaderRole { kOther, kPhone, kName };

struct HeaderMatch {
  HeaderRole role = HeaderRole::kOther;
  // For kPhone: how surely the header names a phone column ("Mobile" 2, "Contact No" 1); the
  // best one wins when a header row names several.
  int strength = 0;
};

// Reads a header cell as words (Unicode NFC, any case, punctuation and digits ignored):
// "Mob. No.", "Phone Number", "Contact No", "WhatsApp" name phone columns; "Name", "Customer",
// "Patient Name" name the name column. "Contact Name" is a name, "Customer Mobile" a phone. The
// same words in Hindi, Marathi, Gujarati, Tamil, Telugu, Kannada and Bengali are known too
// ("मोबाइल नंबर", "ग्राहक का नाम", "கைபேசி எண்").
HeaderMatch match_header(std::string_view header);

// A row's signature: 16 hex digits digesting its cells' words as match_header reads them.
std::string header_signature(std::span<const std::string_view> cells);

// "A", "B", ... "Z", "AA", ... for a 0-based column index, as a spreadsheet labels it.
std::string column_letters(std::size_t column);

// "Column B": the name given to a column without a header.
std::string column_label(std::size_t column);

}  // namespace rx::import
