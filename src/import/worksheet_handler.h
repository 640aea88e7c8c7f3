#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "import/row_consumer.h"
#include "import/shared_strings.h"
#include "import/xml_part_parser.h"

namespace rx::import {

// Streams one worksheet part (<sheetData><row><c>...) to a row consumer a row at a time.
// Cell text: shared strings, inline strings, and numeric cells as their exact XML text.
class WorksheetHandler : public XmlHandler {
 public:
  WorksheetHandler(const SharedStrings& strings, RowConsumer& rows);

  void start_element(std::string_view name, const char** attributes) override;
  void end_element(std::string_view name) override;
  void characters(std::string_view text) override;

 private:
  enum class CellType { kNumber, kShared, kInline, kText, kBoolean };

  void start_row(const char** attributes);
  void start_cell(const char** attributes);
  void end_cell();
  void end_row();

  const SharedStrings& strings_;
  RowConsumer& rows_;

  bool in_sheet_data_ = false;
  int row_number_ = 0;
  std::size_t next_column_ = 0;
  std::size_t column_ = 0;
  CellType type_ = CellType::kNumber;
  bool capture_ = false;
  bool in_phonetic_ = false;
  std::string value_;    // the text of the cell being read
  std::string scratch_;  // for numeric expansion
  // The current row: all cell text in one string, each cell's [begin, end) in it.
  std::string row_text_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans_;
  std::vector<std::string_view> cells_;
};

}  // namespace rx::import
