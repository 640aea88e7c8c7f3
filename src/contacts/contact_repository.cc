#include "contacts/contact_repository.h"

#include "contacts/contact_counts.h"
#include "contacts/upload_repository.h"

#include "storage/conditions.h"
#include "storage/table.h"

#include <algorithm>
#include <cctype>

namespace rx::contacts {
namespace {

using core::ContactId;
using core::ShopId;
using core::StaffId;

using storage::Conditions;
using storage::Params;

using storage::column;

// How contact_records is read: every column a list shows. The sheet's other columns (`extra`,
// often the largest value of the row) are read only for one contact's detail, after these:
// kContactExtra.
constexpr storage::Table kContact{
    column("id", &Contact::id),
    column("phone", &Contact::phone),
    column("phone_type", &Contact::phone_type),
    column("name", &Contact::name),
    column("status", &Contact::status),
    column("whatsapp_status", &Contact::whatsapp_status),
    column("whatsapp_status_source", &Contact::whatsapp_status_source),
    column("whatsapp_status_at", &Contact::whatsapp_status_at),
    column("wrong_number", &Contact::wrong_number),
    column("unreached_calls", &Contact::unreached_calls),
    column("unreachable", &Contact::unreachable),
    column("do_not_contact", &Contact::do_not_contact),
    column("do_not_contact_by", &Contact::do_not_contact_by),
    column("do_not_contact_at", &Contact::do_not_contact_at),
    column("assigned_staff_id", &Contact::assigned_staff_id),
    column("assigned_at", &Contact::assigned_at),
    column("upload_id", &Contact::upload_id),
    column("source_row", &Contact::source_row),
    column("notes", &Contact::notes),
    column("customer_id", &Contact::customer_id),
    column("contacted_at", &Contact::contacted_at),
    column("yellow_at", &Contact::yellow_at),
    column("converted_at", &Contact::converted_at),
    column("conversion_bill_id", &Contact::conversion_bill_id),
    column("conversion_value_paise", &Contact::conversion_value_paise),
    column("created_at", &Contact::created_at),
    column("updated_at", &Contact::updated_at)};
// After those, the contact's score (contact_scores, alias cs; NULL when not scored).
constexpr storage::Table kContactScore{column("cs.score", &Contact::conversion_score)};
constexpr storage::Table kContactExtra{column("extra", &Contact::extra)};

// Every contact read has its score beside it.
constexpr std::string_view kWithScore =
    " LEFT JOIN contact_scores cs ON cs.shop_id = cr.shop_id AND cs.contact_id = cr.id";

const std::string& contact_columns() {
  static const std::string list = kContact.select_list("cr.") + ", " + kContactScore.select_list();
  return list;
}

// "SELECT cr.id, ..., cs.score FROM contact_records cr LEFT JOIN contact_scores cs ...", built
// once.
const std::string& select_contacts() {
  static const std::string sql =
      "SELECT " + contact_columns() + " FROM contact_records cr" + std::string(kWithScore);
  return sql;
}

// The same with the detail's `extra` after the listed columns.
const std::string& select_contact_detail() {
  static const std::string sql = "SELECT " + contact_columns() + ", " +
                                 kContactExtra.select_list("cr.") + " FROM contact_records cr" +
                                 std::string(kWithScore);
  return sql;
}

void read_contact(Contact& into, const storage::RowView& r) {
  kContact.read_into(into, r);
  kContactScore.read_into(into, r, kContact.size());
}

Contact contact_detail_from_row(const storage::RowView& r) {
  Contact c;
  read_contact(c, r);
  kContactExtra.read_into(c, r, kContact.size() + kContactScore.size());
  return c;
}

// What an assignment needs to know of a contact.
struct CandidateRow {
  ContactId id;
  ContactStatus status = ContactStatus::kPending;
  std::optional<StaffId> holder;
};

constexpr storage::Table kCandidate{column("id", &CandidateRow::id),
                                    column("status", &CandidateRow::status),
                                    column("assigned_staff_id", &CandidateRow::holder)};

// An interaction's stored fields; its id is generated and its staff name joined.
constexpr storage::Table kInteractionKey{column("i.id", &Interaction::id)};
constexpr storage::Table kInteractionFields{column("contact_id", &Interaction::contact_id),
                                            column("staff_id", &Interaction::staff_id),
                                            column("kind", &Interaction::kind),
                                            column("outcome", &Interaction::outcome),
                                            column("notes", &Interaction::notes),
                                            column("inbound", &Interaction::inbound),
                                            column("created_at", &Interaction::created_at),
                                            column("occurred_at", &Interaction::occurred_at)};
constexpr storage::Table kInteractionJoined{column("s.name", &Interaction::staff_name)};

Interaction interaction_from_row(const storage::RowView& r) {
  Interaction i;
  kInteractionKey.read_into(i, r);
  kInteractionFields.read_into(i, r, kInteractionKey.size());
  kInteractionJoined.read_into(i, r, kInteractionKey.size() + kInteractionFields.size());
  return i;
}

// A page of one status, newest (or oldest) first, is read from (shop_id, status, id) in order
// and stops after `limit` rows, however the statuses lie. PostgreSQL costs the other way,
// (shop_id, id) with a status filter, almost the same when most contacts share the status, and
// takes it: a shop that has worked its newest sheet then reads past every worked contact (1M
// contacts, 500 worked: 194 buffers instead of 10 a page). Written as a range and ordered by
// status too, the filter leaves (shop_id, status, id) the one index that gives the order.
// Other indexed filters (assignee, upload) keep their own index.
bool pages_through_status_index(const ContactFilter& f, ContactSort sort) {
  return f.status && !f.assigned_staff_id && !f.unassigned && !f.upload_id &&
         (sort == ContactSort::kNewest || sort == ContactSort::kOldest);
}

// The status as a range with the value written in, a fixed fragment for each status, so that
// PostgreSQL can plan the statement once (see ContactRepository::list).
std::string_view status_range(ContactStatus status) {
  switch (status) {
    case ContactStatus::kPending:
      return "cr.status >= 'pending' AND cr.status <= 'pending'";
    case ContactStatus::kContacted:
      return "cr.status >= 'contacted' AND cr.status <= 'contacted'";
    case ContactStatus::kConverted:
      return "cr.status >= 'converted' AND cr.status <= 'converted'";
    case ContactStatus::kYellow:
      return "cr.status >= 'yellow' AND cr.status <= 'yellow'";
  }
  return {};
}

Conditions where(ShopId shop_id, const ContactFilter& f, bool status_as_range = false) {
  Conditions w;
  w.add("cr.shop_id = ?", {shop_id.value()});
  if (f.status) {
    if (status_as_range) {
      w.add(status_range(*f.status));
    } else {
      w.add("cr.status = ?", {storage::Codec<ContactStatus>::bind(*f.status)});
    }
  }
  if (f.whatsapp_status) {
    w.add("cr.whatsapp_status = ?", {storage::Codec<WhatsappStatus>::bind(*f.whatsapp_status)});
  }
  switch (f.reach) {
    case ReachFilter::kCallable:
      w.add("NOT cr.unreachable AND NOT cr.do_not_contact");
      break;
    case ReachFilter::kUnreachable:
      w.add("cr.unreachable");
      break;
    case ReachFilter::kDoNotContact:
      w.add("cr.do_not_contact");
      break;
    case ReachFilter::kSetAside:
      // Written as the partial index contact_records_set_aside (shop_id, status) is, so that it
      // is used, with a range on its status that every contact meets: SQLite keeps no
      // statistics, and without the range it may rank another index on shop_id as good a match
      // and read every contact of the shop to count the few set aside.
      w.add("cr.status >= '' AND (cr.unreachable OR cr.do_not_contact)");
      break;
    case ReachFilter::kAll:
      break;
  }
  if (f.unassigned) w.add("cr.assigned_staff_id IS NULL");
  if (f.assigned_staff_id) w.add("cr.assigned_staff_id = ?", {f.assigned_staff_id->value()});
  if (f.upload_id) UploadRepository::add_contacts_of(w, shop_id, *f.upload_id);
  if (f.query && !f.query->empty()) {
    storage::add_phone_or_name_search(w, *f.query, "cr.phone", "cr.name");
  }
  if (f.follow_up) {
    const bool overdue = *f.follow_up == FollowUpFilter::kOverdue;
    w.add(overdue ? "EXISTS (SELECT 1 FROM contact_follow_ups r WHERE r.shop_id = cr.shop_id AND "
                    "r.contact_id = cr.id AND r.done_at IS NULL AND r.due_at < ?)"
                  : "EXISTS (SELECT 1 FROM contact_follow_ups r WHERE r.shop_id = cr.shop_id AND "
                    "r.contact_id = cr.id AND r.done_at IS NULL AND r.due_at <= ?)",
          {overdue ? f.now_ms : f.due_before_ms});
  }
  return w;
}

// `status_index`: the page goes through (shop_id, status, id) (see pages_through_status_index).
std::string_view order_by(ContactSort sort, bool status_index) {
  if (status_index) {
    return sort == ContactSort::kNewest ? " ORDER BY cr.status DESC, cr.id DESC"
                                        : " ORDER BY cr.status, cr.id";
  }
  switch (sort) {
    case ContactSort::kNewest:
      return " ORDER BY cr.id DESC";
    case ContactSort::kOldest:
      return " ORDER BY cr.id";
    case ContactSort::kName:
      return " ORDER BY cr.name, cr.id";
    case ContactSort::kPhone:
      return " ORDER BY cr.phone";
    case ContactSort::kStatus:
      return " ORDER BY cr.status, cr.id";
    case ContactSort::kRecentlyUpdated:
      return " ORDER BY cr.updated_at DESC, cr.id DESC";
    case ContactSort::kScore:  // the scored contacts come first (list_best_first); then these
      return " ORDER BY cr.id DESC";
  }
  return " ORDER BY cr.id DESC";
}

// The scored contacts: their scores joined to their rows. CROSS JOIN keeps the scores outermost
// on SQLite, which reads them in their index's order and stops after a page; PostgreSQL chooses
// the same plan by its costs.
constexpr std::string_view kScoredContacts =
    " FROM contact_scores cs CROSS JOIN contact_records cr";

// `filter` on the scored contacts. The scores' shop is the contact's, not a second parameter:
// PostgreSQL would take the two as independent, estimate a tenth of the rows, and plan the
// statement again on every request (1 ms) rather than reuse its plan.
Conditions scored_where(ShopId shop_id, const ContactFilter& filter) {
  Conditions w = where(shop_id, filter);
  w.add("cs.shop_id = cr.shop_id AND cs.contact_id = cr.id");
  return w;
}

// "?, ?, ?" for an IN list of n values.
std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

constexpr std::size_t kInChunk = 500;

// Names rxtrack's per-shop assignment lock among PostgreSQL advisory locks.
constexpr std::int64_t kAssignLockSpace = 727274002;

}  // namespace

std::optional<Contact> ContactRepository::find(storage::Connection& c, ShopId shop_id,
                                               ContactId id) {
  return storage::first_row_as(
      c, storage::join_sql(select_contact_detail(), " WHERE cr.shop_id = ? AND cr.id = ?"),
      {shop_id.value(), id.value()}, contact_detail_from_row);
}

std::optional<Contact> ContactRepository::find_by_phone(storage::Connection& c, ShopId shop_id,
                                                        const std::string& e164) {
  // Every bill looks its phone up here: the statement is built once and the row read in place.
  static const std::string sql =
      storage::join_sql(select_contacts(), " WHERE cr.shop_id = ? AND cr.phone = ?");
  std::optional<Contact> found;
  c.for_each_row(sql, {shop_id.value(), e164}, [&](const storage::RowView& r) {
    if (!found) read_contact(found.emplace(), r);
  });
  return found;
}

std::vector<Contact> ContactRepository::list(storage::Connection& c, ShopId shop_id,
                                             const ContactFilter& filter, ContactSort sort,
                                             std::int64_t limit, std::int64_t offset) {
  if (sort == ContactSort::kScore) return list_best_first(c, shop_id, filter, limit, offset);
  const bool status_index = pages_through_status_index(filter, sort);
  Conditions w = where(shop_id, filter, status_index);
  std::string sql = select_contacts() + w.sql() + std::string(order_by(sort, status_index));
  // The first page of one status, the page staff open most, has its size written in, like its
  // status. PostgreSQL plans a prepared statement once only when the plan it makes without the
  // values costs no more than one made for them; with the LIMIT, the OFFSET or the status as
  // parameters it supposes a tenth of the rows are wanted, so it planned this statement on every
  // request: 0.11 ms of its 0.46 ms (the best-first page's: 0.12 ms). The connections' statement
  // caches are bounded (StatementCache), whatever page sizes clients ask for.
  const bool planned_once = status_index && offset == 0;
  sql += planned_once ? " LIMIT " + std::to_string(limit) : std::string(" LIMIT ? OFFSET ?");
  std::vector<Contact> out;
  // A page is read thousands of times a second: no growing and moving fifty contacts.
  out.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(limit, 0, 500)));
  c.for_each_row(sql, planned_once ? w.params() : w.params_with({limit, offset}),
                 [&](const storage::RowView& r) { read_contact(out.emplace_back(), r); });
  return out;
}

