#include "xls_writer.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace rx::bench {
namespace {

constexpr std::size_t kSector = 512;
constexpr std::uint32_t kFreeSector = 0xFFFFFFFF;
constexpr std::uint32_t kEndOfChain = 0xFFFFFFFE;
constexpr std::uint32_t kFatSector = 0xFFFFFFFD;
constexpr std::size_t kHeaderFatSlots = 109;  // FAT sectors the header can list
constexpr std::size_t kMaxRows = 65535;

void put16(std::string& out, std::uint16_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>(v >> 8));
}

void put32(std::string& out, std::uint32_t v) {
  put16(out, static_cast<std::uint16_t>(v & 0xFFFF));
  put16(out, static_cast<std::uint16_t>(v >> 16));
}

void put_at32(std::string& out, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

void record(std::string& out, std::uint16_t type, const std::string& body) {
  put16(out, type);
  put16(out, static_cast<std::uint16_t>(body.size()));
  out += body;
}

std::string bof(std::uint16_t kind) {  // 0x0005 workbook globals, 0x0010 worksheet
  std::string body;
  put16(body, 0x0600);  // BIFF8
  put16(body, kind);
  put16(body, 0x0DBB);  // build and year, as Excel 97 writes them
  put16(body, 0x07CC);
  put32(body, 0);
  put32(body, 0x00000006);
  return body;
}

// A LABEL cell: 8-bit characters (the generated text is ASCII).
void label(std::string& out, std::uint16_t row, std::uint16_t column, const std::string& text) {
  std::string body;
  put16(body, row);
  put16(body, column);
  put16(body, 0);  // XF index
  put16(body, static_cast<std::uint16_t>(text.size()));
  body.push_back('\0');  // not UTF-16
  body += text;
  record(out, 0x0204, body);
}

void number(std::string& out, std::uint16_t row, std::uint16_t column, double value) {
  std::string body;
  put16(body, row);
  put16(body, column);
  put16(body, 0);
  std::uint64_t bits = 0;
  static_assert(sizeof bits == sizeof value);
  std::memcpy(&bits, &value, sizeof bits);
  put32(body, static_cast<std::uint32_t>(bits & 0xFFFFFFFF));
  put32(body, static_cast<std::uint32_t>(bits >> 32));
  record(out, 0x0203, body);
}

std::string worksheet(const std::vector<GeneratedRow>& rows) {
  std::string out;
  record(out, 0x0809, bof(0x0010));
  std::string dimensions;
  put32(dimensions, 0);
  put32(dimensions, static_cast<std::uint32_t>(rows.size() + 1));  // one past the last row
  put16(dimensions, 0);
  put16(dimensions, 4);  // one past the last column
  put16(dimensions, 0);
  record(out, 0x0200, dimensions);
  const std::array<const char*, 4> headers = {"Name", "Phone", "Area", "Notes"};
  for (std::uint16_t c = 0; c < headers.size(); ++c) label(out, 0, c, headers[c]);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto r = static_cast<std::uint16_t>(i + 1);
    const GeneratedRow& row = rows[i];
    label(out, r, 0, row.name);
    if (row.phone_is_number) {
      number(out, r, 1, std::stod(row.phone));
    } else {
      label(out, r, 1, row.phone);
    }
    label(out, r, 2, row.area);
    if (!row.notes.empty()) label(out, r, 3, row.notes);
  }
  record(out, 0x000A, "");
  return out;
}

std::string workbook_stream(const std::vector<GeneratedRow>& rows) {
  std::string globals;
  record(globals, 0x0809, bof(0x0005));
  std::string codepage;
  put16(codepage, 1200);  // UTF-16, the BIFF8 default
  record(globals, 0x0042, codepage);
  std::string font;  // one font, Arial 10 pt
  put16(font, 200);
  put16(font, 0);
  put16(font, 0x7FFF);
  put16(font, 400);
  put16(font, 0);
  font.append(3, '\0');
  font.push_back('\0');
  font.push_back(5);
  font.push_back('\0');
  font += "Arial";
  record(globals, 0x0031, font);
  std::string xf(20, '\0');  // one cell format: font 0, "General"
  record(globals, 0x00E0, xf);
  // BOUNDSHEET8 points at the sheet's BOF by stream offset, filled in below.
  std::string sheet_entry;
  put32(sheet_entry, 0);
  sheet_entry.push_back('\0');  // visible
  sheet_entry.push_back('\0');  // worksheet
  sheet_entry.push_back(static_cast<char>(9));
  sheet_entry.push_back('\0');
  sheet_entry += "Customers";
  const std::size_t entry_at = globals.size() + 4;
  record(globals, 0x0085, sheet_entry);
  record(globals, 0x000A, "");
  put_at32(globals, entry_at, static_cast<std::uint32_t>(globals.size()));
  return globals + worksheet(rows);
}

