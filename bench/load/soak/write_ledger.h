#pragma once

#include <cstdint>
#include <map>
#include <vector>

namespace rx::bench {

// Every write the server acknowledged during the soak, as the answers described it, so the
// checks afterwards can find each one again through the API. `shop` indexes the fixtures.
struct AckedBill {
  std::size_t shop = 0;
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  std::int64_t total_paise = 0;
  std::int64_t converted_contact_id = 0;  // 0: the answer's `conversion` was null
};

struct AckedInteraction {
  std::size_t shop = 0;
  std::int64_t contact_id = 0;
  std::int64_t id = 0;
};

struct AckedUpload {
  std::size_t shop = 0;
  std::int64_t id = 0;
  std::int64_t imported = 0;
};

struct WriteLedger {
  std::vector<AckedBill> bills;
  std::vector<AckedInteraction> interactions;
  std::vector<AckedUpload> uploads;
  // Bills sent without any answer (the connection failed): stored or not, nobody knows.
  std::map<std::size_t, std::int64_t> unanswered_bills;  // by shop

  void merge(const WriteLedger& other) {
    bills.insert(bills.end(), other.bills.begin(), other.bills.end());
    interactions.insert(interactions.end(), other.interactions.begin(), other.interactions.end());
    uploads.insert(uploads.end(), other.uploads.begin(), other.uploads.end());
    for (const auto& [shop, count] : other.unanswered_bills) unanswered_bills[shop] += count;
  }
};

}  // namespace rx::bench
