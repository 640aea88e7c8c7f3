#include "customers/customer_repository.h"

#include "core/json_fields.h"
#include "storage/conditions.h"

#include <algorithm>
#include <cctype>

namespace rx::customers {
namespace {

using storage::Params;

constexpr std::string_view kColumns = R"(
cu.id, cu.phone, cu.name, cu.category, cu.age, cu.birth_year, cu.gender, cu.address, cu.email,
cu.allergies, cu.primary_doctor, cu.prefers_generic, cu.notes, cu.visit_count, cu.first_visit_at,
cu.last_visit_at, cu.total_spent_paise, cu.whatsapp_status, cu.whatsapp_consent, cu.sms_consent,
cu.opted_out_at, cu.created_at, cu.updated_at, cu.erased_at)";

constexpr std::string_view kSummaryColumns = R"(
cu.id, cu.phone, cu.name, cu.category, cu.visit_count, cu.first_visit_at, cu.last_visit_at,
cu.total_spent_paise, cu.whatsapp_status, cu.opted_out_at, cu.created_at, cu.updated_at)";

CustomerSummary summary_from_row(const storage::RowView& r) {
  CustomerSummary c;
  c.id = r.int_at(0);
  c.phone = r.text_at(1);
  c.name = r.opt_text_at(2);
  c.category = r.text_at(3);
  c.visit_count = r.int_at(4);
  c.first_visit_at = r.opt_int_at(5);
  c.last_visit_at = r.opt_int_at(6);
  c.total_spent_paise = r.int_at(7);
  c.whatsapp_status = r.text_at(8);
  c.opted_out_at = r.opt_int_at(9);
  c.created_at = r.int_at(10);
  c.updated_at = r.int_at(11);
  return c;
}

Customer from_row(const storage::RowView& r) {
  Customer c;
  c.id = r.int_at(0);
  c.phone = r.text_at(1);
  c.name = r.opt_text_at(2);
  c.category = r.text_at(3);
  c.age = r.opt_int_at(4);
  c.birth_year = r.opt_int_at(5);
  c.gender = r.opt_text_at(6);
  c.address = r.opt_text_at(7);
  c.email = r.opt_text_at(8);
  c.allergies = r.opt_text_at(9);
  c.primary_doctor = r.opt_text_at(10);
  c.prefers_generic = r.bool_at(11);
  c.notes = r.opt_text_at(12);
  c.visit_count = r.int_at(13);
  c.first_visit_at = r.opt_int_at(14);
  c.last_visit_at = r.opt_int_at(15);
  c.total_spent_paise = r.int_at(16);
  c.whatsapp_status = r.text_at(17);
  c.whatsapp_consent = r.bool_at(18);
  c.sms_consent = r.bool_at(19);
  c.opted_out_at = r.opt_int_at(20);
  c.created_at = r.int_at(21);
  c.updated_at = r.int_at(22);
  c.erased_at = r.opt_int_at(23);
  return c;
}

std::vector<std::string> conditions_of(storage::Connection& c, std::int64_t shop_id,
                                       std::int64_t id) {
  std::vector<std::string> out;
  for (const auto& r :
       c.query("SELECT condition FROM customer_conditions WHERE shop_id = ? AND customer_id = ? "
               "ORDER BY condition",
               {shop_id, id})
           .rows) {
    out.push_back(r.text_at(0));
  }
  return out;
}

