#include "phone/region_fast_path.h"

#include <phonenumbers/phonemetadata.pb.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <map>
#include <mutex>
#include <optional>
#include <vector>

#include "phone/ascii.h"
#include "phone/digit_pattern.h"

// libphonenumber's compiled-in metadata. The functions are exported by libphonenumber.so but not
// declared in an installed header; the signatures are those of upstream's metadata.h.
namespace i18n::phonenumbers {
int metadata_size();
const void* metadata_get();
}  // namespace i18n::phonenumbers

namespace rx::phone {
namespace {

namespace lpn = i18n::phonenumbers;

// libphonenumber's own limits (phonenumberutil.cc).
constexpr std::size_t kMinLengthForNsn = 2;
constexpr std::size_t kMaxLengthForNsn = 17;
constexpr std::size_t kMaxLengthCountryCode = 3;
// Longer digit strings are left to libphonenumber, which reports them as too long.
constexpr std::size_t kMaxDigits = 24;
// Far above what any region's patterns need (India's largest is a few thousand states).
constexpr std::size_t kMaxDfaStates = 50000;

enum class LengthResult { kPossible, kPossibleLocalOnly, kTooShort, kInvalidLength, kTooLong };

// One PhoneNumberDesc: its possible lengths and its compiled pattern.
struct Desc {
  std::vector<int> lengths;
  std::optional<DigitPattern> pattern;  // empty: the desc has no pattern and matches nothing

  // IsNumberMatchingDesc.
  bool matches(std::string_view nsn) const {
    if (!lengths.empty() &&
        std::find(lengths.begin(), lengths.end(), static_cast<int>(nsn.size())) == lengths.end()) {
      return false;
    }
    return pattern_matches(nsn);
  }

  // IsMatch: the pattern alone.
  bool pattern_matches(std::string_view nsn) const {
    return pattern.has_value() && pattern->full_match(nsn);
  }
};

std::optional<Desc> compile_desc(const lpn::PhoneNumberDesc& desc) {
  Desc out;
  out.lengths.assign(desc.possible_length().begin(), desc.possible_length().end());
  if (desc.national_number_pattern().empty()) return out;
  out.pattern = DigitPattern::compile(desc.national_number_pattern(), kMaxDfaStates);
  if (!out.pattern) return std::nullopt;
  return out;
}

const lpn::PhoneMetadataCollection& metadata() {
  static const lpn::PhoneMetadataCollection collection = [] {
    lpn::PhoneMetadataCollection c;
    if (!c.ParseFromArray(lpn::metadata_get(), lpn::metadata_size())) c.Clear();
    return c;
  }();
  return collection;
}

}  // namespace

class RegionData {
 public:
  static std::unique_ptr<const RegionData> create(const std::string& region) {
    const auto& all = metadata();
    const lpn::PhoneMetadata* found = nullptr;
    int regions_with_code = 0;
    auto data = std::make_unique<RegionData>();
    for (const auto& m : all.metadata()) {
      if (m.id() == region) found = &m;
    }
    if (found == nullptr) return nullptr;
    for (const auto& m : all.metadata()) {
      if (m.country_code() > 0 && m.country_code() < 1000) data->valid_codes.set(m.country_code());
      if (m.country_code() == found->country_code()) ++regions_with_code;
    }
    const lpn::PhoneMetadata& m = *found;
    if (regions_with_code != 1 || m.international_prefix().empty() ||
        !all_ascii_digits(m.international_prefix()) ||
        !all_ascii_digits(m.national_prefix_for_parsing()) ||
        !m.national_prefix_transform_rule().empty() ||
        m.general_desc().possible_length_size() == 0) {
      return nullptr;
    }
    data->country_code = std::to_string(m.country_code());
    data->idd = m.international_prefix();
    data->national_prefix = m.national_prefix_for_parsing();
    data->same_mobile_and_fixed = m.same_mobile_and_fixed_line_pattern();
    data->general_lengths.assign(m.general_desc().possible_length().begin(),
                                 m.general_desc().possible_length().end());
    data->local_only_lengths.assign(m.general_desc().possible_length_local_only().begin(),
                                    m.general_desc().possible_length_local_only().end());

    const std::array<std::pair<const lpn::PhoneNumberDesc*, Desc*>, 11> descs = {{
        {&m.general_desc(), &data->general},
        {&m.premium_rate(), &data->premium_rate},
        {&m.toll_free(), &data->toll_free},
        {&m.shared_cost(), &data->shared_cost},
        {&m.voip(), &data->voip},
        {&m.personal_number(), &data->personal_number},
        {&m.pager(), &data->pager},
        {&m.uan(), &data->uan},
        {&m.voicemail(), &data->voicemail},
        {&m.fixed_line(), &data->fixed_line},
        {&m.mobile(), &data->mobile},
    }};
    for (const auto& [source, target] : descs) {
      std::optional<Desc> compiled = compile_desc(*source);
      if (!compiled) return nullptr;
      *target = std::move(*compiled);
    }
    return data;
  }

