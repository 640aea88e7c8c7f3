#include "insights_api/contact_times_repository.h"

#include "storage/table.h"

#include <algorithm>
#include <string>

namespace rx::insights_api {
namespace {

using contacts::InteractionOutcome;

constexpr storage::Table kAttempt{storage::column("occurred_at", &CallAttempt::occurred_at),
                                  storage::column("outcome", &CallAttempt::outcome)};

constexpr storage::Table kContactAttempt{
    storage::column("contact_id", &ContactCallAttempt::contact_id),
    storage::column("occurred_at", &ContactCallAttempt::occurred_at),
    storage::column("outcome", &ContactCallAttempt::outcome)};

constexpr std::string_view kCallOutcomes =
    " AND kind = 'call' AND outcome IN ('answered', 'interested', 'not_interested',"
    " 'callback_requested', 'wrong_number', 'no_answer', 'busy', 'switched_off')";

// The outcomes named in SQL are the ones is_call_attempt accepts; the index on
// (shop_id, occurred_at) finds the span.
const std::string& select_sql(bool by_staff) {
  static const std::string base =
      "SELECT " + kAttempt.select_list() +
      " FROM contact_interactions WHERE shop_id = ? AND occurred_at >= ? AND occurred_at < ?" +
      std::string(kCallOutcomes);
  static const std::string staff = base + " AND staff_id = ?";
  return by_staff ? staff : base;
}

}  // namespace

// Every logged outcome is a call's except the visit rxtrack records itself.
bool is_call_attempt(InteractionOutcome outcome) {
  return outcome != InteractionOutcome::kVisitedNoPurchase;
}

std::vector<CallAttempt> ContactTimesRepository::call_attempts(storage::Connection& c,
                                                               core::ShopId shop_id,
                                                               const CallQuery& query) {
  storage::Params params{shop_id.value(), query.from_ms, query.to_ms};
  if (query.staff_id) params.emplace_back(query.staff_id->value());
  return storage::rows_as(c, select_sql(query.staff_id.has_value()), params,
                          [](const storage::RowView& row) { return kAttempt.read(row); });
}

// The index on (shop_id, contact_id, created_at) finds each contact's rows. The id list is padded
// (repeating the last id) to a power of two, so the engines prepare a handful of statements for
// every page size rather than one each.
std::vector<ContactCallAttempt> ContactTimesRepository::contact_call_attempts(
    storage::Connection& c, core::ShopId shop_id, const std::vector<std::int64_t>& contact_ids) {
  if (contact_ids.empty()) return {};
  std::string sql = "SELECT " + kContactAttempt.select_list() +
                    " FROM contact_interactions WHERE shop_id = ? AND contact_id IN (?";
  storage::Params params{shop_id.value(), contact_ids.front()};
  std::size_t padded = 1;
  while (padded < contact_ids.size()) padded *= 2;
  for (std::size_t i = 1; i < padded; ++i) {
    sql += ", ?";
    params.emplace_back(contact_ids[std::min(i, contact_ids.size() - 1)]);
  }
  sql += ")";
  sql += kCallOutcomes;
  return storage::rows_as(c, sql, params,
                          [](const storage::RowView& row) { return kContactAttempt.read(row); });
}

}  // namespace rx::insights_api