std::pair<std::string, storage::Params> ContactRepository::best_first_statement(
    ShopId shop_id, const ContactFilter& filter, std::int64_t limit, std::int64_t offset) {
  const Conditions w = scored_where(shop_id, filter);
  // The first page has its size written in, as in `list`.
  std::string sql = "SELECT " + contact_columns() + std::string(kScoredContacts) + w.sql() +
                    " ORDER BY cs.score_ppm DESC, cs.contact_id DESC";
  if (offset == 0) {
    sql += " LIMIT " + std::to_string(limit);
    return {sql, w.params()};
  }
  sql += " LIMIT ? OFFSET ?";
  return {sql, w.params_with({limit, offset})};
}

std::vector<Contact> ContactRepository::list_best_first(storage::Connection& c, ShopId shop_id,
                                                        const ContactFilter& filter,
                                                        std::int64_t limit, std::int64_t offset) {
  std::vector<Contact> out;
  out.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(limit, 0, 500)));
  const auto [sql, params] = best_first_statement(shop_id, filter, limit, offset);
  c.for_each_row(sql, params,
                 [&](const storage::RowView& r) { read_contact(out.emplace_back(), r); });
  const auto scored_here = static_cast<std::int64_t>(out.size());
  if (scored_here >= limit) return out;
  // The page reaches past the scored contacts: the rest follow, newest first. How many scored
  // contacts came before them is known from this page unless it held none.
  std::int64_t tail_offset = 0;
  if (scored_here == 0 && offset > 0) {
    const Conditions scored = scored_where(shop_id, filter);
    const std::int64_t scored_total = c.query_int(
        "SELECT COUNT(*)" + std::string(kScoredContacts) + scored.sql(), scored.params());
    tail_offset = std::max<std::int64_t>(0, offset - scored_total);
  }
  Conditions rest = where(shop_id, filter);
  rest.add("cs.contact_id IS NULL");
  c.for_each_row(select_contacts() + rest.sql() + " ORDER BY cr.id DESC LIMIT ? OFFSET ?",
                 rest.params_with({limit - scored_here, tail_offset}),
                 [&](const storage::RowView& r) { read_contact(out.emplace_back(), r); });
  return out;
}

