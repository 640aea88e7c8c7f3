#include "insights_api/contact_times_repository.h"

#include "storage/table.h"

#include <string>

namespace rx::insights_api {
namespace {

using contacts::InteractionOutcome;

constexpr storage::Table kAttempt{storage::column("occurred_at", &CallAttempt::occurred_at),
                                  storage::column("outcome", &CallAttempt::outcome)};

// The outcomes named in SQL are the ones is_call_attempt accepts; the index on
// (shop_id, occurred_at) finds the span.
const std::string& select_sql(bool by_staff) {
  static const std::string base =
      "SELECT " + kAttempt.select_list() +
      " FROM contact_interactions WHERE shop_id = ? AND occurred_at >= ? AND occurred_at < ?"
      " AND kind = 'call' AND outcome IN ('answered', 'interested', 'not_interested',"
      " 'callback_requested', 'wrong_number', 'no_answer', 'busy', 'switched_off')";
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

}  // namespace rx::insights_api
