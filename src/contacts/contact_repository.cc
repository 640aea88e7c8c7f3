#include "contacts/contact_repository.h"

#include "contacts/contact_counts.h"
#include "contacts/upload_repository.h"

#include "storage/conditions.h"

#include <algorithm>
#include <cctype>

namespace rx::contacts {
namespace {

using storage::Conditions;
using storage::Params;

// What a list of contacts shows. The sheet's other columns (`extra`, often the largest value of
// the row) are read only for one contact's detail, after these: kExtraColumn.
constexpr std::string_view kColumns = R"(
cr.id, cr.phone, cr.phone_type, cr.name, cr.status, cr.whatsapp_status, cr.whatsapp_status_source,
cr.whatsapp_status_at, cr.wrong_number, cr.assigned_staff_id, cr.assigned_at, cr.upload_id,
cr.source_row, cr.notes, cr.customer_id, cr.contacted_at, cr.yellow_at, cr.converted_at,
cr.conversion_bill_id, cr.conversion_value_paise, cr.created_at, cr.updated_at)";
constexpr std::size_t kExtraColumn = 22;

Contact contact_from_row(const storage::RowView& r) {
  Contact c;
  c.id = r.int_at(0);
  c.phone = r.text_at(1);
  c.phone_type = r.text_at(2);
  c.name = r.opt_text_at(3);
  c.status = r.text_at(4);
  c.whatsapp_status = r.text_at(5);
  c.whatsapp_status_source = r.opt_text_at(6);
  c.whatsapp_status_at = r.opt_int_at(7);
  c.wrong_number = r.bool_at(8);
  c.assigned_staff_id = r.opt_int_at(9);
  c.assigned_at = r.opt_int_at(10);
  c.upload_id = r.opt_int_at(11);
  c.source_row = r.opt_int_at(12);
  c.notes = r.opt_text_at(13);
  c.customer_id = r.opt_int_at(14);
  c.contacted_at = r.opt_int_at(15);
  c.yellow_at = r.opt_int_at(16);
  c.converted_at = r.opt_int_at(17);
  c.conversion_bill_id = r.opt_int_at(18);
  c.conversion_value_paise = r.opt_int_at(19);
  c.created_at = r.int_at(20);
  c.updated_at = r.int_at(21);
  if (r.size() > kExtraColumn) c.extra = r.opt_text_at(kExtraColumn);
  return c;
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

Conditions where(std::int64_t shop_id, const ContactFilter& f, bool status_as_range = false) {
  Conditions w;
  w.add("cr.shop_id = ?", {shop_id});
  if (f.status) {
    if (status_as_range) {
      const std::optional<ContactStatus> known = parse_contact_status(*f.status);
      if (known) {
        w.add(status_range(*known));
      } else {
        w.add("cr.status >= ? AND cr.status <= ?", {*f.status, *f.status});
      }
    } else {
      w.add("cr.status = ?", {*f.status});
    }
  }
  if (f.whatsapp_status) w.add("cr.whatsapp_status = ?", {*f.whatsapp_status});
  if (f.unassigned) w.add("cr.assigned_staff_id IS NULL");
  if (f.assigned_staff_id) w.add("cr.assigned_staff_id = ?", {*f.assigned_staff_id});
  if (f.upload_id) UploadRepository::add_contacts_of(w, shop_id, *f.upload_id);
  if (f.query && !f.query->empty()) {
    storage::add_phone_or_name_search(w, *f.query, "cr.phone", "cr.name");
  }
  if (f.follow_up) {
    const bool overdue = *f.follow_up == "overdue";
    w.add(overdue ? "EXISTS (SELECT 1 FROM contact_reminders r WHERE r.shop_id = cr.shop_id AND "
                    "r.contact_id = cr.id AND r.done_at IS NULL AND r.due_at < ?)"
                  : "EXISTS (SELECT 1 FROM contact_reminders r WHERE r.shop_id = cr.shop_id AND "
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
  }
  return " ORDER BY cr.id DESC";
}

// "?, ?, ?" for an IN list of n values.
std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

constexpr std::size_t kInChunk = 500;

}  // namespace

std::optional<Contact> ContactRepository::find(storage::Connection& c, std::int64_t shop_id,
                                               std::int64_t id) {
  return storage::first_row_as(
      c,
      "SELECT " + std::string(kColumns) +
          ", cr.extra FROM contact_records cr WHERE cr.shop_id = ? AND cr.id = ?",
      {shop_id, id}, contact_from_row);
}

std::optional<Contact> ContactRepository::find_by_phone(storage::Connection& c,
                                                        std::int64_t shop_id,
                                                        const std::string& e164) {
  return storage::first_row_as(c,
                               "SELECT " + std::string(kColumns) +
                                   " FROM contact_records cr WHERE cr.shop_id = ? AND cr.phone = ?",
                               {shop_id, e164}, contact_from_row);
}

std::vector<Contact> ContactRepository::list(storage::Connection& c, std::int64_t shop_id,
                                             const ContactFilter& filter, ContactSort sort,
                                             std::int64_t limit, std::int64_t offset) {
  const bool status_index = pages_through_status_index(filter, sort);
  Conditions w = where(shop_id, filter, status_index);
  std::string sql = "SELECT " + std::string(kColumns) + " FROM contact_records cr" + w.sql() +
                    std::string(order_by(sort, status_index));
  // The first page of one status, the page staff open most, has its size written in, like its
  // status. PostgreSQL plans a prepared statement once only when the plan it makes without the
  // values costs no more than one made for them; with the LIMIT, the OFFSET or the status as
  // parameters it supposes a tenth of the rows are wanted, so it planned this statement on every
  // request: 0.11 ms of its 0.46 ms. The connections' statement caches are bounded
  // (StatementCache), whatever page sizes clients ask for.
  const bool planned_once = status_index && offset == 0;
  sql += planned_once ? " LIMIT " + std::to_string(limit) : std::string(" LIMIT ? OFFSET ?");
  std::vector<Contact> out;
  // A page is read thousands of times a second: no growing and moving fifty contacts.
  out.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(limit, 0, 500)));
  c.for_each_row(sql, planned_once ? w.params() : w.params_with({limit, offset}),
                 [&](const storage::RowView& r) { out.push_back(contact_from_row(r)); });
  return out;
}