std::int64_t ContactRepository::count(storage::Connection& c, ShopId shop_id,
                                      const ContactFilter& filter) {
  // The kept counts hold every contact; a default list leaves out the few set aside, counted
  // through their partial index.
  if (filter.reach == ReachFilter::kAll || filter.reach == ReachFilter::kCallable) {
    ContactFilter every = filter;
    every.reach = ReachFilter::kAll;
    if (auto kept = ContactCounts::total(c, shop_id, every)) {
      if (filter.reach == ReachFilter::kAll) return *kept;
      ContactFilter aside = filter;
      aside.reach = ReachFilter::kSetAside;
      const auto [sql, params] = count_statement(shop_id, aside);
      return *kept - c.query_int(sql, params);
    }
  }
  const auto [sql, params] = count_statement(shop_id, filter);
  return c.query_int(sql, params);
}

std::pair<std::string, storage::Params> ContactRepository::count_statement(
    ShopId shop_id, const ContactFilter& filter) {
  Conditions w = where(shop_id, filter);
  return {"SELECT COUNT(*) FROM contact_records cr" + w.sql(), w.params()};
}

std::vector<AssignCandidate> ContactRepository::ids_matching(storage::Connection& c, ShopId shop_id,
                                                             const ContactFilter& filter,
                                                             bool only_unassigned,
                                                             std::int64_t limit) {
  Conditions w = where(shop_id, filter);
  if (only_unassigned && !filter.unassigned) w.add("cr.assigned_staff_id IS NULL");
  // Converted contacts are done; they are never handed out again.
  w.add("cr.status <> 'converted'");
  static const std::string select =
      "SELECT " + kCandidate.select_list("cr.") + " FROM contact_records cr";
  std::vector<AssignCandidate> out;
  c.for_each_row(select + w.sql() + " ORDER BY cr.id LIMIT ?", w.params_with({limit}),
                 [&](const storage::RowView& r) {
                   const CandidateRow row = kCandidate.read(r);
                   out.push_back({row.id, is_open(row.status), row.holder});
                 });
  return out;
}

