#include "insights_api/refill_feature_repository.h"

#include "core/time_zone.h"
#include "refills/refill_reminder.h"
#include "reports/pdc.h"
#include "storage/codec.h"
#include "storage/table.h"

#include <algorithm>
#include <map>
#include <string>

namespace rx::insights_api {
namespace {
// Named apart so that a unity build of the folder keeps these names to this file.
namespace refill_history {

using insights::RefillSnapshot;
using refills::RefillChannel;
using refills::RefillStatus;
using storage::column;

constexpr std::int64_t kDay = 24LL * 60 * 60 * 1000;
// PDC is measured over the year before the snapshot.
constexpr int kPdcWindowDays = 365;

struct ReminderRow {
  core::RefillReminderId id;
  std::int64_t customer_id = 0;
  std::optional<std::int64_t> purchase_id;
  std::string medicine_key;
  std::string runs_out_on;
  std::string remind_on;
  RefillStatus status = RefillStatus::kPending;
  std::optional<RefillChannel> sent_channel;
  std::optional<std::int64_t> sent_at;
  std::optional<std::int64_t> responded_at;
  std::int64_t created_at = 0;
};

constexpr storage::Table kReminderRow{column("id", &ReminderRow::id),
                                      column("customer_id", &ReminderRow::customer_id),
                                      column("purchase_id", &ReminderRow::purchase_id),
                                      column("medicine_key", &ReminderRow::medicine_key),
                                      column("runs_out_on", &ReminderRow::runs_out_on),
                                      column("remind_on", &ReminderRow::remind_on),
                                      column("status", &ReminderRow::status),
                                      column("sent_channel", &ReminderRow::sent_channel),
                                      column("sent_at", &ReminderRow::sent_at),
                                      column("responded_at", &ReminderRow::responded_at),
                                      column("created_at", &ReminderRow::created_at)};

// One purchased line, known from the moment its bill was made.
struct PurchaseRow {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  std::string medicine_key;
  std::string purchased_on;
  std::optional<std::int64_t> duration_days;
  std::int64_t billed_at = 0;
};

constexpr storage::Table kPurchaseRow{column("p.id", &PurchaseRow::id),
                                      column("p.customer_id", &PurchaseRow::customer_id),
                                      column("p.medicine_key", &PurchaseRow::medicine_key),
                                      column("p.purchased_on", &PurchaseRow::purchased_on),
                                      column("p.duration_days", &PurchaseRow::duration_days),
                                      column("b.billed_at", &PurchaseRow::billed_at)};

struct CustomerRow {
  std::int64_t id = 0;
  std::string category;
  std::string whatsapp_status;
  std::optional<std::int64_t> whatsapp_status_at;
  bool chronic = false;
};

constexpr storage::Table kCustomerRow{
    column("cu.id", &CustomerRow::id), column("cu.category", &CustomerRow::category),
    column("cu.whatsapp_status", &CustomerRow::whatsapp_status),
    column("cu.whatsapp_status_at", &CustomerRow::whatsapp_status_at),
    column("CASE WHEN EXISTS (SELECT 1 FROM customer_conditions cc WHERE cc.shop_id = cu.shop_id "
           "AND cc.customer_id = cu.id) THEN 1 ELSE 0 END",
           &CustomerRow::chronic)};

// Which customers' history to read: the whole shop, one customer, or the customers that have an
// open reminder without a risk. `column` is the customer id column of the table read.
struct Scope {
  enum class Kind { kShop, kCustomer, kUnscored } kind = Kind::kShop;
  std::int64_t customer_id = 0;

