#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rx::import {

enum class TextEncoding { kUtf8, kUtf16Le, kUtf16Be, kWindows1252 };

struct DetectedText {
  TextEncoding encoding;
  std::string_view body;  // the bytes after any byte-order mark
};

// UTF-8 (BOM optional), UTF-16 LE/BE with a BOM (Excel's "Unicode Text"), otherwise Windows-1252
// when the bytes are not valid UTF-8 (Excel's "CSV" on an Indian or Western Windows).
DetectedText detect_encoding(std::string_view bytes);

bool is_valid_utf8(std::string_view bytes);

// Streams a text body as UTF-8, a bounded chunk at a time, so a large UTF-16 file is never held
// twice. UTF-8 chunks are views of the input itself.
class Utf8Chunks {
 public:
  explicit Utf8Chunks(DetectedText text);

  // The next chunk (valid until the next call), or false at the end.
  bool next(std::string_view& chunk);
  // Input bytes consumed so far, for progress reports.
  std::size_t consumed() const { return pos_; }

 private:
  void decode_utf16(std::size_t units);
  void decode_windows_1252(std::size_t bytes);

  DetectedText text_;
  std::size_t pos_ = 0;
  std::string buffer_;
};

// False for binary data read as text: NUL bytes or many control characters near the start.
bool looks_like_text(std::string_view utf8_sample);

}  // namespace rx::import
