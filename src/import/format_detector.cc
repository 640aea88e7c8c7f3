#include "import/format_detector.h"

#include <array>
#include <utility>

namespace rx::import {
namespace {

using namespace std::string_view_literals;

// Magic numbers of files people upload by mistake, with a name they will recognise.
constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kOtherFormats = {{
    {"\x89PNG"sv, "a PNG image"},
    {"\xFF\xD8\xFF"sv, "a JPEG image"},
    {"GIF8"sv, "a GIF image"},
    {"%PDF"sv, "a PDF document"},
    {"\x1F\x8B"sv, "a gzip archive"},
    {"Rar!"sv, "a RAR archive"},
    {"7z\xBC\xAF"sv, "a 7-Zip archive"},
    {"BZh"sv, "a bzip2 archive"},
    {"RIFF"sv, "a media file"},
    {"\x7F"
     "ELF"sv,
     "a program"},
}};

}  // namespace

Sniffed sniff_format(std::string_view bytes) {
  if (bytes.starts_with("PK\x03\x04"sv) || bytes.starts_with("PK\x05\x06"sv)) {
    return {Container::kZip, std::nullopt};
  }
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv)) {
    return {Container::kCompoundFile, std::nullopt};
  }
  for (const auto& [magic, name] : kOtherFormats) {
    if (bytes.starts_with(magic)) return {Container::kText, std::string(name)};
  }
  return {Container::kText, std::nullopt};
}

}  // namespace rx::import
