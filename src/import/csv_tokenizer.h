#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rx::import {

// An RFC 4180 reader fed UTF-8 in chunks: quoted fields may hold delimiters, doubled quotes and
// line breaks; a record ends at LF, CRLF or CR outside quotes. Lenient where Excel is: a quote
// inside an unquoted field is kept, text after a closing quote is appended.
class CsvTokenizer {
 public:
  enum class Status { kOk, kStopped, kTooManyColumns, kCellTooLong, kRowTooLong };
  // Receives each record's fields; returning false stops the reading (Status::kStopped).
  using RecordFn = std::function<bool(std::span<const std::string_view>)>;

  explicit CsvTokenizer(char delimiter);

  Status feed(std::string_view chunk, const RecordFn& record);
  // Ends the last record when the text does not end with a line break.
  Status finish(const RecordFn& record);

 private:
  enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted, kAfterCr };

  Status end_field();
  Status end_record(const RecordFn& record);
  Status check_sizes() const;

  char delimiter_;
  State state_ = State::kFieldStart;
  bool in_record_ = false;
  std::string text_;
  std::vector<std::uint32_t> ends_;
  std::size_t field_start_ = 0;
  std::vector<std::string_view> cells_;
};

}  // namespace rx::import
