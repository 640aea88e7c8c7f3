#include "contacts/do_not_contact_repository.h"

#include "storage/codec.h"

namespace rx::contacts {
namespace {

struct CustomerMark {
  core::CustomerId id;
  bool set = false;
};

std::optional<CustomerMark> customer_mark(storage::Connection& c, core::ShopId shop,
                                          const std::string& e164) {
  return storage::first_row_as(
      c, "SELECT id, do_not_contact FROM customers WHERE shop_id = ? AND phone = ?",
      {shop.value(), e164}, [](const storage::RowView& r) {
        return CustomerMark{core::CustomerId(storage::Codec<std::int64_t>::read(r, 0)),
                            storage::Codec<bool>::read(r, 1)};
      });
}

bool contact_marked(storage::Connection& c, core::ShopId shop, const std::string& e164) {
  return c.query_int(
             "SELECT COUNT(*) FROM contact_records WHERE shop_id = ? AND phone = ? AND "
             "do_not_contact",
             {shop.value(), e164}) > 0;
}

DoNotContactRepository::Change before(storage::Connection& c, core::ShopId shop,
                                      const std::string& e164) {
  DoNotContactRepository::Change out;
  out.contact_was_set = contact_marked(c, shop, e164);
  if (auto customer = customer_mark(c, shop, e164)) {
    out.customer_id = customer->id;
    out.customer_was_set = customer->set;
  }
  return out;
}

}  // namespace

DoNotContactRepository::Change DoNotContactRepository::set_for_phone(storage::Connection& c,
                                                                     core::ShopId shop,
                                                                     const std::string& e164,
                                                                     core::StaffId by,
                                                                     std::int64_t now_ms) {
  Change change = before(c, shop, e164);
  const storage::Params params{by.value(), now_ms, now_ms, shop.value(), e164};
  c.query(
      "UPDATE contact_records SET do_not_contact = TRUE, do_not_contact_by = ?, "
      "do_not_contact_at = ?, updated_at = ? WHERE shop_id = ? AND phone = ? AND "
      "NOT do_not_contact",
      params);
  c.query(
      "UPDATE customers SET do_not_contact = TRUE, do_not_contact_by = ?, do_not_contact_at = ?, "
      "updated_at = ? WHERE shop_id = ? AND phone = ? AND NOT do_not_contact",
      params);
  return change;
}

DoNotContactRepository::Change DoNotContactRepository::lift_for_phone(storage::Connection& c,
                                                                      core::ShopId shop,
                                                                      const std::string& e164,
                                                                      std::int64_t now_ms) {
  Change change = before(c, shop, e164);
  const storage::Params params{now_ms, shop.value(), e164};
  c.query(
      "UPDATE contact_records SET do_not_contact = FALSE, do_not_contact_by = NULL, "
      "do_not_contact_at = NULL, updated_at = ? WHERE shop_id = ? AND phone = ? AND "
      "do_not_contact",
      params);
  c.query(
      "UPDATE customers SET do_not_contact = FALSE, do_not_contact_by = NULL, "
      "do_not_contact_at = NULL, updated_at = ? WHERE shop_id = ? AND phone = ? AND "
      "do_not_contact",
      params);
  return change;
}

void DoNotContactRepository::inherit_for_customer(storage::Connection& c, core::ShopId shop,
                                                  core::CustomerId customer_id) {
  c.query(R"(
UPDATE customers SET do_not_contact = TRUE,
  do_not_contact_by = (SELECT cr.do_not_contact_by FROM contact_records cr
                       WHERE cr.shop_id = customers.shop_id AND cr.phone = customers.phone),
  do_not_contact_at = (SELECT cr.do_not_contact_at FROM contact_records cr
                       WHERE cr.shop_id = customers.shop_id AND cr.phone = customers.phone)
WHERE shop_id = ? AND id = ? AND NOT do_not_contact
  AND EXISTS (SELECT 1 FROM contact_records cr WHERE cr.shop_id = customers.shop_id
              AND cr.phone = customers.phone AND cr.do_not_contact))",
          {shop.value(), customer_id.value()});
}

}  // namespace rx::contacts