void replace_conditions(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                        const std::vector<std::string>& conditions) {
  c.query("DELETE FROM customer_conditions WHERE shop_id = ? AND customer_id = ?", {shop_id, id});
  std::vector<std::string> keys;
  for (const auto& condition : conditions) {
    std::string key = condition_key(condition);
    if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  for (const auto& key : keys) {
    c.query("INSERT INTO customer_conditions (shop_id, customer_id, condition) VALUES (?, ?, ?)",
            {shop_id, id, key});
  }
}

void add_common(storage::Assignments& a, const CustomerFields& f) {
  a.set_if("phone", f.phone);
  a.set_if("name", f.name);
  a.set_if("category", f.category);
  a.set_if("age", f.age);
  a.set_if("birth_year", f.birth_year);
  a.set_if("gender", f.gender);
  a.set_if("address", f.address);
  a.set_if("email", f.email);
  a.set_if("allergies", f.allergies);
  a.set_if("primary_doctor", f.primary_doctor);
  a.set_if("prefers_generic", f.prefers_generic);
  a.set_if("notes", f.notes);
  a.set_if("whatsapp_consent", f.whatsapp_consent);
  a.set_if("sms_consent", f.sms_consent);
}

storage::Conditions where(std::int64_t shop_id, const CustomerFilter& f) {
  storage::Conditions w;
  w.add("cu.shop_id = ?", {shop_id});
  w.add("cu.erased_at IS NULL");  // an erased customer is no one to look for any more
  if (f.category) w.add("cu.category = ?", {*f.category});
  if (f.prefers_generic) w.add("cu.prefers_generic = ?", {*f.prefers_generic});
  if (f.query && !f.query->empty()) {
    storage::add_phone_or_name_search(w, *f.query, "cu.phone", "cu.name");
  }
  if (f.chronic_condition) {
    w.add(
        "EXISTS (SELECT 1 FROM customer_conditions cc WHERE cc.shop_id = cu.shop_id AND "
        "cc.customer_id = cu.id AND cc.condition = ?)",
        {condition_key(*f.chronic_condition)});
  }
  if (f.has_due_refill) {
    w.add(*f.has_due_refill
              ? "EXISTS (SELECT 1 FROM refill_reminders rr WHERE rr.shop_id = cu.shop_id AND "
                "rr.customer_id = cu.id AND rr.status = 'pending' AND rr.remind_on <= ?)"
              : "NOT EXISTS (SELECT 1 FROM refill_reminders rr WHERE rr.shop_id = cu.shop_id AND "
                "rr.customer_id = cu.id AND rr.status = 'pending' AND rr.remind_on <= ?)",
          {f.today});
  }
  return w;
}

}  // namespace

std::string condition_key(std::string_view condition) { return core::folded_key(condition); }

std::optional<Customer> CustomerRepository::find(storage::Connection& c, std::int64_t shop_id,
                                                 std::int64_t id) {
  auto found = find_row(c, shop_id, id);
  if (found) found->chronic_conditions = conditions_of(c, shop_id, id);
  return found;
}

std::optional<Customer> CustomerRepository::find_row(storage::Connection& c, std::int64_t shop_id,
                                                     std::int64_t id) {
  return storage::first_row_as(
      c,
      "SELECT " + std::string(kColumns) + " FROM customers cu WHERE cu.shop_id = ? AND cu.id = ?",
      {shop_id, id}, from_row);
}

std::optional<Customer> CustomerRepository::find_by_phone(storage::Connection& c,
                                                          std::int64_t shop_id,
                                                          const std::string& e164) {
  auto found = storage::first_row_as(c,
                                     "SELECT " + std::string(kColumns) +
                                         " FROM customers cu WHERE cu.shop_id = ? AND cu.phone = ?",
                                     {shop_id, e164}, from_row);
  if (found) found->chronic_conditions = conditions_of(c, shop_id, found->id);
  return found;
}

std::int64_t CustomerRepository::insert(storage::Connection& c, std::int64_t shop_id,
                                        const CustomerFields& fields, std::int64_t now_ms,
                                        std::optional<Visit> first_visit) {
  storage::Assignments a;
  a.set("shop_id", shop_id);
  add_common(a, fields);
  if (first_visit) {
    a.set("visit_count", std::int64_t{1});
    a.set("first_visit_at", first_visit->at_ms);
    a.set("last_visit_at", first_visit->at_ms);
    a.set("total_spent_paise", first_visit->spent_paise);
  }
  a.set("created_at", now_ms);
  a.set("updated_at", now_ms);
  const std::int64_t id =
      c.insert_returning_id("INSERT INTO customers " + a.insert_sql(), a.params_with({}));
  if (fields.chronic_conditions) replace_conditions(c, shop_id, id, *fields.chronic_conditions);
  return id;
}

void CustomerRepository::update(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                                const CustomerFields& fields, std::int64_t now_ms) {
  storage::Assignments a;
  add_common(a, fields);
  a.set("updated_at", now_ms);
  c.query("UPDATE customers SET " + a.sql() + " WHERE shop_id = ? AND id = ?",
          a.params_with({shop_id, id}));
  if (fields.chronic_conditions) replace_conditions(c, shop_id, id, *fields.chronic_conditions);
}

