#pragma once

#include "scale.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace rx::bench {

inline constexpr const char* kBenchPassword = "bench-password";  // every account's

// One shop of the dataset, filled in as it is created, imported and used through the API.
struct ShopState {
  int index = 0;
  unsigned seed = 0;
  std::int64_t id = 0;
  std::string email;
  std::string token;
  std::vector<std::uint64_t> numbers;     // the sheet's distinct valid numbers
  std::vector<std::int64_t> contact_ids;  // sampled from the contact list
  std::vector<std::uint64_t> customers;   // numbers that have bills
  std::vector<std::string> staff_emails;  // the accounts fill_telecalling created
};

struct Totals {
  std::atomic<std::int64_t> staff{0};
  std::atomic<std::int64_t> interactions{0};
  std::atomic<std::int64_t> bills{0};
};

// The HTTP API part of one shop, against the server at `server` (http://HOST:PORT), signed in as
// its owner. The two run in parallel (they touch different fields of `shop`); any answer other
// than 2xx throws.

// The telecallers: staff accounts, an assignment round, their calls. Samples the contact ids
// the detail benchmark asks for, and keeps the owner's token for the load scripts.
void fill_telecalling(const std::string& server, const Scale& scale, ShopState& shop,
                      Totals& totals);

// The counter: the shop's bills in time order (returning customers need their first bill).
void fill_counter(const std::string& server, const Scale& scale, ShopState& shop, Totals& totals);

// Its line of fixtures.tsv: id, token, contact ids, customers' phones as the counter types them,
// the unbilled second half of the sheet (for the load test's conversions), and the staff's
// emails (their password is kBenchPassword).
std::string fixture_line(const ShopState& shop);

}  // namespace rx::bench