  // TestNumberLength for the unknown type: the general description's lengths.
  LengthResult test_length(std::string_view nsn) const {
    if (general_lengths.front() == -1) return LengthResult::kInvalidLength;
    const int length = static_cast<int>(nsn.size());
    if (std::find(local_only_lengths.begin(), local_only_lengths.end(), length) !=
        local_only_lengths.end()) {
      return LengthResult::kPossibleLocalOnly;
    }
    const int minimum = general_lengths.front();
    if (minimum == length) return LengthResult::kPossible;
    if (minimum > length) return LengthResult::kTooShort;
    if (general_lengths.back() < length) return LengthResult::kTooLong;
    return std::find(general_lengths.begin() + 1, general_lengths.end(), length) !=
                   general_lengths.end()
               ? LengthResult::kPossible
               : LengthResult::kInvalidLength;
  }

  // MaybeStripNationalPrefixAndCarrierCode for a literal national prefix without transform rule.
  void strip_national_prefix(std::string_view& number) const {
    if (number.empty() || national_prefix.empty() || !number.starts_with(national_prefix)) return;
    const std::string_view stripped = number.substr(national_prefix.size());
    if (general.pattern_matches(number) && !general.pattern_matches(stripped)) return;
    number = stripped;
  }

  // ExtractCountryCode, accepting only this region's code (others go to libphonenumber).
  bool strip_country_code(std::string_view digits, std::string_view& national) const {
    if (digits.empty() || digits.front() == '0') return false;
    int code = 0;
    for (std::size_t i = 1; i <= kMaxLengthCountryCode && i <= digits.size(); ++i) {
      code = code * 10 + (digits[i - 1] - '0');
      if (!valid_codes.test(static_cast<std::size_t>(code))) continue;
      if (digits.substr(0, i) != country_code) return false;
      national = digits.substr(i);
      return true;
    }
    return false;
  }

  // GetNumberTypeHelper.
  NumberType number_type(std::string_view nsn) const {
    if (!general.matches(nsn)) return NumberType::kUnknown;
    if (premium_rate.matches(nsn)) return NumberType::kPremiumRate;
    if (toll_free.matches(nsn)) return NumberType::kTollFree;
    if (shared_cost.matches(nsn)) return NumberType::kSharedCost;
    if (voip.matches(nsn)) return NumberType::kVoip;
    if (personal_number.matches(nsn)) return NumberType::kPersonalNumber;
    if (pager.matches(nsn)) return NumberType::kPager;
    if (uan.matches(nsn)) return NumberType::kUan;
    if (voicemail.matches(nsn)) return NumberType::kVoicemail;
    if (fixed_line.matches(nsn)) {
      if (same_mobile_and_fixed || mobile.matches(nsn)) return NumberType::kFixedLineOrMobile;
      return NumberType::kFixedLine;
    }
    if (!same_mobile_and_fixed && mobile.matches(nsn)) return NumberType::kMobile;
    return NumberType::kUnknown;
  }

