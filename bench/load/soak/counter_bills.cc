#include "counter_bills.h"

#include "activity_plan.h"
#include "phone/phone_normalizer.h"

#include <array>
#include <stdexcept>

namespace rx::bench {
namespace {

// Walk-ins of client c are 7,000,000,000 + c * 1,000,000 + n: apart from every other client's
// and from the dataset's (98...), and a million per client is more than a soak makes.
constexpr std::uint64_t kFirstWalkIn = 7'000'000'000ULL;
constexpr std::uint64_t kWalkInsPerClient = 1'000'000;
constexpr unsigned kWalkInPercent = 35;
constexpr unsigned kReturningPercent = 35;  // the rest are contact-sheet numbers
constexpr std::array<const char*, 3> kCategories = {"first_time_prescription", "regular_branded",
                                                    "generic_informed"};

}  // namespace

CounterBills::CounterBills(int client, const ShopFixture& shop)
    : client_(client), shop_(shop), known_phones_(shop.customer_phones) {
  if (known_phones_.empty()) throw std::runtime_error("the fixtures list no customer phone");
}

std::string CounterBills::walk_in_number() {
  static const phone::PhoneNormalizer normalizer("IN");
  const std::uint64_t first =
      kFirstWalkIn + static_cast<std::uint64_t>(client_) * kWalkInsPerClient;
  for (;;) {
    const std::uint64_t number = first + walk_ins_++ % kWalkInsPerClient;
    std::string text = std::to_string(number);
    if (normalizer.normalize(text)) return text;
  }
}

nlohmann::json CounterBills::next(std::mt19937_64& rng) {
  const auto roll = static_cast<unsigned>(rng() % 100);
  nlohmann::json bill = {{"was_contacted_before", false}};
  if (roll < kWalkInPercent) {
    bill["customer"] = {{"phone", walk_in_number()}, {"name", "Walk-in"}};
    bill["customer_category"] = kCategories[rng() % kCategories.size()];
  } else if (roll < kWalkInPercent + kReturningPercent || shop_.fresh_numbers.empty()) {
    bill["customer"] = {{"phone", known_phone(rng)}};
  } else {
    const std::uint64_t number = shop_.fresh_numbers[rng() % shop_.fresh_numbers.size()];
    bill["customer"] = {{"phone", std::to_string(number)}};
    bill["customer_category"] = "contact_sheet";
    bill["was_contacted_before"] = true;
  }
  bill["items"] = bill_items(rng);
  return bill;
}

const std::string& CounterBills::known_phone(std::mt19937_64& rng) const {
  return known_phones_[rng() % known_phones_.size()];
}

void CounterBills::remember(const std::string& phone) { known_phones_.push_back(phone); }

}  // namespace rx::bench
