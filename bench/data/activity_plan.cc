#include "activity_plan.h"

#include "phone/phone_normalizer.h"
#include "sheet_generator.h"

#include <array>
#include <ctime>
#include <random>
#include <string>
#include <unordered_set>

namespace rx::bench {
namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
constexpr int kHistoryDays = 90;

struct Medicine {
  const char* name;
  int duration_days;  // 0: taken once, no refill
  int unit_price_paise;
};

constexpr std::array<Medicine, 10> kMedicines = {{{"Metformin 500mg", 30, 350},
                                                  {"Thyronorm 50mcg", 30, 180},
                                                  {"Amlodipine 5mg", 30, 220},
                                                  {"Atorvastatin 10mg", 30, 540},
                                                  {"Telmisartan 40mg", 30, 410},
                                                  {"Glimepiride 2mg", 60, 300},
                                                  {"Pantoprazole 40mg", 15, 160},
                                                  {"Azithromycin 500mg", 0, 900},
                                                  {"Paracetamol 650mg", 0, 30},
                                                  {"Cetirizine 10mg", 0, 25}}};
constexpr std::array<const char*, 3> kWalkInCategories = {"first_time_prescription",
                                                          "regular_branded", "generic_informed"};
constexpr std::array<const char*, 6> kWalkInNames = {"Suresh Rao",  "Lakshmi Menon", "Farhan Khan",
                                                     "Kavya Reddy", "Ishaan Joshi",  "Diya Pillai"};
constexpr std::array<const char*, 4> kKinds = {"call", "call", "whatsapp", "sms"};
constexpr std::array<const char*, 8> kOutcomes = {
    "answered",     "no_answer",  "busy",           "switched_off",
    "wrong_number", "interested", "not_interested", "callback_requested"};

std::string iso_utc(std::int64_t ms) {
  const std::time_t seconds = ms / 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

}  // namespace

nlohmann::json bill_items(std::mt19937_64& rng) {
  nlohmann::json out = nlohmann::json::array();
  const int count = 1 + static_cast<int>(rng() % 3);
  for (int i = 0; i < count; ++i) {
    const Medicine& m = kMedicines[rng() % kMedicines.size()];
    nlohmann::json item = {{"medicine", m.name},
                           {"quantity", m.duration_days > 0 ? m.duration_days : 10},
                           {"unit_price_paise", m.unit_price_paise},
                           {"is_generic", rng() % 4 == 0}};
    if (m.duration_days > 0) item["duration_days"] = m.duration_days;
    out.push_back(std::move(item));
  }
  return out;
}

BillPlan plan_bills(const std::vector<std::uint64_t>& sheet_numbers, int count, unsigned seed,
                    std::int64_t now_ms) {
  std::mt19937_64 rng(seed);
  const phone::PhoneNormalizer normalizer("IN");
  const std::size_t billable = sheet_numbers.size() / 2;
  std::unordered_set<std::uint64_t> billed;
  BillPlan plan;
  std::size_t next_contact = 0;
  const std::int64_t start = now_ms - kHistoryDays * kDayMs;
  const std::int64_t step = kHistoryDays * kDayMs / std::max(count, 1);
  for (int i = 0; i < count; ++i) {
    const auto roll = rng() % 10;
    nlohmann::json bill = {{"was_contacted_before", false}};
    std::uint64_t number = 0;
    if (roll < 5 && next_contact < billable) {
      // Spread over the billable half, so conversions are not all at the top of the sheet.
      number = sheet_numbers[(next_contact++ * 7919) % billable];
      bill["was_contacted_before"] = true;
      bill["customer_category"] = "contact_sheet";
    } else if (roll < 8 || plan.customers.empty()) {
      do {
        number = 9'800'000'000ULL + rng() % 99'999'999ULL;
      } while (!normalizer.normalize(std::to_string(number)));
      bill["customer_category"] = kWalkInCategories[rng() % kWalkInCategories.size()];
    } else {
      number = plan.customers[rng() % plan.customers.size()];
    }
    bool numeric = false;
    nlohmann::json customer = {
        {"phone", spell_phone(number, static_cast<unsigned>(rng()), numeric)}};
    if (!bill.contains("customer_category") || bill["customer_category"] != "contact_sheet") {
      customer["name"] = kWalkInNames[rng() % kWalkInNames.size()];
    }
    if (rng() % 3 == 0) customer["whatsapp_consent"] = true;
    bill["customer"] = std::move(customer);
    bill["items"] = bill_items(rng);
    bill["billed_at"] = iso_utc(start + step * i + static_cast<std::int64_t>(rng() % 3600000));
    plan.bills.push_back(std::move(bill));
    if (billed.insert(number).second) plan.customers.push_back(number);
  }
  return plan;
}

std::vector<nlohmann::json> plan_interactions(int count, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::vector<nlohmann::json> out;
  for (int i = 0; i < count; ++i) {
    nlohmann::json body = {{"kind", kKinds[rng() % kKinds.size()]},
                           {"outcome", kOutcomes[rng() % kOutcomes.size()]}};
    if (rng() % 4 == 0) body["notes"] = "Asked to call back after the weekend";
    out.push_back(std::move(body));
  }
  return out;
}

}  // namespace rx::bench
