#include "import/xls_frames.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>

#include "import/import_limits.h"

namespace rx::import {
namespace {

constexpr std::size_t kFlushBytes = 64 * 1024;

}  // namespace

void XlsFrameWriter::put32(std::uint32_t value) {
  for (int i = 0; i < 4; ++i) buffer_.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

bool XlsFrameWriter::flush() {
  std::string_view left(buffer_);
  while (!left.empty()) {
    const ssize_t n = ::write(fd_, left.data(), left.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    left.remove_prefix(static_cast<std::size_t>(n));
  }
  buffer_.clear();
  return true;
}

bool XlsFrameWriter::maybe_flush() { return buffer_.size() < kFlushBytes || flush(); }

bool XlsFrameWriter::sheet() {
  buffer_.push_back(static_cast<char>(XlsFrame::kSheet));
  return maybe_flush();
}

bool XlsFrameWriter::row(std::uint32_t number, std::span<const std::string_view> cells) {
  buffer_.push_back(static_cast<char>(XlsFrame::kRow));
  put32(number);
  put32(static_cast<std::uint32_t>(cells.size()));
  for (std::string_view cell : cells) {
    put32(static_cast<std::uint32_t>(cell.size()));
    buffer_.append(cell);
  }
  return maybe_flush();
}

bool XlsFrameWriter::error(std::int32_t code) {
  buffer_.push_back(static_cast<char>(XlsFrame::kError));
  put32(static_cast<std::uint32_t>(code));
  return flush();
}

bool XlsFrameWriter::done() {
  buffer_.push_back(static_cast<char>(XlsFrame::kDone));
  return flush();
}

bool XlsFrameReader::fill(std::size_t bytes, Status& status) {
  while (buffer_.size() - pos_ < bytes) {
    if (pos_ > 0) {
      buffer_.erase(0, pos_);
      pos_ = 0;
    }
    pollfd pfd{fd_, POLLIN, 0};
    const int ready = ::poll(&pfd, 1, timeout_ms_);
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) {
      status = Status::kTimedOut;
      return false;
    }
    char chunk[kFlushBytes];
    const ssize_t n = ::read(fd_, chunk, sizeof(chunk));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      status = buffer_.size() == pos_ && bytes == 1 ? Status::kEnd : Status::kBroken;
      return false;
    }
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
  return true;
}

bool XlsFrameReader::read32(std::uint32_t& value, Status& status) {
  if (!fill(4, status)) {
    if (status == Status::kEnd) status = Status::kBroken;
    return false;
  }
  value = 0;
  for (int i = 0; i < 4; ++i) {
    value |= static_cast<std::uint32_t>(static_cast<unsigned char>(buffer_[pos_ + i])) << (8 * i);
  }
  pos_ += 4;
  return true;
}

XlsFrameReader::Status XlsFrameReader::next(XlsFrame& frame, int& number,
                                            std::vector<std::string_view>& cells,
                                            std::int32_t& error) {
  Status status = Status::kOk;
  if (!fill(1, status)) return status;
  const auto type = static_cast<XlsFrame>(buffer_[pos_++]);
  frame = type;
  switch (type) {
    case XlsFrame::kSheet:
    case XlsFrame::kDone:
      return Status::kOk;
    case XlsFrame::kError: {
      std::uint32_t code = 0;
      if (!read32(code, status)) return status;
      error = static_cast<std::int32_t>(code);
      return Status::kOk;
    }
    case XlsFrame::kRow:
      break;
    default:
      return Status::kBroken;
  }
  std::uint32_t row = 0;
  std::uint32_t count = 0;
  if (!read32(row, status) || !read32(count, status)) return status;
  if (row == 0 || row > static_cast<std::uint32_t>(kMaxSheetRows) || count > kMaxColumns) {
    return Status::kBroken;
  }
  row_text_.clear();
  ends_.clear();
  for (std::uint32_t i = 0; i < count; ++i) {
    std::uint32_t length = 0;
    if (!read32(length, status)) return status;
    if (length > kMaxCellBytes || row_text_.size() + length > kMaxRowBytes) return Status::kBroken;
    if (!fill(length, status)) {
      if (status == Status::kEnd) status = Status::kBroken;
      return status;
    }
    row_text_.append(buffer_, pos_, length);
    pos_ += length;
    ends_.push_back(static_cast<std::uint32_t>(row_text_.size()));
  }
  cells.clear();
  std::uint32_t begin = 0;
  const std::string_view text(row_text_);
  for (std::uint32_t end : ends_) {
    cells.push_back(text.substr(begin, end - begin));
    begin = end;
  }
  number = static_cast<int>(row);
  return Status::kOk;
}

}  // namespace rx::import
