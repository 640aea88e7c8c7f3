#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace rx::core {

// RFC 4180 CSV: every field quoted when it holds a comma, semicolon, quote, CR or LF; rows end in
// CRLF. Starts with a UTF-8 byte-order mark so that Excel opens Indian names and ₹ correctly.
class CsvWriter {
 public:
  CsvWriter() : out_("\xEF\xBB\xBF") {}
  void row(const std::vector<std::string>& fields);
  const std::string& str() const { return out_; }

 private:
  std::string out_;
};

}  // namespace rx::core
