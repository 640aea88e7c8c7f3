#include "zip_writer.h"

#include <zlib.h>

#include <stdexcept>

namespace rx::import::testing {
namespace {

void put16(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
}

void put32(std::string& out, std::uint32_t v) {
  put16(out, v & 0xFFFF);
  put16(out, v >> 16);
}

// Raw deflate of `input` with the given flush mode, appended to `out`.
void deflate_into(z_stream& z, const std::string& input, int flush, std::string& out) {
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
  z.avail_in = static_cast<uInt>(input.size());
  char buffer[65536];
  do {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof(buffer);
    const int rc = deflate(&z, flush);
    if (rc == Z_STREAM_ERROR) throw std::runtime_error("deflate failed");
    out.append(buffer, sizeof(buffer) - z.avail_out);
  } while (z.avail_out == 0 || z.avail_in > 0);
}

}  // namespace

void ZipWriter::add(const std::string& name, const std::string& content) {
  add_repeated(name, content, "", 0, "");
}

void ZipWriter::add_repeated(const std::string& name, const std::string& prefix,
                             const std::string& unit, std::size_t repeat, const std::string& suffix,
                             std::optional<std::uint32_t> declared_size) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  Entry entry{name, {}, 0, 0};
  // After a full flush the compressor starts afresh, so every copy of `unit` compresses to the
  // same bytes: compress it once and repeat the output.
  deflate_into(z, prefix, Z_FULL_FLUSH, entry.compressed);
  std::string unit_block;
  if (repeat > 0) deflate_into(z, unit, Z_FULL_FLUSH, unit_block);
  for (std::size_t i = 0; i < repeat; ++i) entry.compressed += unit_block;
  deflate_into(z, suffix, Z_FINISH, entry.compressed);
  deflateEnd(&z);

  uLong crc =
      crc32(0, reinterpret_cast<const Bytef*>(prefix.data()), static_cast<uInt>(prefix.size()));
  const uLong unit_crc =
      crc32(0, reinterpret_cast<const Bytef*>(unit.data()), static_cast<uInt>(unit.size()));
  for (std::size_t i = 0; i < repeat; ++i) {
    crc = crc32_combine(crc, unit_crc, static_cast<z_off_t>(unit.size()));
  }
  crc = crc32(crc, reinterpret_cast<const Bytef*>(suffix.data()), static_cast<uInt>(suffix.size()));
  entry.crc = static_cast<std::uint32_t>(crc);
  const std::uint64_t size = prefix.size() + unit.size() * repeat + suffix.size();
  entry.size = declared_size.value_or(static_cast<std::uint32_t>(size));
  entries_.push_back(std::move(entry));
}

std::string ZipWriter::finish() const {
  std::string out;
  std::string central;
  for (const Entry& e : entries_) {
    const auto offset = static_cast<std::uint32_t>(out.size());
    put32(out, 0x04034b50);
    put16(out, 20);    // version needed
    put16(out, 0);     // flags
    put16(out, 8);     // deflate
    put16(out, 0);     // time
    put16(out, 0x21);  // date: 1980-01-01
    put32(out, e.crc);
    put32(out, static_cast<std::uint32_t>(e.compressed.size()));
    put32(out, e.size);
    put16(out, static_cast<std::uint32_t>(e.name.size()));
    put16(out, 0);
    out += e.name;
    out += e.compressed;

    put32(central, 0x02014b50);
    put16(central, 20);  // made by
    put16(central, 20);  // needed
    put16(central, 0);
    put16(central, 8);
    put16(central, 0);
    put16(central, 0x21);
    put32(central, e.crc);
    put32(central, static_cast<std::uint32_t>(e.compressed.size()));
    put32(central, e.size);
    put16(central, static_cast<std::uint32_t>(e.name.size()));
    put16(central, 0);  // extra
    put16(central, 0);  // comment
    put16(central, 0);  // disk
    put16(central, 0);  // internal attributes
    put32(central, 0);  // external attributes
    put32(central, offset);
    central += e.name;
  }
  const auto central_offset = static_cast<std::uint32_t>(out.size());
  out += central;
  put32(out, 0x06054b50);
  put16(out, 0);
  put16(out, 0);
  put16(out, static_cast<std::uint32_t>(entries_.size()));
  put16(out, static_cast<std::uint32_t>(entries_.size()));
  put32(out, static_cast<std::uint32_t>(central.size()));
  put32(out, central_offset);
  put16(out, 0);
  return out;
}

void add_xlsx_skeleton(ZipWriter& zip, bool with_shared_strings) {
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  zip.add("[Content_Types].xml",
          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
  zip.add("_rels/.rels",
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          "<Relationship Id=\"rId1\" Type=\"" +
              rel +
              "/officeDocument\" "
              "Target=\"xl/workbook.xml\"/></Relationships>");
  zip.add("xl/workbook.xml",
          "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
          "xmlns:r=\"" +
              rel +
              "\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/>"
              "</sheets></workbook>");
  std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"" +
      rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>";
  if (with_shared_strings) {
    rels += "<Relationship Id=\"rId2\" Type=\"" + rel +
            "/sharedStrings\" Target=\"sharedStrings.xml\"/>";
  }
  zip.add("xl/_rels/workbook.xml.rels", rels + "</Relationships>");
}

std::string make_xlsx(const std::string& sheet_xml, const std::string& shared_strings_xml) {
  ZipWriter zip;
  add_xlsx_skeleton(zip, !shared_strings_xml.empty());
  if (!shared_strings_xml.empty()) zip.add("xl/sharedStrings.xml", shared_strings_xml);
  zip.add("xl/worksheets/sheet1.xml", sheet_xml);
  return zip.finish();
}

}  // namespace rx::import::testing