std::int64_t ContactRepository::count(storage::Connection& c, std::int64_t shop_id,
                                      const ContactFilter& filter) {
  if (auto kept = ContactCounts::total(c, shop_id, filter)) return *kept;
  Conditions w = where(shop_id, filter);
  return c.query_int("SELECT COUNT(*) FROM contact_records cr" + w.sql(), w.params());
}

std::vector<AssignCandidate> ContactRepository::ids_matching(storage::Connection& c,
                                                             std::int64_t shop_id,
                                                             const ContactFilter& filter,
                                                             bool only_unassigned,
                                                             std::int64_t limit) {
  Conditions w = where(shop_id, filter);
  if (only_unassigned && !filter.unassigned) w.add("cr.assigned_staff_id IS NULL");
  // Converted contacts are done; they are never handed out again.
  w.add("cr.status <> 'converted'");
  storage::ResultSet rows =
      c.query("SELECT cr.id, cr.status, cr.assigned_staff_id FROM contact_records cr" + w.sql() +
                  " ORDER BY cr.id LIMIT ?",
              w.params_with({limit}));
  std::vector<AssignCandidate> out;
  out.reserve(rows.rows.size());
  for (const auto& r : rows.rows) {
    const std::string status = r.text_at(1);
    out.push_back({r.int_at(0), status == "pending" || status == "contacted", r[2].as_opt_int()});
  }
  return out;
}

