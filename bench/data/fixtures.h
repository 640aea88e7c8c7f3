#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace rx::bench {

// One shop of fixtures.tsv, the file make_dataset writes for the load tools (see
// shop_filler.h, fixture_line).
struct ShopFixture {
  std::int64_t id = 0;
  std::string owner_token;
  std::vector<std::int64_t> contact_ids;     // sampled from the shop's contact list
  std::vector<std::string> customer_phones;  // customers with bills, spelled as typed
  std::vector<std::uint64_t> fresh_numbers;  // contact-sheet numbers without a bill yet
  std::vector<std::string> staff_emails;     // password kBenchPassword
};

// Reads every line of `path`; throws std::runtime_error naming the line on a malformed one.
std::vector<ShopFixture> read_fixtures(const std::string& path);

}  // namespace rx::bench
