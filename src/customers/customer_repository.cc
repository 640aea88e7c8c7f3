#include "customers/customer_repository.h"

#include "contacts/do_not_contact_repository.h"
#include "core/json_fields.h"
#include "storage/conditions.h"
#include "storage/table.h"

#include <algorithm>
#include <cctype>

namespace rx::customers {
namespace {

using storage::Params;

using storage::column;

// The customers row as the detail, the counter and a bill's answer read it (chronic conditions
// are rows of their own, read by conditions_of).
constexpr storage::Table kCustomer(
    column("id", &Customer::id), column("phone", &Customer::phone), column("name", &Customer::name),
    column("category", &Customer::category), column("age", &Customer::age),
    column("birth_year", &Customer::birth_year), column("gender", &Customer::gender),
    column("address", &Customer::address), column("email", &Customer::email),
    column("allergies", &Customer::allergies), column("primary_doctor", &Customer::primary_doctor),
    column("prefers_generic", &Customer::prefers_generic), column("notes", &Customer::notes),
    column("refill_lead_days", &Customer::refill_lead_days),
    column("visit_count", &Customer::visit_count),
    column("first_visit_at", &Customer::first_visit_at),
    column("last_visit_at", &Customer::last_visit_at),
    column("total_spent_paise", &Customer::total_spent_paise),
    column("whatsapp_status", &Customer::whatsapp_status),
    column("whatsapp_consent", &Customer::whatsapp_consent),
    column("sms_consent", &Customer::sms_consent), column("opted_out_at", &Customer::opted_out_at),
    column("do_not_contact", &Customer::do_not_contact),
    column("do_not_contact_by", &Customer::do_not_contact_by),
    column("do_not_contact_at", &Customer::do_not_contact_at),
    column("created_at", &Customer::created_at), column("updated_at", &Customer::updated_at),
    column("erased_at", &Customer::erased_at));

// What a list shows of a customer: never their medical, contact or personal details.
constexpr storage::Table kSummary(column("id", &CustomerSummary::id),
                                  column("phone", &CustomerSummary::phone),
                                  column("name", &CustomerSummary::name),
                                  column("category", &CustomerSummary::category),
                                  column("visit_count", &CustomerSummary::visit_count),
                                  column("first_visit_at", &CustomerSummary::first_visit_at),
                                  column("last_visit_at", &CustomerSummary::last_visit_at),
                                  column("total_spent_paise", &CustomerSummary::total_spent_paise),
                                  column("whatsapp_status", &CustomerSummary::whatsapp_status),
                                  column("opted_out_at", &CustomerSummary::opted_out_at),
                                  column("created_at", &CustomerSummary::created_at),
                                  column("updated_at", &CustomerSummary::updated_at));

// A consent event with the name of the staff member who recorded it (ce: consent_events,
// st: staff).
constexpr storage::Table kConsentEvent(column("ce.channel", &ConsentEvent::channel),
                                       column("ce.granted", &ConsentEvent::granted),
                                       column("ce.method", &ConsentEvent::method),
                                       column("ce.staff_id", &ConsentEvent::staff_id),
                                       column("st.name", &ConsentEvent::staff_name),
                                       column("ce.note", &ConsentEvent::note),
                                       column("ce.at", &ConsentEvent::at));

// The first customer a query finds, read in place (every bill reads one or two).
std::optional<Customer> first_customer(storage::Connection& c, std::string_view sql,
                                       const storage::Params& params) {
  std::optional<Customer> found;
  c.for_each_row(sql, params, [&](const storage::RowView& r) {
    if (!found) kCustomer.read_into(found.emplace(), r);
  });
  return found;
}

CustomerSummary summary_from(const storage::RowView& r) { return kSummary.read(r); }

// "SELECT <every customer column> FROM customers cu WHERE <where>", built once a statement.
std::string select_customer_where(std::string_view where) {
  return "SELECT " + kCustomer.select_list("cu.") + " FROM customers cu WHERE " +
         std::string(where);
}

std::vector<std::string> conditions_of(storage::Connection& c, core::ShopId shop_id,
                                       core::CustomerId id) {
  return storage::rows_as(
      c,
      "SELECT condition FROM customer_conditions WHERE shop_id = ? AND customer_id = ? "
      "ORDER BY condition",
      {shop_id.value(), id.value()},
      [](const storage::RowView& r) { return storage::Codec<std::string>::read(r, 0); });
}

void replace_conditions(storage::Connection& c, core::ShopId shop_id, core::CustomerId id,
                        const std::vector<std::string>& conditions) {
  c.query("DELETE FROM customer_conditions WHERE shop_id = ? AND customer_id = ?",
          {shop_id.value(), id.value()});
  std::vector<std::string> keys;
  for (const auto& condition : conditions) {
    std::string key = condition_key(condition);
    if (!key.empty() && std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  for (const auto& key : keys) {
    c.query("INSERT INTO customer_conditions (shop_id, customer_id, condition) VALUES (?, ?, ?)",
            {shop_id.value(), id.value(), key});
  }
}

void add_common(storage::Assignments& a, const CustomerFields& f) {
  a.set_if("phone", f.phone);
  a.set_if("name", f.name);
  if (f.category) a.set("category", core::enum_name(*f.category));
  a.set_if("age", f.age);
  a.set_if("birth_year", f.birth_year);
  a.set_if("gender", f.gender);
  a.set_if("address", f.address);
  a.set_if("email", f.email);
  a.set_if("allergies", f.allergies);
  a.set_if("primary_doctor", f.primary_doctor);
  a.set_if("prefers_generic", f.prefers_generic);
  a.set_if("notes", f.notes);
  a.set_if("refill_lead_days", f.refill_lead_days);
  a.set_if("whatsapp_consent", f.whatsapp_consent);
  a.set_if("sms_consent", f.sms_consent);
}

storage::Conditions where(core::ShopId shop_id, const CustomerFilter& f) {
  storage::Conditions w;
  w.add("cu.shop_id = ?", {shop_id.value()});
  w.add("cu.erased_at IS NULL");  // an erased customer is no one to look for any more
  if (f.category) w.add("cu.category = ?", {core::enum_name(*f.category)});
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

std::optional<Customer> CustomerRepository::find(storage::Connection& c, core::ShopId shop_id,
                                                 core::CustomerId id) {
  auto found = find_row(c, shop_id, id);
  if (found) found->chronic_conditions = conditions_of(c, shop_id, id);
  return found;
}

std::optional<Customer> CustomerRepository::find_row(storage::Connection& c, core::ShopId shop_id,
                                                     core::CustomerId id) {
  static const std::string kSql = select_customer_where("cu.shop_id = ? AND cu.id = ?");
  return first_customer(c, kSql, {shop_id.value(), id.value()});
}

std::optional<Customer> CustomerRepository::find_by_phone(storage::Connection& c,
                                                          core::ShopId shop_id,
                                                          const std::string& e164) {
  static const std::string kSql = select_customer_where("cu.shop_id = ? AND cu.phone = ?");
  auto found = first_customer(c, kSql, {shop_id.value(), e164});
  if (found) found->chronic_conditions = conditions_of(c, shop_id, core::CustomerId(found->id));
  return found;
}

core::CustomerId CustomerRepository::insert(storage::Connection& c, core::ShopId shop_id,
                                            const CustomerFields& fields, std::int64_t now_ms,
                                            std::optional<Visit> first_visit) {
  storage::Assignments a;
  a.set("shop_id", shop_id.value());
  add_common(a, fields);
  if (first_visit) {
    a.set("visit_count", std::int64_t{1});
    a.set("first_visit_at", first_visit->at_ms);
    a.set("last_visit_at", first_visit->at_ms);
    a.set("total_spent_paise", first_visit->spent_paise);
  }
  a.set("created_at", now_ms);
  a.set("updated_at", now_ms);
  const core::CustomerId id(
      c.insert_returning_id("INSERT INTO customers " + a.insert_sql(), a.params_with({})));
  if (fields.chronic_conditions) replace_conditions(c, shop_id, id, *fields.chronic_conditions);
  // Someone who asked not to be called from the contact sheet keeps asking as a customer.
  contacts::DoNotContactRepository::inherit_for_customer(c, shop_id, id);
  return id;
}

void CustomerRepository::update(storage::Connection& c, core::ShopId shop_id, core::CustomerId id,
                                const CustomerFields& fields, std::int64_t now_ms) {
  storage::Assignments a;
  add_common(a, fields);
  a.set("updated_at", now_ms);
  c.query("UPDATE customers SET " + a.sql() + " WHERE shop_id = ? AND id = ?",
          a.params_with({shop_id.value(), id.value()}));
  if (fields.chronic_conditions) replace_conditions(c, shop_id, id, *fields.chronic_conditions);
}

void CustomerRepository::record_visit(storage::Connection& c, core::ShopId shop_id,
                                      core::CustomerId id, const CustomerFields& changes,
                                      Visit visit, std::int64_t now_ms) {
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
                     shop_id.value(), id.value()}));
  if (changes.chronic_conditions) replace_conditions(c, shop_id, id, *changes.chronic_conditions);
}

std::vector<CustomerSummary> CustomerRepository::list(storage::Connection& c, core::ShopId shop_id,
                                                      const CustomerFilter& filter,
                                                      std::int64_t limit, std::int64_t offset) {
  storage::Conditions w = where(shop_id, filter);
  static const std::string kSelect = "SELECT " + kSummary.select_list("cu.") + " FROM customers cu";
  return storage::rows_as(
      c,
      kSelect + w.sql() +
          " ORDER BY cu.last_visit_at IS NULL, cu.last_visit_at DESC, cu.id DESC LIMIT ? OFFSET ?",
      w.params_with({limit, offset}), summary_from);
}

std::int64_t CustomerRepository::count(storage::Connection& c, core::ShopId shop_id,
                                       const CustomerFilter& filter) {
  storage::Conditions w = where(shop_id, filter);
  return c.query_int("SELECT COUNT(*) FROM customers cu" + w.sql(), w.params());
}

void CustomerRepository::record_consent_changes(storage::Connection& c, core::ShopId shop_id,
                                                core::CustomerId customer_id,
                                                const CustomerFields& fields,
                                                const Customer* before, std::string_view method,
                                                std::optional<core::StaffId> staff_id,
                                                std::int64_t now_ms) {
  if (fields.whatsapp_consent && *fields.whatsapp_consent != (before && before->whatsapp_consent)) {
    record_consent(c, shop_id, customer_id, "whatsapp", *fields.whatsapp_consent, method, staff_id,
                   now_ms);
  }
  if (fields.sms_consent && *fields.sms_consent != (before && before->sms_consent)) {
    record_consent(c, shop_id, customer_id, "sms", *fields.sms_consent, method, staff_id, now_ms);
  }
}

void CustomerRepository::record_consent(storage::Connection& c, core::ShopId shop_id,
                                        core::CustomerId customer_id, std::string_view channel,
                                        bool granted, std::string_view method,
                                        std::optional<core::StaffId> staff_id, std::int64_t now_ms,
                                        const std::optional<std::string>& note) {
  c.query(
      "INSERT INTO consent_events (shop_id, customer_id, channel, granted, method, staff_id, note, "
      "at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {shop_id.value(), customer_id.value(), channel, granted, method,
       staff_id ? storage::Value(staff_id->value()) : storage::Value(), note, now_ms});
}

std::vector<ConsentEvent> CustomerRepository::consent_history(storage::Connection& c,
                                                              core::ShopId shop_id,
                                                              core::CustomerId customer_id,
                                                              std::int64_t limit) {
  static const std::string kSql = "SELECT " + kConsentEvent.select_list() + R"(
FROM consent_events ce
LEFT JOIN staff st ON st.shop_id = ce.shop_id AND st.id = ce.staff_id
WHERE ce.shop_id = ? AND ce.customer_id = ?
ORDER BY ce.at DESC, ce.id DESC LIMIT ?)";
  return storage::rows_as(c, kSql, {shop_id.value(), customer_id.value(), limit},
                          [](const storage::RowView& r) { return kConsentEvent.read(r); });
}

}  // namespace rx::customers
