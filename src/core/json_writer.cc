#include "core/json_writer.h"

#include <array>
#include <charconv>

namespace rx::core {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// Length of the valid UTF-8 sequence starting at text[i], or 0 if the bytes there are not one.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  if (byte(i + 1) < low || byte(i + 1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return length;
}

// Bytes that cannot be copied as they are: control characters, quote, backslash, and every
// non-ASCII byte (checked as UTF-8).
constexpr auto kNeedsEscape = [] {
  std::array<bool, 256> table{};
  for (int ch = 0; ch < 256; ++ch) table[ch] = ch < 0x20 || ch == '"' || ch == '\\' || ch >= 0x80;
  return table;
}();

bool needs_escape(unsigned char ch) { return kNeedsEscape[ch]; }

void append_escaped(std::string& out, std::string_view text) {
  out += '"';
  std::size_t i = 0;
  while (i < text.size()) {
    // Plain ASCII runs go in one append; most names and phones are nothing else.
    std::size_t run = i;
    while (run < text.size() && !needs_escape(static_cast<unsigned char>(text[run]))) ++run;
    out.append(text.data() + i, run - i);
    i = run;
    if (i == text.size()) break;
    const unsigned char ch = static_cast<unsigned char>(text[i]);
    if (ch >= 0x80) {
      const std::size_t length = utf8_sequence_length(text, i);
      if (length == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD for a byte that is not UTF-8
        ++i;
      } else {
        out.append(text.data() + i, length);
        i += length;
      }
      continue;
    }
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default: {
        const char escape[] = {'\\', 'u', '0', '0', kHex[ch >> 4], kHex[ch & 0xF]};
        out.append(escape, sizeof escape);
      }
    }
    ++i;
  }
  out += '"';
}

}  // namespace

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  has_value_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  out_ += '}';
  has_value_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  has_value_.push_back(0);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  out_ += ']';
  has_value_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::key(JsonKey name) {
  // The separator, the quoted name and the colon go in as one append: a list of contacts writes
  // a thousand keys, and each append checks the capacity again.
  const std::string_view text = name.text();
  std::array<char, JsonKey::kMaxLength + 4> token;
  std::size_t n = 0;
  if (take_separator()) token[n++] = ',';
  token[n++] = '"';
  text.copy(token.data() + n, text.size());
  n += text.size();
  token[n++] = '"';
  token[n++] = ':';
  out_.append(token.data(), n);
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::key_text(std::string_view name) {
  before_value();
  append_escaped(out_, name);
  out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view text) {
  before_value();
  append_escaped(out_, text);
  return *this;
}

JsonWriter& JsonWriter::number(std::int64_t value) {
  before_value();
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  out_.append(digits, result.ptr);
  return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
  before_value();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::raw_string(std::string_view text) {
  before_value();
  out_ += '"';
  out_ += text;
  out_ += '"';
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  out_ += json;
  return *this;
}

}  // namespace rx::core
