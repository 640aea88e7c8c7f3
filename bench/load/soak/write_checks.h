#pragma once

#include "fixtures.h"
#include "write_ledger.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rx::bench {

// Each shop's bill count before the soak: the check afterwards expects exactly the
// acknowledged bills on top of it.
std::vector<std::int64_t> count_bills(const std::string& server,
                                      const std::vector<ShopFixture>& shops);

struct WriteCheckResult {
  std::vector<std::string> failures;
  std::int64_t bills = 0;         // acknowledged bills found with their customer and total
  std::int64_t customers = 0;     // customers whose visit count and spend match their bills
  std::int64_t conversions = 0;   // converted contacts naming the bill that converted them
  std::int64_t interactions = 0;  // acknowledged interactions found on their contact
  std::int64_t uploads = 0;       // uploads whose imported contacts are all listed
  std::int64_t upload_contacts = 0;
};

// Finds every write the soak acknowledged again through the API of `server`, as each shop's
// owner, once the load has stopped (nothing moves under the paging):
// - bills: each shop lists exactly its earlier bills plus the acknowledged ones (plus at most
//   the ones sent without an answer), each with the customer and total its answer gave;
// - customers: every customer's visit_count and total_spent_paise equal their listed bills;
// - conversions: each contact a bill reported converting is `converted` by that very bill, and
//   no contact was reported converted by two bills;
// - interactions: each acknowledged one is in its contact's interaction list;
// - uploads: each upload answered 201 lists as many contacts as it `imported`.
WriteCheckResult check_writes(const std::string& server, const std::vector<ShopFixture>& shops,
                              const std::vector<std::int64_t>& bills_before,
                              const WriteLedger& ledger, int threads);

}  // namespace rx::bench
