#pragma once

#include <tl/expected.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "import/import_types.h"

namespace rx::import {

// What the person uploading said about how to read the sheet, overriding detection. Absent
// fields are detected (or taken from a saved mapping).
struct SheetChoice {
  // A sheet's name, or its 1-based position in the workbook ("2"). A name wins over a position
  // when a sheet is named with digits.
  std::optional<std::string> sheet;
  // 1-based row number of the header row as the sheet shows it; 0: the sheet has no header row.
  std::optional<int> header_row;
  // A column: the header cell's text (trimmed, any case), else a column letter ("C") or a
  // 1-based column number ("3").
  std::optional<std::string> phone_column;
  // As phone_column; kNoNameColumn says the sheet has no name column.
  std::optional<std::string> name_column;

  // Any of the overrides that decide how a sheet's rows are read (not the sheet itself).
  bool any_layout() const { return header_row || phone_column || name_column; }
  bool any() const { return sheet || any_layout(); }
};

inline constexpr std::string_view kNoNameColumn = "none";

// A shop's saved mapping for a kind of sheet: 0-based columns, header_row 0 for none.
struct SavedLayout {
  int header_row = 0;
  std::size_t phone_column = 0;
  std::optional<std::size_t> name_column;
};

// Finds a saved mapping by header signature (see SheetLayout::signature).
using LayoutLookup = std::function<std::optional<SavedLayout>(std::string_view signature)>;

struct ReadOptions {
  SheetChoice choice;
  LayoutLookup saved;  // may be empty: no saved mappings
};

// How the sheet being read is laid out, as decided from the choice, a saved mapping or detection.
struct SheetLayout {
  std::size_t sheet_index = 0;  // 0-based position in the workbook
  std::string sheet_name;
  int header_row = 0;                       // 1-based; 0: no header row
  std::vector<std::string> headers;         // per column: the header cell, or "Column C"
  std::optional<std::size_t> phone_column;  // empty: no phone column could be found
  std::optional<std::size_t> name_column;
  // A digest of the sheet's first row with two or more filled cells (else its first non-blank
  // row), cells trimmed and case-folded: the same for every export of the same kind of sheet,
  // whatever the choices made for it. Hex text; empty for a sheet without rows.
  std::string signature;
  bool saved_mapping_applied = false;
};

// The 0-based sheet `choice.sheet` names among `names`; nullopt without a choice. A failure
// names the field "sheet".
tl::expected<std::optional<std::size_t>, ImportFailure> resolve_sheet(
    const SheetChoice& choice, const std::vector<std::string>& names);

// The 0-based column `text` names: a header cell's text (trimmed, ASCII case folded), else
// column letters or a 1-based number. `headers` may be empty (no header row). `width` is the
// number of columns the sheet has. The error is the reason, for the field's message.
tl::expected<std::size_t, std::string> resolve_column(std::string_view text,
                                                      const std::vector<std::string_view>& headers,
                                                      std::size_t width);

// For readers that learn the sheets one by one (legacy .xls): the 0-based sheet this file's
// reading is limited to, if any: the chosen sheet, or the first when only the header row or
// columns are chosen. Unknown until the sheet is met; `names` are the sheets met so far.
bool is_only_sheet(const SheetChoice& choice, const std::vector<std::string>& names,
                   std::size_t index);

// The refusal of a file (or of the chosen sheet) without a phone column.
ImportFailure no_phone_column(const std::optional<std::string>& sheet_name);

// Whether two column choices say the same (trimmed, ASCII case folded).
bool same_column_text(std::string_view a, std::string_view b);

// The sheet name given to a text file's only sheet and to legacy .xls sheets: "Sheet1"...
std::string numbered_sheet_name(std::size_t index);

}  // namespace rx::import