void directory_entry(std::string& out, const char* name, std::uint8_t type, std::uint32_t child,
                     std::uint32_t start, std::uint32_t size) {
  std::string entry(128, '\0');
  std::size_t n = 0;
  for (; name[n]; ++n) entry[2 * n] = name[n];
  entry[0x40] = static_cast<char>(2 * (n + 1));  // bytes, with the terminating zero
  entry[0x42] = static_cast<char>(type);
  entry[0x43] = 1;  // black
  put_at32(entry, 0x44, kFreeSector);
  put_at32(entry, 0x48, kFreeSector);
  put_at32(entry, 0x4C, child);
  put_at32(entry, 0x74, start);
  put_at32(entry, 0x78, size);
  out += entry;
}

}  // namespace

std::string to_xls(const std::vector<GeneratedRow>& rows) {
  if (rows.size() > kMaxRows) throw std::invalid_argument(".xls holds at most 65,535 rows");
  std::string stream = workbook_stream(rows);
  // Streams under 4,096 bytes would belong in the mini stream; pad instead (after EOF).
  if (stream.size() < 4096) stream.resize(4096, '\0');
  const auto stream_size = static_cast<std::uint32_t>(stream.size());
  const std::size_t stream_sectors = (stream.size() + kSector - 1) / kSector;
  std::size_t fat_sectors = 1;
  while (fat_sectors * (kSector / 4) < stream_sectors + 1 + fat_sectors) ++fat_sectors;
  if (fat_sectors > kHeaderFatSlots) throw std::invalid_argument("workbook too large");
  const auto directory_sector = static_cast<std::uint32_t>(stream_sectors);
  const auto first_fat = directory_sector + 1;

  std::string file;
  file += std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  file.append(16, '\0');  // CLSID
  put16(file, 0x003E);    // minor version
  put16(file, 0x0003);    // major version 3: 512-byte sectors
  put16(file, 0xFFFE);    // little-endian
  put16(file, 9);         // sector shift
  put16(file, 6);         // mini sector shift
  file.append(6, '\0');
  put32(file, 0);  // directory sectors (always 0 in version 3)
  put32(file, static_cast<std::uint32_t>(fat_sectors));
  put32(file, directory_sector);
  put32(file, 0);     // transaction signature
  put32(file, 4096);  // mini stream cutoff
  put32(file, kEndOfChain);
  put32(file, 0);
  put32(file, kEndOfChain);  // no DIFAT sectors
  put32(file, 0);
  for (std::size_t i = 0; i < kHeaderFatSlots; ++i)
    put32(file, i < fat_sectors ? first_fat + static_cast<std::uint32_t>(i) : kFreeSector);

  stream.resize(stream_sectors * kSector, '\0');
  file += stream;

  std::string directory;
  directory_entry(directory, "Root Entry", 5, 1, kEndOfChain, 0);
  directory_entry(directory, "Workbook", 2, kFreeSector, 0, stream_size);
  directory.resize(kSector, '\0');
  for (std::size_t at = 256; at < kSector; at += 128) {  // unused entries: no siblings
    put_at32(directory, at + 0x44, kFreeSector);
    put_at32(directory, at + 0x48, kFreeSector);
    put_at32(directory, at + 0x4C, kFreeSector);
  }
  file += directory;

  std::string fat;
  for (std::size_t i = 0; i < stream_sectors; ++i)
    put32(fat, i + 1 < stream_sectors ? static_cast<std::uint32_t>(i + 1) : kEndOfChain);
  put32(fat, kEndOfChain);  // the directory
  for (std::size_t i = 0; i < fat_sectors; ++i) put32(fat, kFatSector);
  while (fat.size() < fat_sectors * kSector) put32(fat, kFreeSector);
  file += fat;
  return file;
}

}  // namespace rx::bench
