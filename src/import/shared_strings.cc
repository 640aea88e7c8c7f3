#include "import/shared_strings.h"

#include "import/xml_part_parser.h"

namespace rx::import {

// <si> holds the string as <t>, or as rich-text runs <r><t>; phonetic guides <rPh> are skipped.
class SharedStringsHandler : public XmlHandler {
 public:
  explicit SharedStringsHandler(SharedStrings& strings) : strings_(strings) {}

  void start_element(std::string_view name, const char**) override {
    if (name == "t") {
      in_text_ = !in_phonetic_;
    } else if (name == "rPh") {
      in_phonetic_ = true;
    }
  }
  void end_element(std::string_view name) override {
    if (name == "t") {
      in_text_ = false;
    } else if (name == "rPh") {
      in_phonetic_ = false;
    } else if (name == "si") {
      strings_.ends_.push_back(strings_.text_.size());
    }
  }
  void characters(std::string_view text) override {
    if (in_text_) strings_.text_.append(text);
  }

 private:
  SharedStrings& strings_;
  bool in_text_ = false;
  bool in_phonetic_ = false;
};

tl::expected<SharedStrings, ImportFailure> SharedStrings::read(const ZipArchive& archive,
                                                               std::uint64_t entry,
                                                               InflateBudget& budget) {
  SharedStrings strings;
  SharedStringsHandler handler(strings);
  if (auto parsed = parse_xml_part(archive, entry, budget, handler); !parsed) {
    return tl::unexpected<ImportFailure>(parsed.error());
  }
  return strings;
}

std::string_view SharedStrings::at(std::size_t index) const {
  if (index >= ends_.size()) return {};
  const std::size_t begin = index == 0 ? 0 : ends_[index - 1];
  return std::string_view(text_).substr(begin, ends_[index] - begin);
}

}  // namespace rx::import
