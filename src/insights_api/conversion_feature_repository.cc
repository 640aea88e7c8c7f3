#include "insights_api/conversion_feature_repository.h"

#include "contacts/contact_types.h"
#include "contacts/upload_repository.h"
#include "insights_api/contact_times_repository.h"
#include "phone/number_type.h"
#include "storage/conditions.h"
#include "storage/table.h"

#include <algorithm>
#include <map>
#include <span>
#include <string>

namespace rx::insights_api {
namespace {

using contacts::ContactStatus;
using contacts::InteractionKind;
using contacts::InteractionOutcome;
using contacts::WhatsappStatus;
using insights::ContactSnapshot;
using storage::column;

// What a snapshot needs of the contact row itself.
struct ContactRow {
  core::ContactId id;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> upload_id;
  ContactStatus status = ContactStatus::kPending;
  std::string phone_type;
  WhatsappStatus whatsapp_status = WhatsappStatus::kUnknown;
  std::optional<std::int64_t> whatsapp_status_at;
  std::optional<std::int64_t> converted_at;
  bool earlier_customer = false;
};

// A customer with the contact's phone made before the contact's upload: known at upload time.
// Read through a join on the customers' unique (shop_id, phone), so that a whole shop's read is
// one join (PostgreSQL hashes the shop's customers) rather than a subquery run for each contact.
constexpr storage::Table kContactRow{
    column("cr.id", &ContactRow::id),
    column("cr.created_at", &ContactRow::created_at),
    column("cr.upload_id", &ContactRow::upload_id),
    column("cr.status", &ContactRow::status),
    column("cr.phone_type", &ContactRow::phone_type),
    column("cr.whatsapp_status", &ContactRow::whatsapp_status),
    column("cr.whatsapp_status_at", &ContactRow::whatsapp_status_at),
    column("cr.converted_at", &ContactRow::converted_at),
    column("CASE WHEN cu.created_at < cr.created_at THEN 1 ELSE 0 END",
           &ContactRow::earlier_customer)};

struct Touch {
  core::ContactId contact_id;
  InteractionKind kind = InteractionKind::kCall;
  InteractionOutcome outcome = InteractionOutcome::kAnswered;
  std::int64_t occurred_at = 0;
};

constexpr storage::Table kTouch{column("contact_id", &Touch::contact_id),
                                column("kind", &Touch::kind), column("outcome", &Touch::outcome),
                                column("occurred_at", &Touch::occurred_at)};

const std::string& select_contacts() {
  static const std::string sql =
      "SELECT " + kContactRow.select_list() +
      " FROM contact_records cr LEFT JOIN customers cu ON cu.shop_id = cr.shop_id AND "
      "cu.phone = cr.phone WHERE cr.shop_id = ?";
  return sql;
}

// Interactions that had happened by the bound instant, oldest first within each contact.
const std::string& select_touches(bool one_contact) {
  static const std::string all = "SELECT " + kTouch.select_list() +
                                 " FROM contact_interactions WHERE shop_id = ? AND "
                                 "occurred_at <= ? ORDER BY contact_id, occurred_at, id";
  static const std::string one = "SELECT " + kTouch.select_list() +
                                 " FROM contact_interactions WHERE shop_id = ? AND contact_id = ? "
                                 "AND occurred_at <= ? ORDER BY occurred_at, id";
  return one_contact ? one : all;
}

ContactSnapshot::LastOutcome last_outcome_of(InteractionOutcome o) {
  using L = ContactSnapshot::LastOutcome;
  switch (o) {
    case InteractionOutcome::kAnswered:
      return L::kAnswered;
    case InteractionOutcome::kInterested:
      return L::kInterested;
    case InteractionOutcome::kNotInterested:
    case InteractionOutcome::kDoNotCall:  // asked not to be called: the same no
      return L::kNotInterested;
    case InteractionOutcome::kCallbackRequested:
      return L::kCallbackRequested;
    case InteractionOutcome::kWrongNumber:
      return L::kWrongNumber;
    case InteractionOutcome::kNoAnswer:
      return L::kNoAnswer;
    case InteractionOutcome::kBusy:
      return L::kBusy;
    case InteractionOutcome::kSwitchedOff:
    case InteractionOutcome::kVisitedNoPurchase:
      return L::kSwitchedOff;
  }
  return L::kNoCall;
}

// A contact's phone_type is stored as libphonenumber's kind, spelled by phone::to_string.
bool is_mobile(const std::string& phone_type) {
  using phone::NumberType;
  return phone_type == phone::to_string(NumberType::kMobile) ||
         phone_type == phone::to_string(NumberType::kFixedLineOrMobile) ||
         phone_type == phone::to_string(NumberType::kUnknown);
}

// How many of a sheet's contacts there are and when those converted (sorted): the sheet's rate
// as of any moment.
struct SheetConversions {
  std::int64_t contacts = 0;
  std::vector<std::int64_t> converted_at;

