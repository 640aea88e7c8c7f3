#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rx::import {

// The stream a sandboxed libfreexl child sends its parent: one frame per event, lengths first.
// The parent treats it as untrusted (the child may have been corrupted by the file it read):
// every length is checked before use.
enum class XlsFrame : std::uint8_t {
  kSheet = 'S',  // a worksheet starts
  kRow = 'R',    // u32 row number, u32 cell count, then per cell u32 length + bytes
  kError = 'E',  // i32 freexl error code; nothing follows
  kDone = 'D',   // every sheet was sent
};

// Buffered frame writer over a file descriptor (the child's end of a pipe).
class XlsFrameWriter {
 public:
  explicit XlsFrameWriter(int fd) : fd_(fd) {}
  bool sheet();
  bool row(std::uint32_t number, std::span<const std::string_view> cells);
  bool error(std::int32_t code);
  bool done();

 private:
  void put32(std::uint32_t value);
  bool maybe_flush();
  bool flush();

  int fd_;
  std::string buffer_;
};

// Frame reader over the parent's end of the pipe, with a deadline for a stuck child.
class XlsFrameReader {
 public:
  enum class Status { kOk, kEnd, kBroken, kTimedOut };

  XlsFrameReader(int fd, int timeout_ms) : fd_(fd), timeout_ms_(timeout_ms) {}
  // Reads the next frame; for kRow fills `number` and `cells` (views valid until the next call),
  // for kError fills `error`.
  Status next(XlsFrame& frame, int& number, std::vector<std::string_view>& cells,
              std::int32_t& error);

 private:
  bool fill(std::size_t bytes, Status& status);
  bool read32(std::uint32_t& value, Status& status);

  int fd_;
  int timeout_ms_;
  std::string buffer_;
  std::size_t pos_ = 0;
  std::string row_text_;
  std::vector<std::uint32_t> ends_;
};

}  // namespace rx::import
