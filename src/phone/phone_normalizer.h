#pragma once

#include <tl/expected.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "phone/number_type.h"
#include "phone/phone.h"

namespace rx::phone {

class RegionFastPath;

// Turns what a person typed into a spreadsheet cell into one E.164 number, or says why not.
// Thread-safe and cheap to copy: it holds the region and a shared immutable fast path.
class PhoneNormalizer {
 public:
  // `default_region` is a CLDR region code such as "IN"; numbers without a country code are read
  // as numbers of that region. An unknown region still works for numbers written with '+'.
  explicit PhoneNormalizer(std::string default_region);

  // The valid number in `raw`, or a reason a shop worker understands ("empty",
  // "not a phone number", "too short", "too long", "unknown country code",
  // "not a valid number for region IN", "shortened by Excel; re-export the column as text").
  // The reasons are the constants in phone/failure_reasons.h.
  tl::expected<Phone, std::string> normalize(std::string_view raw) const;

  // The numbers written in one cell ("98765 43210 / 91234 56789", "... or ..."), trimmed, empty
  // pieces dropped. See for_each_cell_piece (phone/cell_splitter.h) for the rules.
  static std::vector<std::string> split_cell(std::string_view cell);

  const std::string& region() const { return region_; }

 private:
  tl::expected<Phone, std::string> normalize_slow(const std::string& text) const;

  std::string region_;
  std::shared_ptr<const RegionFastPath> fast_;
};

// True for the region codes libphonenumber knows ("IN", "US", ...; case-sensitive).
bool is_valid_region(std::string_view region);

}  // namespace rx::phone