  double rate_before(std::int64_t as_of) const {
    if (contacts == 0) return 0;
    const auto before = std::lower_bound(converted_at.begin(), converted_at.end(), as_of);
    return static_cast<double>(before - converted_at.begin()) / static_cast<double>(contacts);
  }
};

// The snapshot of `row` at `as_of` from its interactions (oldest first; later ones are skipped).
ContactSnapshot build(const ContactRow& row, std::span<const Touch> touches, double sheet_rate,
                      std::int64_t as_of) {
  ContactSnapshot s;
  std::int64_t last_call_at = 0;
  for (const Touch& t : touches) {
    if (t.occurred_at > as_of) break;
    if (t.outcome == InteractionOutcome::kInterested) s.ever_interested = true;
    if (t.kind != InteractionKind::kCall || !is_call_attempt(t.outcome)) continue;
    ++s.call_attempts;
    s.last_outcome = last_outcome_of(t.outcome);
    last_call_at = t.occurred_at;
    if (is_reached(t.outcome)) {
      ++s.calls_reached;
      s.callback_requested = t.outcome == InteractionOutcome::kCallbackRequested;
    }
  }
  const double day = static_cast<double>(kDayMs);
  if (s.call_attempts > 0)
    s.days_since_last_call = std::max(0.0, static_cast<double>(as_of - last_call_at) / day);
  s.days_since_upload = std::max(0.0, static_cast<double>(as_of - row.created_at) / day);
  s.whatsapp_active = row.whatsapp_status == WhatsappStatus::kActive && row.whatsapp_status_at &&
                      *row.whatsapp_status_at <= as_of;
  s.mobile = is_mobile(row.phone_type);
  s.sheet_conversion_rate = sheet_rate;
  s.earlier_customer = row.earlier_customer;
  return s;
}

// In id order: the training's holdout takes the latest uploads, and contacts of one sheet share
// their upload time, so the order breaks those ties the same way on every engine and plan.
std::vector<ContactRow> shop_contacts(storage::Connection& c, core::ShopId shop_id) {
  static const std::string sql = select_contacts() + " ORDER BY cr.id";
  return storage::rows_as(c, sql, {shop_id.value()},
                          [](const storage::RowView& r) { return kContactRow.read(r); });
}

std::map<std::int64_t, SheetConversions> sheets_of(const std::vector<ContactRow>& rows) {
  std::map<std::int64_t, SheetConversions> sheets;
  for (const ContactRow& row : rows) {
    if (!row.upload_id) continue;
    SheetConversions& sheet = sheets[*row.upload_id];
    ++sheet.contacts;
    if (row.converted_at) sheet.converted_at.push_back(*row.converted_at);
  }
  for (auto& [id, sheet] : sheets) std::sort(sheet.converted_at.begin(), sheet.converted_at.end());
  return sheets;
}

double sheet_rate(const std::map<std::int64_t, SheetConversions>& sheets, const ContactRow& row,
                  std::int64_t as_of) {
  if (!row.upload_id) return 0;
  const auto it = sheets.find(*row.upload_id);
  return it == sheets.end() ? 0 : it->second.rate_before(as_of);
}

// Every interaction of the shop up to `until`, grouped by contact.
std::map<std::int64_t, std::vector<Touch>> touches_by_contact(storage::Connection& c,
                                                              core::ShopId shop_id,
                                                              std::int64_t until) {
  std::map<std::int64_t, std::vector<Touch>> out;
  c.for_each_row(select_touches(false), {shop_id.value(), until}, [&](const storage::RowView& r) {
    Touch t = kTouch.read(r);
    out[t.contact_id.value()].push_back(t);
  });
  return out;
}

std::span<const Touch> touches_of(const std::map<std::int64_t, std::vector<Touch>>& all,
                                  core::ContactId id) {
  const auto it = all.find(id.value());
  if (it == all.end()) return {};
  return it->second;
}

}  // namespace

std::optional<ContactSnapshot> ConversionFeatureRepository::snapshot(storage::Connection& c,
                                                                     core::ShopId shop_id,
                                                                     core::ContactId id,
                                                                     std::int64_t as_of_ms) {
  static const std::string one = select_contacts() + " AND cr.id = ?";
  const std::optional<ContactRow> row =
      storage::first_row_as(c, one, {shop_id.value(), id.value()},
                            [](const storage::RowView& r) { return kContactRow.read(r); });
  if (!row) return std::nullopt;
  double rate = 0;
  if (row->upload_id) {
    storage::Conditions where;
    where.add("cr.shop_id = ?", {shop_id.value()});
    contacts::UploadRepository::add_contacts_of(where, shop_id, core::UploadId(*row->upload_id));
    const std::string sql =
        "SELECT COUNT(*), COUNT(CASE WHEN cr.converted_at < ? THEN 1 END) FROM contact_records "
        "cr" +
        where.sql();
    storage::Params params{as_of_ms};
    for (const storage::Value& p : where.params()) params.push_back(p);
    c.for_each_row(sql, params, [&](const storage::RowView& r) {
      const auto contacts = storage::Codec<std::int64_t>::read(r, 0);
      const auto converted = storage::Codec<std::int64_t>::read(r, 1);
      if (contacts > 0) rate = static_cast<double>(converted) / static_cast<double>(contacts);
    });
  }
  const std::vector<Touch> touches =
      storage::rows_as(c, select_touches(true), {shop_id.value(), id.value(), as_of_ms},
                       [](const storage::RowView& r) { return kTouch.read(r); });
  return build(*row, touches, rate, as_of_ms);
}

ConversionFeatureRepository::TrainingRows ConversionFeatureRepository::training_rows(
    storage::Connection& c, core::ShopId shop_id, std::int64_t now_ms) {
  const std::vector<ContactRow> rows = shop_contacts(c, shop_id);
  const auto sheets = sheets_of(rows);
  // Every interaction up to now: a labelled snapshot stops at its own, earlier, instant.
  const auto touches = touches_by_contact(c, shop_id, now_ms);
  const std::int64_t uploaded_by = now_ms - kConversionWindowMs;
  TrainingRows out;
  for (const ContactRow& row : rows) {
    const std::span<const Touch> own = touches_of(touches, row.id);
    if (contacts::is_open(row.status)) {
      out.open.push_back({row.id, build(row, own, sheet_rate(sheets, row, now_ms), now_ms)});
    }
    if (row.created_at > uploaded_by) continue;
    const std::int64_t as_of = row.created_at + kTrainingSnapshotAgeMs;
    if (row.converted_at && *row.converted_at <= as_of) continue;  // no longer open to score
    const bool converted =
        row.converted_at && *row.converted_at <= row.created_at + kConversionWindowMs;
    out.labelled.push_back({row.id, build(row, own, sheet_rate(sheets, row, as_of), as_of),
                            row.created_at, as_of, converted});
  }
  return out;
}

}  // namespace rx::insights_api
