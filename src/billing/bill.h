#pragma once

#include "core/time_zone.h"
#include "customers/customer.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rx::billing {

// Money is integer paise; one bill may not pass 10^12 paise (₹1,000 crore).
inline constexpr std::int64_t kMaxBillPaise = 1'000'000'000'000LL;

struct BillItemInput {
  std::string medicine;
  std::int64_t quantity = 1;
  std::int64_t unit_price_paise = 0;
  std::optional<std::int64_t> duration_days;
  bool is_generic = false;
  // The counter asked "How many days will this last?" and the answer was skipped (only for a
  // line without duration_days).
  bool duration_skipped = false;
};

struct BillInput {
  customers::CustomerFields customer;  // phone required
  std::optional<customers::CustomerCategory> customer_category;
  bool was_contacted_before = false;
  std::vector<BillItemInput> items;
  std::optional<std::int64_t> billed_at;  // back-dating: owners and managers only
  std::optional<std::string> notes;
  bool visited_but_no_purchase = false;
};

// The day a line's medicine runs out: the bill's date plus the line's duration. The bill's
// answer, a bill read later and the purchase row all give this date.
inline std::optional<std::string> run_out_date(std::string_view bill_date,
                                               std::optional<std::int64_t> duration_days) {
  if (!duration_days) return std::nullopt;
  return core::add_days(bill_date, static_cast<int>(*duration_days));
}

struct BillItem {
  std::int64_t id = 0;
  int line_no = 0;
  std::string medicine;
  std::int64_t quantity = 0;
  std::int64_t unit_price_paise = 0;
  std::int64_t amount_paise = 0;
  std::optional<std::int64_t> duration_days;
  bool is_generic = false;
  std::optional<std::string> runs_out_on;
  bool duration_skipped = false;
};

struct Bill {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  std::optional<std::string> customer_name;
  std::string customer_phone;
  std::optional<std::int64_t> staff_id;
  std::int64_t billed_at = 0;
  std::string bill_date;
  std::optional<customers::CustomerCategory> customer_category;
  bool was_contacted_before = false;
  bool visited_but_no_purchase = false;
  std::int64_t total_paise = 0;
  std::optional<std::string> notes;
  std::int64_t item_count = 0;
  std::vector<BillItem> items;  // filled for a single bill
};

struct BillFilter {
  std::optional<std::string> from;  // bill_date >= from
  std::optional<std::string> to;    // bill_date <= to
  std::optional<std::int64_t> customer_id;
  std::optional<std::int64_t> staff_id;
};

struct Purchase {
  std::int64_t id = 0;
  std::int64_t bill_id = 0;
  std::string medicine;
  std::int64_t quantity = 0;
  std::int64_t amount_paise = 0;
  bool is_generic = false;
  std::string purchased_on;
  std::optional<std::int64_t> duration_days;
  std::optional<std::string> runs_out_on;
};

}  // namespace rx::billing
