#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <random>
#include <vector>

namespace rx::bench {

// A shop's counter history: bills spread over the last 90 days in time order, so refill
// reminders fall due around today. About half are first bills of contact-sheet numbers (they
// convert the contact), a third walk-ins with new numbers, the rest returning customers.
struct BillPlan {
  std::vector<nlohmann::json> bills;     // bodies for POST /api/bills
  std::vector<std::uint64_t> customers;  // distinct national numbers that have a bill
};

// `sheet_numbers` are the shop's contact numbers; only the first half is billed, so the second
// half stays free for the load test's conversions. `now_ms` anchors the dates (the only input
// that is not fixed by `seed`).
BillPlan plan_bills(const std::vector<std::uint64_t>& sheet_numbers, int count, unsigned seed,
                    std::int64_t now_ms);

// A bill's `items`: one to three of ten common medicines, most with a duration (so they get
// refill reminders), a quarter generic.
nlohmann::json bill_items(std::mt19937_64& rng);

// Bodies for POST /api/customer-tracking/contacts/{id}/interactions: the telecallers' calls.
std::vector<nlohmann::json> plan_interactions(int count, unsigned seed);

}  // namespace rx::bench
