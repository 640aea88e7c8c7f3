#include "import/csv_tokenizer.h"

#include <cstring>

#include "import/import_limits.h"

namespace rx::import {

CsvTokenizer::CsvTokenizer(char delimiter) : delimiter_(delimiter) {}

CsvTokenizer::Status CsvTokenizer::check_sizes() const {
  if (text_.size() - field_start_ > kMaxCellBytes) return Status::kCellTooLong;
  if (text_.size() > kMaxRowBytes) return Status::kRowTooLong;
  return Status::kOk;
}

CsvTokenizer::Status CsvTokenizer::end_field() {
  if (ends_.size() >= kMaxColumns) return Status::kTooManyColumns;
  ends_.push_back(static_cast<std::uint32_t>(text_.size()));
  field_start_ = text_.size();
  return Status::kOk;
}

CsvTokenizer::Status CsvTokenizer::end_record(const RecordFn& record) {
  if (const Status s = end_field(); s != Status::kOk) return s;
  cells_.clear();
  std::uint32_t begin = 0;
  const std::string_view text(text_);
  for (std::uint32_t end : ends_) {
    cells_.push_back(text.substr(begin, end - begin));
    begin = end;
  }
  const bool go_on = record(cells_);
  text_.clear();
  ends_.clear();
  field_start_ = 0;
  in_record_ = false;
  return go_on ? Status::kOk : Status::kStopped;
}

CsvTokenizer::Status CsvTokenizer::feed(std::string_view chunk, const RecordFn& record) {
  const char* p = chunk.data();
  const char* const end = p + chunk.size();
  Status status = Status::kOk;
  while (p < end) {
    const char c = *p;
    switch (state_) {
      case State::kAfterCr:
        state_ = State::kFieldStart;
        if (c == '\n') {
          ++p;
          continue;
        }
        break;  // the CR ended the record; read `c` afresh
      case State::kFieldStart:
        in_record_ = true;
        if (c == '"') {
          state_ = State::kQuoted;
          ++p;
        } else if (c == delimiter_) {
          status = end_field();
          ++p;
        } else if (c == '\n' || c == '\r') {
          status = end_record(record);
          state_ = c == '\r' ? State::kAfterCr : State::kFieldStart;
          ++p;
        } else {
          state_ = State::kUnquoted;
        }
        break;
      case State::kUnquoted: {
        // Copy the run up to the next delimiter or line break in one go.
        const char* q = p;
        while (q < end && *q != delimiter_ && *q != '\n' && *q != '\r') ++q;
        text_.append(p, q);
        p = q;
        status = check_sizes();
        if (status != Status::kOk || p == end) break;
        if (*p == delimiter_) {
          status = end_field();
          state_ = State::kFieldStart;
        } else {
          status = end_record(record);
          state_ = *p == '\r' ? State::kAfterCr : State::kFieldStart;
        }
        ++p;
        break;
      }
      case State::kQuoted: {
        const void* quote = std::memchr(p, '"', static_cast<std::size_t>(end - p));
        const char* q = quote ? static_cast<const char*>(quote) : end;
        text_.append(p, q);
        p = q;
        status = check_sizes();
        if (status == Status::kOk && p < end) {
          state_ = State::kQuoteInQuoted;
          ++p;
        }
        break;
      }
      case State::kQuoteInQuoted:
        if (c == '"') {
          text_.push_back('"');
          state_ = State::kQuoted;
          ++p;
        } else if (c == delimiter_) {
          status = end_field();
          state_ = State::kFieldStart;
          ++p;
        } else if (c == '\n' || c == '\r') {
          status = end_record(record);
          state_ = c == '\r' ? State::kAfterCr : State::kFieldStart;
          ++p;
        } else {
          state_ = State::kUnquoted;
        }
        break;
    }
    if (status != Status::kOk) return status;
  }
  return Status::kOk;
}

CsvTokenizer::Status CsvTokenizer::finish(const RecordFn& record) {
  const bool pending = in_record_ && state_ != State::kAfterCr;
  state_ = State::kFieldStart;
  if (!pending) return Status::kOk;
  return end_record(record);
}

}  // namespace rx::import