std::vector<AssignCandidate> ContactRepository::existing_ids(storage::Connection& c, ShopId shop_id,
                                                             const std::vector<ContactId>& ids) {
  static const std::string select =
      "SELECT " + kCandidate.select_list() + " FROM contact_records WHERE shop_id = ? AND id IN (";
  std::vector<AssignCandidate> out;
  for (std::size_t start = 0; start < ids.size(); start += kInChunk) {
    const std::size_t n = std::min(kInChunk, ids.size() - start);
    Params params = {shop_id.value()};
    for (std::size_t i = 0; i < n; ++i) params.emplace_back(ids[start + i].value());
    c.for_each_row(select + placeholders(n) + ")", params, [&](const storage::RowView& r) {
      const CandidateRow row = kCandidate.read(r);
      out.push_back(
          {row.id, is_open(row.status), row.holder, row.status == ContactStatus::kConverted});
    });
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

std::map<StaffId, std::int64_t> ContactRepository::open_counts(storage::Connection& c,
                                                               ShopId shop_id) {
  return ContactCounts::open_by_staff(c, shop_id);
}

void ContactRepository::lock_assignments(storage::Connection& c, ShopId shop_id) {
  if (c.dialect() != storage::Dialect::kPostgres) return;
  c.query("SELECT pg_advisory_xact_lock(CAST(? AS INTEGER), CAST(? AS INTEGER))",
          {kAssignLockSpace, shop_id.value()});
}

void ContactRepository::assign(storage::Connection& c, ShopId shop_id, StaffId staff_id,
                               const std::vector<ContactId>& ids, std::int64_t now_ms) {
  for (std::size_t start = 0; start < ids.size(); start += kInChunk) {
    const std::size_t n = std::min(kInChunk, ids.size() - start);
    Params params = {staff_id.value(), now_ms, now_ms, shop_id.value()};
    for (std::size_t i = 0; i < n; ++i) params.emplace_back(ids[start + i].value());
    c.query(
        "UPDATE contact_records SET assigned_staff_id = ?, assigned_at = ?, updated_at = ? "
        "WHERE shop_id = ? AND id IN (" +
            placeholders(n) + ")",
        params);
  }
}

void ContactRepository::lock_for_update(storage::Connection& c, ShopId shop_id,
                                        std::vector<ContactId> ids) {
  if (c.dialect() != storage::Dialect::kPostgres) return;
  std::sort(ids.begin(), ids.end());
  for (std::size_t start = 0; start < ids.size(); start += kInChunk) {
    const std::size_t n = std::min(kInChunk, ids.size() - start);
    Params params = {shop_id.value()};
    for (std::size_t i = 0; i < n; ++i) params.emplace_back(ids[start + i].value());
    c.query("SELECT id FROM contact_records WHERE shop_id = ? AND id IN (" + placeholders(n) +
                ") ORDER BY id FOR UPDATE",
            params);
  }
}

void ContactRepository::update(storage::Connection& c, ShopId shop_id, ContactId id,
                               const ContactChanges& changes, std::int64_t now_ms) {
  c.query(R"(
UPDATE contact_records SET
  name = CASE WHEN ? = 1 THEN ? ELSE name END,
  notes = CASE WHEN ? = 1 THEN ? ELSE notes END,
  updated_at = ?
WHERE shop_id = ? AND id = ?)",
          {changes.name ? 1 : 0, changes.name ? storage::Value(*changes.name) : storage::Value(),
           changes.notes ? 1 : 0, changes.notes ? storage::Value(*changes.notes) : storage::Value(),
           now_ms, shop_id.value(), id.value()});
}

bool ContactRepository::move_status(storage::Connection& c, ShopId shop_id, ContactId id,
                                    ContactStatus from, ContactStatus to, std::int64_t now_ms) {
  std::string_view stamp = to == ContactStatus::kContacted ? "contacted_at"
                           : to == ContactStatus::kYellow  ? "yellow_at"
                                                           : "updated_at";
  const std::string sql = "UPDATE contact_records SET status = ?, " + std::string(stamp) +
                          " = ?, updated_at = ? WHERE shop_id = ? AND id = ? AND status = ?";
  return c.query(sql, {storage::Codec<ContactStatus>::bind(to), now_ms, now_ms, shop_id.value(),
                       id.value(), storage::Codec<ContactStatus>::bind(from)})
             .affected == 1;
}

void ContactRepository::set_whatsapp_status(storage::Connection& c, ShopId shop_id, ContactId id,
                                            WhatsappStatus status, std::string_view source,
                                            std::int64_t now_ms) {
  c.query(
      "UPDATE contact_records SET whatsapp_status = ?, whatsapp_status_source = ?, "
      "whatsapp_status_at = ?, updated_at = ? WHERE shop_id = ? AND id = ?",
      {storage::Codec<WhatsappStatus>::bind(status), source, now_ms, now_ms, shop_id.value(),
       id.value()});
}

bool ContactRepository::convert(storage::Connection& c, ShopId shop_id, ContactId id,
                                core::BillId bill_id, std::int64_t value_paise,
                                core::CustomerId customer_id, std::int64_t at_ms,
                                std::int64_t now_ms) {
  return c.query(
              "UPDATE contact_records SET status = 'converted', converted_at = ?, "
              "conversion_bill_id = ?, "
              "conversion_value_paise = ?, customer_id = ?, updated_at = ? "
              "WHERE shop_id = ? AND id = ? AND status IN ('pending', 'contacted', 'yellow')",
              {at_ms, bill_id.value(), value_paise, customer_id.value(), now_ms, shop_id.value(),
               id.value()})
             .affected == 1;
}

void ContactRepository::link_customer(storage::Connection& c, ShopId shop_id, ContactId id,
                                      core::CustomerId customer_id, std::int64_t now_ms) {
  c.query(
      "UPDATE contact_records SET customer_id = ?, updated_at = ? WHERE shop_id = ? AND id = ? AND "
      "customer_id IS NULL",
      {customer_id.value(), now_ms, shop_id.value(), id.value()});
}

void ContactRepository::flag_wrong_number(storage::Connection& c, ShopId shop_id, ContactId id,
                                          std::int64_t now_ms) {
  c.query(
      "UPDATE contact_records SET wrong_number = TRUE, updated_at = ? WHERE shop_id = ? AND id = ?",
      {now_ms, shop_id.value(), id.value()});
}

std::int64_t ContactRepository::max_call_attempts(storage::Connection& c, ShopId shop_id) {
  return c.query_int("SELECT max_call_attempts FROM shops WHERE id = ?", {shop_id.value()});
}

void ContactRepository::apply_call_effect(storage::Connection& c, ShopId shop_id, ContactId id,
                                          CallEffect effect, std::int64_t max_call_attempts,
                                          std::int64_t now_ms) {
  switch (effect) {
    case CallEffect::kNone:
      return;
    case CallEffect::kReached:
    case CallEffect::kCameBack:
      c.query(
          "UPDATE contact_records SET unreached_calls = 0, unreachable = FALSE, updated_at = ? "
          "WHERE shop_id = ? AND id = ? AND (unreached_calls <> 0 OR unreachable)",
          {now_ms, shop_id.value(), id.value()});
      return;
    case CallEffect::kNotReached:
      // SET reads the row as it was: the count before this call.
      c.query(
          "UPDATE contact_records SET unreached_calls = unreached_calls + 1, "
          "unreachable = CASE WHEN unreached_calls + 1 >= ? THEN TRUE ELSE unreachable END, "
          "updated_at = ? WHERE shop_id = ? AND id = ?",
          {max_call_attempts, now_ms, shop_id.value(), id.value()});
      return;
  }
}

void ContactRepository::came_back_by_phone(storage::Connection& c, ShopId shop_id,
                                           const std::string& e164, std::int64_t now_ms) {
  c.query(
      "UPDATE contact_records SET unreached_calls = 0, unreachable = FALSE, updated_at = ? "
      "WHERE shop_id = ? AND phone = ? AND (unreached_calls <> 0 OR unreachable)",
      {now_ms, shop_id.value(), e164});
}

core::InteractionId ContactRepository::insert_interaction(
    storage::Connection& c, ShopId shop_id, ContactId contact_id, std::optional<StaffId> staff_id,
    InteractionKind kind, InteractionOutcome outcome, const std::optional<std::string>& notes,
    std::int64_t now_ms, std::optional<std::int64_t> occurred_at_ms, bool inbound) {
  static const std::string sql = "INSERT INTO contact_interactions (shop_id, " +
                                 kInteractionFields.select_list() + ") VALUES (?, " +
                                 kInteractionFields.placeholders() + ")";
  Interaction row;
  row.contact_id = contact_id.value();
  if (staff_id) row.staff_id = staff_id->value();
  row.kind = kind;
  row.outcome = outcome;
  row.notes = notes;
  row.inbound = inbound;
  row.created_at = now_ms;
  row.occurred_at = occurred_at_ms.value_or(now_ms);
  Params params;
  params.reserve(1 + kInteractionFields.size());
  params.emplace_back(shop_id.value());
  kInteractionFields.bind(row, params);
  return core::InteractionId(c.insert_returning_id(sql, params));
}

std::vector<Interaction> ContactRepository::interactions(storage::Connection& c, ShopId shop_id,
                                                         ContactId contact_id) {
  return interactions(c, shop_id, contact_id, -1, 0);
}

// A negative limit reads them all.
std::vector<Interaction> ContactRepository::interactions(storage::Connection& c, ShopId shop_id,
                                                         ContactId contact_id, std::int64_t limit,
                                                         std::int64_t offset) {
  static const std::string select =
      "SELECT " + kInteractionKey.select_list() + ", " + kInteractionFields.select_list("i.") +
      ", " + kInteractionJoined.select_list() +
      " FROM contact_interactions i"
      " LEFT JOIN staff s ON s.shop_id = i.shop_id AND s.id = i.staff_id"
      " WHERE i.shop_id = ? AND i.contact_id = ?"
      " ORDER BY i.created_at DESC, i.id DESC";
  const bool all = limit < 0;
  return storage::rows_as(c, all ? select : select + " LIMIT ? OFFSET ?",
                          all ? storage::Params{shop_id.value(), contact_id.value()}
                              : storage::Params{shop_id.value(), contact_id.value(), limit, offset},
                          interaction_from_row);
}

std::int64_t ContactRepository::count_interactions(storage::Connection& c, ShopId shop_id,
                                                   ContactId contact_id) {
  return c.query_int(
      "SELECT COUNT(*) FROM contact_interactions WHERE shop_id = ? AND contact_id = ?",
      {shop_id.value(), contact_id.value()});
}

}  // namespace rx::contacts