std::vector<AssignCandidate> ContactRepository::existing_ids(storage::Connection& c,
                                                             std::int64_t shop_id,
                                                             const std::vector<std::int64_t>& ids) {
  std::vector<AssignCandidate> out;
  for (std::size_t start = 0; start < ids.size(); start += kInChunk) {
    const std::size_t n = std::min(kInChunk, ids.size() - start);
    Params params = {shop_id};
    for (std::size_t i = 0; i < n; ++i) params.emplace_back(ids[start + i]);
    storage::ResultSet rows = c.query(
        "SELECT id, status, assigned_staff_id FROM contact_records WHERE shop_id = ? AND id IN (" +
            placeholders(n) + ")",
        params);
    for (const auto& r : rows.rows) {
      const std::string status = r.text_at(1);
      out.push_back({r.int_at(0), status == "pending" || status == "contacted", r[2].as_opt_int(),
                     status == "converted"});
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

std::map<std::int64_t, std::int64_t> ContactRepository::open_counts(storage::Connection& c,
                                                                    std::int64_t shop_id) {
  return ContactCounts::open_by_staff(c, shop_id);
}

void ContactRepository::assign(storage::Connection& c, std::int64_t shop_id, std::int64_t staff_id,
                               const std::vector<std::int64_t>& ids, std::int64_t now_ms) {
  for (std::size_t start = 0; start < ids.size(); start += kInChunk) {
    const std::size_t n = std::min(kInChunk, ids.size() - start);
    Params params = {staff_id, now_ms, now_ms, shop_id};
    for (std::size_t i = 0; i < n; ++i) params.emplace_back(ids[start + i]);
    c.query(
        "UPDATE contact_records SET assigned_staff_id = ?, assigned_at = ?, updated_at = ? "
        "WHERE shop_id = ? AND id IN (" +
            placeholders(n) + ")",
        params);
  }
}

void ContactRepository::lock_for_update(storage::Connection& c, std::int64_t shop_id,
                                        std::vector<std::int64_t> ids) {
  if (c.dialect() != storage::Dialect::kPostgres) return;
  std::sort(ids.begin(), ids.end());
  for (std::size_t start = 0; start < ids.size(); start += kInChunk) {
    const std::size_t n = std::min(kInChunk, ids.size() - start);
    Params params = {shop_id};
    for (std::size_t i = 0; i < n; ++i) params.emplace_back(ids[start + i]);
    c.query("SELECT id FROM contact_records WHERE shop_id = ? AND id IN (" + placeholders(n) +
                ") ORDER BY id FOR UPDATE",
            params);
  }
}

void ContactRepository::update(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                               const ContactChanges& changes, std::int64_t now_ms) {
  c.query(R"(
UPDATE contact_records SET
  name = CASE WHEN ? = 1 THEN ? ELSE name END,
  notes = CASE WHEN ? = 1 THEN ? ELSE notes END,
  updated_at = ?
WHERE shop_id = ? AND id = ?)",
          {changes.name ? 1 : 0, changes.name ? storage::Value(*changes.name) : storage::Value(),
           changes.notes ? 1 : 0, changes.notes ? storage::Value(*changes.notes) : storage::Value(),
           now_ms, shop_id, id});
}

bool ContactRepository::move_status(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                                    ContactStatus from, ContactStatus to, std::int64_t now_ms) {
  std::string_view stamp = to == ContactStatus::kContacted ? "contacted_at"
                           : to == ContactStatus::kYellow  ? "yellow_at"
                                                           : "updated_at";
  const std::string sql = "UPDATE contact_records SET status = ?, " + std::string(stamp) +
                          " = ?, updated_at = ? WHERE shop_id = ? AND id = ? AND status = ?";
  return c.query(sql, {std::string(to_string(to)), now_ms, now_ms, shop_id, id,
                       std::string(to_string(from))})
             .affected == 1;
}

void ContactRepository::set_whatsapp_status(storage::Connection& c, std::int64_t shop_id,
                                            std::int64_t id, WhatsappStatus status,
                                            std::string_view source, std::int64_t now_ms) {
  c.query(
      "UPDATE contact_records SET whatsapp_status = ?, whatsapp_status_source = ?, "
      "whatsapp_status_at = ?, updated_at = ? WHERE shop_id = ? AND id = ?",
      {std::string(to_string(status)), source, now_ms, now_ms, shop_id, id});
}

bool ContactRepository::convert(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                                std::int64_t bill_id, std::int64_t value_paise,
                                std::int64_t customer_id, std::int64_t at_ms, std::int64_t now_ms) {
  return c.query(
              "UPDATE contact_records SET status = 'converted', converted_at = ?, "
              "conversion_bill_id = ?, "
              "conversion_value_paise = ?, customer_id = ?, updated_at = ? "
              "WHERE shop_id = ? AND id = ? AND status IN ('pending', 'contacted', 'yellow')",
              {at_ms, bill_id, value_paise, customer_id, now_ms, shop_id, id})
             .affected == 1;
}

void ContactRepository::link_customer(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                                      std::int64_t customer_id, std::int64_t now_ms) {
  c.query(
      "UPDATE contact_records SET customer_id = ?, updated_at = ? WHERE shop_id = ? AND id = ? AND "
      "customer_id IS NULL",
      {customer_id, now_ms, shop_id, id});
}

void ContactRepository::flag_wrong_number(storage::Connection& c, std::int64_t shop_id,
                                          std::int64_t id, std::int64_t now_ms) {
  c.query(
      "UPDATE contact_records SET wrong_number = TRUE, updated_at = ? WHERE shop_id = ? AND id = ?",
      {now_ms, shop_id, id});
}

std::int64_t ContactRepository::insert_interaction(storage::Connection& c, std::int64_t shop_id,
                                                   std::int64_t contact_id,
                                                   std::optional<std::int64_t> staff_id,
                                                   std::string_view kind, std::string_view outcome,
                                                   const std::optional<std::string>& notes,
                                                   std::int64_t now_ms) {
  return c.insert_returning_id(
      "INSERT INTO contact_interactions (shop_id, contact_id, staff_id, kind, outcome, notes, "
      "created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {shop_id, contact_id, staff_id, kind, outcome, notes, now_ms});
}

std::vector<Interaction> ContactRepository::interactions(storage::Connection& c,
                                                         std::int64_t shop_id,
                                                         std::int64_t contact_id) {
  return interactions(c, shop_id, contact_id, -1, 0);
}

// A negative limit reads them all.
std::vector<Interaction> ContactRepository::interactions(storage::Connection& c,
                                                         std::int64_t shop_id,
                                                         std::int64_t contact_id,
                                                         std::int64_t limit, std::int64_t offset) {
  const bool all = limit < 0;
  storage::ResultSet rows = c.query(std::string(R"(
SELECT i.id, i.contact_id, i.staff_id, s.name, i.kind, i.outcome, i.notes, i.created_at
FROM contact_interactions i
LEFT JOIN staff s ON s.shop_id = i.shop_id AND s.id = i.staff_id
WHERE i.shop_id = ? AND i.contact_id = ?
ORDER BY i.created_at DESC, i.id DESC)") +
                                        (all ? "" : " LIMIT ? OFFSET ?"),
                                    all ? storage::Params{shop_id, contact_id}
                                        : storage::Params{shop_id, contact_id, limit, offset});
  std::vector<Interaction> out;
  out.reserve(rows.rows.size());
  for (const auto& r : rows.rows) {
    out.push_back({r.int_at(0), r.int_at(1), r[2].as_opt_int(), r[3].as_opt_text(), r.text_at(4),
                   r.text_at(5), r[6].as_opt_text(), r.int_at(7)});
  }
  return out;
}

std::int64_t ContactRepository::count_interactions(storage::Connection& c, std::int64_t shop_id,
                                                   std::int64_t contact_id) {
  return c.query_int(
      "SELECT COUNT(*) FROM contact_interactions WHERE shop_id = ? AND contact_id = ?",
      {shop_id, contact_id});
}

}  // namespace rx::contacts
