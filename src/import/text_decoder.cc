#include "import/text_decoder.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace rx::import {
namespace {

constexpr std::size_t kChunkBytes = 1024 * 1024;
constexpr char32_t kReplacement = 0xFFFD;

// Windows-1252 0x80-0x9F; the five undefined bytes map to the C1 controls, as Windows does.
constexpr std::array<char16_t, 32> kWindows1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    // Skip ASCII eight bytes at a time: almost every byte of a contact sheet is ASCII.
    while (i + 8 <= n) {
      std::uint64_t word = 0;
      for (int k = 0; k < 8; ++k) word |= static_cast<std::uint64_t>(p[i + k]) << (8 * k);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char b = p[i];
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;  // no UTF-16 surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + len > n) return false;
    if (p[i + 1] < lo || p[i + 1] > hi) return false;
    for (std::size_t k = 2; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

DetectedText detect_encoding(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return {TextEncoding::kUtf8, bytes.substr(3)};
  if (bytes.starts_with("\xFF\xFE")) return {TextEncoding::kUtf16Le, bytes.substr(2)};
  if (bytes.starts_with("\xFE\xFF")) return {TextEncoding::kUtf16Be, bytes.substr(2)};
  if (is_valid_utf8(bytes)) return {TextEncoding::kUtf8, bytes};
  return {TextEncoding::kWindows1252, bytes};
}

Utf8Chunks::Utf8Chunks(DetectedText text) : text_(text) {}

bool Utf8Chunks::next(std::string_view& chunk) {
  const std::size_t left = text_.body.size() - pos_;
  if (left == 0) return false;
  switch (text_.encoding) {
    case TextEncoding::kUtf8: {
      const std::size_t n = std::min(left, kChunkBytes);
      chunk = text_.body.substr(pos_, n);
      pos_ += n;
      return true;
    }
    case TextEncoding::kUtf16Le:
    case TextEncoding::kUtf16Be:
      decode_utf16(std::min(left, kChunkBytes) / 2);
      break;
    case TextEncoding::kWindows1252:
      decode_windows_1252(std::min(left, kChunkBytes));
      break;
  }
  chunk = buffer_;
  return true;
}

void Utf8Chunks::decode_utf16(std::size_t units) {
  buffer_.clear();
  const bool little = text_.encoding == TextEncoding::kUtf16Le;
  const auto unit_at = [&](std::size_t at) {
    const auto a = static_cast<unsigned char>(text_.body[at]);
    const auto b = static_cast<unsigned char>(text_.body[at + 1]);
    return static_cast<char16_t>(little ? (a | (b << 8)) : ((a << 8) | b));
  };
  const std::size_t size = text_.body.size();
  if (units == 0) {  // a lone trailing byte
    pos_ = size;
    append_utf8(buffer_, kReplacement);
    return;
  }
  const std::size_t end = pos_ + units * 2;
  while (pos_ + 1 < size && (pos_ < end || buffer_.empty())) {
    const char16_t u = unit_at(pos_);
    pos_ += 2;
    if (u >= 0xD800 && u <= 0xDBFF) {
      // A surrogate pair may straddle the chunk end: read its second half regardless.
      if (pos_ + 1 < size) {
        const char16_t low = unit_at(pos_);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          pos_ += 2;
          append_utf8(buffer_, 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) +
                                   (static_cast<char32_t>(low) - 0xDC00));
          continue;
        }
      }
      append_utf8(buffer_, kReplacement);
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      append_utf8(buffer_, kReplacement);
    } else {
      append_utf8(buffer_, u);
    }
  }
  if (pos_ + 1 == size) {
    ++pos_;
    append_utf8(buffer_, kReplacement);
  }
}

void Utf8Chunks::decode_windows_1252(std::size_t bytes) {
  buffer_.clear();
  const std::size_t end = pos_ + bytes;
  for (; pos_ < end; ++pos_) {
    const auto b = static_cast<unsigned char>(text_.body[pos_]);
    if (b < 0x80) {
      buffer_.push_back(static_cast<char>(b));
    } else if (b < 0xA0) {
      append_utf8(buffer_, kWindows1252High[b - 0x80]);
    } else {
      append_utf8(buffer_, b);
    }
  }
}

bool looks_like_text(std::string_view utf8_sample) {
  std::size_t controls = 0;
  for (char ch : utf8_sample) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return false;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A) ++controls;
    if (c == 0x7F) ++controls;
  }
  // Text exported by spreadsheets has no control characters; allow a stray few.
  return controls * 100 <= utf8_sample.size();
}

}  // namespace rx::import
