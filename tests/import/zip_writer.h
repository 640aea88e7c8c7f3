#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rx::import::testing {

// Builds ZIP archives in memory for hostile-input tests, with full control over what the
// headers claim (a zip bomb may lie about its inflated size).
class ZipWriter {
 public:
  // A deflated entry.
  void add(const std::string& name, const std::string& content);
  // A deflated entry of `prefix`, then `repeat` copies of `unit`, then `suffix`, compressed
  // without ever holding the whole content (so a 250 MB entry costs a few hundred KB).
  // `declared_size` overrides the inflated size written in the headers.
  void add_repeated(const std::string& name, const std::string& prefix, const std::string& unit,
                    std::size_t repeat, const std::string& suffix,
                    std::optional<std::uint32_t> declared_size = std::nullopt);

  std::string finish() const;

 private:
  struct Entry {
    std::string name;
    std::string compressed;
    std::uint32_t crc;
    std::uint32_t size;
  };
  std::vector<Entry> entries_;
};

// A minimal valid .xlsx whose first worksheet part is `sheet_xml` (sharedStrings optional).
std::string make_xlsx(const std::string& sheet_xml, const std::string& shared_strings_xml = "");

// The package parts of make_xlsx, without the worksheet, so tests can add a hostile one.
void add_xlsx_skeleton(ZipWriter& zip, bool with_shared_strings);

}  // namespace rx::import::testing