  std::string sql(std::string_view column) const {
    switch (kind) {
      case Kind::kShop:
        return "";
      case Kind::kCustomer:
        return " AND " + std::string(column) + " = ?";
      case Kind::kUnscored:
        return " AND " + std::string(column) +
               " IN (SELECT u.customer_id FROM refill_reminders u WHERE u.shop_id = ? AND "
               "u.status IN ('pending', 'sent') AND u.lapse_risk_ppm IS NULL)";
    }
    return "";
  }
  void bind(storage::Params& params, core::ShopId shop_id) const {
    if (kind == Kind::kCustomer) params.emplace_back(customer_id);
    if (kind == Kind::kUnscored) params.emplace_back(shop_id.value());
  }
};

struct CustomerHistory {
  CustomerRow customer;
  std::vector<ReminderRow> reminders;  // by run-out day, then id
  std::vector<PurchaseRow> purchases;  // by bill time, then id
};

// Everything of the scope's customers a snapshot may need, in three queries.
struct ShopHistory {
  std::string time_zone;
  std::map<std::int64_t, CustomerHistory> customers;
};

ShopHistory load(storage::Connection& c, core::ShopId shop_id, const Scope& scope) {
  ShopHistory h;
  h.time_zone =
      storage::first_row_as(
          c, "SELECT time_zone FROM shops WHERE id = ?", {shop_id.value()},
          [](const storage::RowView& r) { return storage::Codec<std::string>::read(r, 0); })
          .value_or("UTC");
  storage::Params params{shop_id.value()};
  scope.bind(params, shop_id);
  c.for_each_row("SELECT " + kCustomerRow.select_list() +
                     " FROM customers cu WHERE cu.shop_id = ?" + scope.sql("cu.id"),
                 params, [&](const storage::RowView& r) {
                   CustomerRow row = kCustomerRow.read(r);
                   h.customers[row.id].customer = std::move(row);
                 });
  c.for_each_row("SELECT " + kReminderRow.select_list() +
                     " FROM refill_reminders WHERE shop_id = ? AND medicine_key <> ''" +
                     scope.sql("customer_id") + " ORDER BY customer_id, runs_out_on, id",
                 params, [&](const storage::RowView& r) {
                   ReminderRow row = kReminderRow.read(r);
                   const auto it = h.customers.find(row.customer_id);
                   if (it != h.customers.end()) it->second.reminders.push_back(std::move(row));
                 });
  c.for_each_row("SELECT " + kPurchaseRow.select_list() +
                     " FROM customer_purchases p JOIN bills b ON b.shop_id = p.shop_id AND "
                     "b.id = p.bill_id WHERE p.shop_id = ?" +
                     scope.sql("p.customer_id") + " ORDER BY p.customer_id, b.billed_at, p.id",
                 params, [&](const storage::RowView& r) {
                   PurchaseRow row = kPurchaseRow.read(r);
                   const auto it = h.customers.find(row.customer_id);
                   if (it != h.customers.end()) it->second.purchases.push_back(std::move(row));
                 });
  return h;
}

// How a refill went, judged from purchases known at `as_of`: the first purchase of the medicine
// (other than the one that made the reminder) from the reminder's first day on.
struct Outcome {
  RefillSnapshot::History history = RefillSnapshot::History::kLapsed;
  int days_late = 0;  // from run-out to that purchase (0 when early), or to `today` when none
};

Outcome outcome_of(const ReminderRow& r, const std::vector<PurchaseRow>& purchases,
                   std::int64_t as_of, const std::string& today) {
  const std::string& from = std::min(r.remind_on, r.runs_out_on);
  std::optional<std::string> first;
  for (const PurchaseRow& p : purchases) {
    if (p.billed_at > as_of) break;
    if (p.medicine_key != r.medicine_key || (r.purchase_id && p.id == *r.purchase_id)) continue;
    if (p.purchased_on < from) continue;
    if (!first || p.purchased_on < *first) first = p.purchased_on;
  }
  Outcome out;
  const std::string last_day = core::add_days(r.runs_out_on, kLapseGraceDays);
  if (!first) {
    out.days_late = std::max(0, core::days_between(r.runs_out_on, today));
    return out;
  }
  out.days_late = std::max(0, core::days_between(r.runs_out_on, *first));
  if (*first <= r.runs_out_on) {
    out.history = RefillSnapshot::History::kOnTime;
  } else if (*first <= last_day) {
    out.history = RefillSnapshot::History::kLate;
  }
  return out;
}

int category_index(const std::string& category) {
  if (category == "first_time_prescription") return 1;
  if (category == "regular_branded") return 2;
  if (category == "generic_informed") return 3;
  return 0;  // contact_sheet
}

// The snapshot of `r` at `as_of` (the shop's date `today`) from its customer's history.
RefillSnapshot build(const ReminderRow& r, const CustomerHistory& h, std::int64_t as_of,
                     const std::string& today) {
  RefillSnapshot s;
  double late_days = 0;
  int lapsed = 0, due = 0, answered = 0;
  for (const ReminderRow& other : h.reminders) {
    if (other.id == r.id || other.created_at > as_of) continue;
    if (other.remind_on < today) {
      ++due;
      if (other.responded_at && *other.responded_at <= as_of) ++answered;
    }
    // Judged once its grace days are over, before `today`.
    if (core::add_days(other.runs_out_on, kLapseGraceDays) >= today) continue;
    const Outcome o = outcome_of(other, h.purchases, as_of, today);
    ++s.past_refills;
    late_days += o.days_late;
    if (o.history == RefillSnapshot::History::kLapsed) ++lapsed;
    s.history = o.history;  // reminders are in run-out order: the last one judged wins
  }
  if (s.past_refills > 0) {
    s.mean_days_late = late_days / s.past_refills;
    s.lapsed_share = static_cast<double>(lapsed) / s.past_refills;
  }
  if (due > 0) s.reminder_answer_share = static_cast<double>(answered) / due;

  std::vector<reports::PdcPurchase> supplies;
  std::optional<std::int64_t> last_visit;
  for (const PurchaseRow& p : h.purchases) {
    if (p.billed_at > as_of) break;
    last_visit = p.billed_at;
    if (p.duration_days && *p.duration_days > 0)
      supplies.push_back(
          {p.medicine_key, p.medicine_key, p.purchased_on, static_cast<int>(*p.duration_days)});
  }
  if (auto pdc = reports::customer_pdc(std::move(supplies), today, kPdcWindowDays))
    s.pdc = pdc->pdc / 100.0;
  if (last_visit) s.days_since_last_visit = static_cast<double>(as_of - *last_visit) / kDay;

  s.chronic = h.customer.chronic;
  s.category = category_index(h.customer.category);
  if (r.sent_channel && r.sent_at && *r.sent_at <= as_of) {
    s.channel = *r.sent_channel == RefillChannel::kWhatsapp ? RefillSnapshot::Channel::kWhatsapp
                : *r.sent_channel == RefillChannel::kSms    ? RefillSnapshot::Channel::kSms
                                                            : RefillSnapshot::Channel::kCall;
  } else if (h.customer.whatsapp_status == "active" && h.customer.whatsapp_status_at &&
             *h.customer.whatsapp_status_at <= as_of) {
    s.channel = RefillSnapshot::Channel::kWhatsapp;
  }
  return s;
}

bool is_scored_open(RefillStatus status) {
  return status == RefillStatus::kPending || status == RefillStatus::kSent;
}

}  // namespace refill_history
}  // namespace

std::optional<insights::RefillSnapshot> RefillFeatureRepository::snapshot(storage::Connection& c,
                                                                          core::ShopId shop_id,
                                                                          core::RefillReminderId id,
                                                                          std::int64_t as_of_ms) {
  const std::optional<std::int64_t> customer = storage::first_row_as(
      c, "SELECT customer_id FROM refill_reminders WHERE shop_id = ? AND id = ?",
      {shop_id.value(), id.value()},
      [](const storage::RowView& r) { return storage::Codec<std::int64_t>::read(r, 0); });
  if (!customer) return std::nullopt;
  refill_history::Scope scope;
  scope.kind = refill_history::Scope::Kind::kCustomer;
  scope.customer_id = *customer;
  const refill_history::ShopHistory h = refill_history::load(c, shop_id, scope);
  const auto it = h.customers.find(*customer);
  if (it == h.customers.end()) return std::nullopt;
  const std::string today = core::local_date(as_of_ms, h.time_zone);
  for (const refill_history::ReminderRow& r : it->second.reminders)
    if (r.id == id) return refill_history::build(r, it->second, as_of_ms, today);
  return std::nullopt;  // an erased reminder (no medicine left to match)
}

std::vector<OpenReminder> RefillFeatureRepository::open_reminders(storage::Connection& c,
                                                                  core::ShopId shop_id,
                                                                  std::int64_t as_of_ms,
                                                                  bool unscored_only) {
  std::vector<std::int64_t> unscored;
  refill_history::Scope scope;
  if (unscored_only) {
    // Read first, so that a pass with nothing new reads nothing else.
    unscored = storage::rows_as(
        c,
        "SELECT id FROM refill_reminders WHERE shop_id = ? AND status IN ('pending', 'sent') "
        "AND lapse_risk_ppm IS NULL",
        {shop_id.value()},
        [](const storage::RowView& r) { return storage::Codec<std::int64_t>::read(r, 0); });
    if (unscored.empty()) return {};
    std::sort(unscored.begin(), unscored.end());
    scope.kind = refill_history::Scope::Kind::kUnscored;
  }
  const refill_history::ShopHistory h = refill_history::load(c, shop_id, scope);
  const std::string today = core::local_date(as_of_ms, h.time_zone);
  std::vector<OpenReminder> out;
  for (const auto& [customer, history] : h.customers) {
    for (const refill_history::ReminderRow& r : history.reminders) {
      if (!refill_history::is_scored_open(r.status)) continue;
      if (unscored_only && !std::binary_search(unscored.begin(), unscored.end(), r.id.value()))
        continue;
      out.push_back({r.id, refill_history::build(r, history, as_of_ms, today)});
    }
  }
  std::sort(out.begin(), out.end(), [](const OpenReminder& a, const OpenReminder& b) {
    return a.id.value() < b.id.value();
  });
  return out;
}

// Each labelled reminder is seen as of the start of its remind_on day in the shop's zone (or its
// creation, when a bill made it later than that): the moment it first stood on the day's refill
// list, which is when its risk orders the calls.
std::vector<LabelledReminder> RefillFeatureRepository::labelled(storage::Connection& c,
                                                                core::ShopId shop_id,
                                                                std::int64_t now_ms) {
  const refill_history::ShopHistory h = refill_history::load(c, shop_id, {});
  const std::string today = core::local_date(now_ms, h.time_zone);
  std::vector<LabelledReminder> out;
  for (const auto& [customer, history] : h.customers) {
    for (const refill_history::ReminderRow& r : history.reminders) {
      if (core::add_days(r.runs_out_on, kLapseGraceDays) >= today) continue;
      const std::int64_t as_of =
          std::max(r.created_at, core::start_of_local_day(r.remind_on, h.time_zone));
      const std::string as_of_day = core::local_date(as_of, h.time_zone);
      LabelledReminder row;
      row.id = r.id;
      row.snapshot = refill_history::build(r, history, as_of, as_of_day);
      row.runs_out_at = core::start_of_local_day(r.runs_out_on, h.time_zone);
      row.as_of = as_of;
      row.lapsed = refill_history::outcome_of(r, history.purchases, now_ms, today).history ==
                   insights::RefillSnapshot::History::kLapsed;
      out.push_back(std::move(row));
    }
  }
  return out;
}

}  // namespace rx::insights_api
