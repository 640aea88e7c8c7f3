// Normalises arbitrary text and cross-checks the fast path against libphonenumber: whenever the
// fast path calls a number valid, libphonenumber must give the same E.164 form.
#include <phonenumbers/phonenumberutil.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "phone/cell_splitter.h"
#include "phone/phone_normalizer.h"
#include "phone/region_fast_path.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const rx::phone::PhoneNormalizer normalizer("IN");
  static const auto fast = rx::phone::RegionFastPath::for_region("IN");
  const std::string text(reinterpret_cast<const char*>(data), size);

  rx::phone::for_each_cell_piece(text, [](std::string_view piece) {
    const auto result = normalizer.normalize(piece);
    if (!result && result.error().empty()) std::abort();
  });

  rx::phone::Phone phone;
  if (fast && fast->try_parse(text, phone) == rx::phone::RegionFastPath::Outcome::kValid) {
    using i18n::phonenumbers::PhoneNumberUtil;
    const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
    i18n::phonenumbers::PhoneNumber number;
    std::string e164;
    if (util.Parse(text, "IN", &number) != PhoneNumberUtil::NO_PARSING_ERROR ||
        !util.IsValidNumber(number)) {
      std::abort();
    }
    util.Format(number, PhoneNumberUtil::E164, &e164);
    if (e164 != phone.e164) std::abort();
  }
  return 0;
}