void CustomerRepository::record_visit(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                                      const CustomerFields& changes, Visit visit,
                                      std::int64_t now_ms) {
  storage::Assignments a;
  add_common(a, changes);
  // A back-dated bill can be the first visit; MIN/MAX keep first and last visit right either way.
  constexpr std::string_view kVisit = R"(
  visit_count = visit_count + 1,
  first_visit_at = CASE WHEN first_visit_at IS NULL OR first_visit_at > ? THEN ? ELSE first_visit_at END,
  last_visit_at = CASE WHEN last_visit_at IS NULL OR last_visit_at < ? THEN ? ELSE last_visit_at END,
  total_spent_paise = total_spent_paise + ?,
  updated_at = ?
WHERE shop_id = ? AND id = ?)";
  c.query(
      "UPDATE customers SET " + (a.empty() ? std::string() : a.sql() + ",") + std::string(kVisit),
      a.params_with({visit.at_ms, visit.at_ms, visit.at_ms, visit.at_ms, visit.spent_paise, now_ms,
                     shop_id, id}));
  if (changes.chronic_conditions) replace_conditions(c, shop_id, id, *changes.chronic_conditions);
}

std::vector<CustomerSummary> CustomerRepository::list(storage::Connection& c, std::int64_t shop_id,
                                                      const CustomerFilter& filter,
                                                      std::int64_t limit, std::int64_t offset) {
  storage::Conditions w = where(shop_id, filter);
  return storage::rows_as(
      c,
      "SELECT " + std::string(kSummaryColumns) + " FROM customers cu" + w.sql() +
          " ORDER BY cu.last_visit_at IS NULL, cu.last_visit_at DESC, cu.id DESC LIMIT ? OFFSET ?",
      w.params_with({limit, offset}), summary_from_row);
}

std::int64_t CustomerRepository::count(storage::Connection& c, std::int64_t shop_id,
                                       const CustomerFilter& filter) {
  storage::Conditions w = where(shop_id, filter);
  return c.query_int("SELECT COUNT(*) FROM customers cu" + w.sql(), w.params());
}

void CustomerRepository::record_consent_changes(storage::Connection& c, std::int64_t shop_id,
                                                std::int64_t customer_id,
                                                const CustomerFields& fields,
                                                const Customer* before, std::string_view method,
                                                std::optional<std::int64_t> staff_id,
                                                std::int64_t now_ms) {
  if (fields.whatsapp_consent && *fields.whatsapp_consent != (before && before->whatsapp_consent)) {
    record_consent(c, shop_id, customer_id, "whatsapp", *fields.whatsapp_consent, method, staff_id,
                   now_ms);
  }
  if (fields.sms_consent && *fields.sms_consent != (before && before->sms_consent)) {
    record_consent(c, shop_id, customer_id, "sms", *fields.sms_consent, method, staff_id, now_ms);
  }
}

void CustomerRepository::record_consent(storage::Connection& c, std::int64_t shop_id,
                                        std::int64_t customer_id, std::string_view channel,
                                        bool granted, std::string_view method,
                                        std::optional<std::int64_t> staff_id, std::int64_t now_ms,
                                        const std::optional<std::string>& note) {
  c.query(
      "INSERT INTO consent_events (shop_id, customer_id, channel, granted, method, staff_id, note, "
      "at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {shop_id, customer_id, channel, granted, method, staff_id, note, now_ms});
}

std::vector<ConsentEvent> CustomerRepository::consent_history(storage::Connection& c,
                                                              std::int64_t shop_id,
                                                              std::int64_t customer_id,
                                                              std::int64_t limit) {
  std::vector<ConsentEvent> out;
  for (const auto& r : c.query(R"(
SELECT ce.channel, ce.granted, ce.method, ce.staff_id, st.name, ce.note, ce.at
FROM consent_events ce
LEFT JOIN staff st ON st.shop_id = ce.shop_id AND st.id = ce.staff_id
WHERE ce.shop_id = ? AND ce.customer_id = ?
ORDER BY ce.at DESC, ce.id DESC LIMIT ?)",
                               {shop_id, customer_id, limit})
                           .rows) {
    out.push_back(ConsentEvent{r.text_at(0), r.bool_at(1), r.text_at(2), r[3].as_opt_int(),
                               r[4].as_opt_text(), r[5].as_opt_text(), r.int_at(6)});
  }
  return out;
}

}  // namespace rx::customers