  std::string country_code;
  std::string idd;
  std::string national_prefix;
  bool same_mobile_and_fixed = false;
  std::vector<int> general_lengths;
  std::vector<int> local_only_lengths;
  std::bitset<1000> valid_codes;
  Desc general, premium_rate, toll_free, shared_cost, voip, personal_number, pager, uan, voicemail,
      fixed_line, mobile;
};

RegionFastPath::RegionFastPath(std::unique_ptr<const RegionData> data) : data_(std::move(data)) {}
RegionFastPath::~RegionFastPath() = default;

std::shared_ptr<const RegionFastPath> RegionFastPath::for_region(const std::string& region) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const RegionFastPath>> cache;
  const std::lock_guard<std::mutex> lock(mutex);
  auto it = cache.find(region);
  if (it != cache.end()) return it->second;
  std::unique_ptr<const RegionData> data = RegionData::create(region);
  std::shared_ptr<const RegionFastPath> fast =
      data ? std::make_shared<const RegionFastPath>(std::move(data)) : nullptr;
  cache.emplace(region, fast);
  return fast;
}

RegionFastPath::Outcome RegionFastPath::try_parse(std::string_view text, Phone& out) const {
  const RegionData& r = *data_;
  // Only digits, one leading '+' and the punctuation every viable number may carry; anything
  // else (letters, '#', ',', non-ASCII) could be an extension or an RFC 3966 form.
  std::array<char, kMaxDigits> buffer{};
  std::size_t count = 0;
  bool plus = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (count == kMaxDigits) return Outcome::kDeclined;
      buffer[count++] = c;
    } else if (c == '+') {
      if (plus || count > 0) return Outcome::kDeclined;
      plus = true;
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
      return Outcome::kDeclined;
    }
  }
  // Fewer than three digits goes through libphonenumber's short-number rules.
  if (count < 3) return Outcome::kDeclined;
  const std::string_view digits(buffer.data(), count);

  // MaybeExtractCountryCode.
  std::string_view national;
  if (plus || (digits.starts_with(r.idd) &&
               (digits.size() == r.idd.size() || digits[r.idd.size()] != '0'))) {
    const std::string_view rest = plus ? digits : digits.substr(r.idd.size());
    if (rest.size() <= kMinLengthForNsn) return Outcome::kDeclined;
    if (!r.strip_country_code(rest, national)) return Outcome::kDeclined;
  } else {
    national = digits;
    if (digits.starts_with(r.country_code)) {
      std::string_view potential = digits.substr(r.country_code.size());
      r.strip_national_prefix(potential);
      if ((!r.general.pattern_matches(digits) && r.general.pattern_matches(potential)) ||
          r.test_length(digits) == LengthResult::kTooLong) {
        national = potential;
      }
    }
  }

  // ParseHelper: strip the national prefix when what is left still has a possible length.
  if (national.size() < kMinLengthForNsn) return Outcome::kDeclined;
  std::string_view potential = national;
  r.strip_national_prefix(potential);
  const LengthResult length = r.test_length(potential);
  if (length != LengthResult::kTooShort && length != LengthResult::kPossibleLocalOnly &&
      length != LengthResult::kInvalidLength) {
    national = potential;
  }
  if (national.size() < kMinLengthForNsn || national.size() > kMaxLengthForNsn)
    return Outcome::kDeclined;

  const NumberType type = r.number_type(national);
  if (type == NumberType::kUnknown) {
    // IsPossibleNumberWithReason for the unknown type: the same length test.
    switch (r.test_length(national)) {
      case LengthResult::kTooShort:
        return Outcome::kTooShort;
      case LengthResult::kTooLong:
        return Outcome::kTooLong;
      default:
        return Outcome::kInvalidForRegion;
    }
  }
  out.e164.clear();
  out.e164.push_back('+');
  out.e164.append(r.country_code);
  out.e164.append(national);
  out.type = type;
  return Outcome::kValid;
}

}  // namespace rx::phone
