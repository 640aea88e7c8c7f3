#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace rx::phone {

// A regular expression over the digits 0-9, compiled to a DFA so that matching costs one table
// lookup per digit. It accepts exactly the syntax libphonenumber's national-number patterns use:
// digits, \d, [..] classes with ranges, (..) and (?:..) groups, '|', '?', {n} and {n,m}.
// Immutable once compiled, so one instance may be shared by any number of threads.
class DigitPattern {
 public:
  // Empty when `pattern` uses other syntax or its DFA would exceed `max_states`.
  static std::optional<DigitPattern> compile(std::string_view pattern, std::size_t max_states);

  // True when all of `digits` (ASCII '0'-'9' only) matches the whole pattern.
  bool full_match(std::string_view digits) const;

  std::size_t state_count() const { return accept_.size(); }

 private:
  DigitPattern() = default;

  static constexpr std::int32_t kDead = 0;
  std::vector<std::array<std::int32_t, 10>> next_;
  std::vector<std::uint8_t> accept_;
  std::int32_t start_ = kDead;
};

}  // namespace rx::phone
