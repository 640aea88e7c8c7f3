// DPDP Act 2023: the owner exports everything about a customer, or erases the person while the
// shop keeps its accounts; both are audited; medical details never reach the server's log.
#include "api_paths.h"
#include "bill_items.h"
#include "direct_sql.h"
#include "test_database.h"
#include "test_server.h"

#include <gtest/gtest.h>

namespace rx::test {
namespace {

class PrivacyTest : public SharedServerTest {
 protected:
  // A customer with a contact-sheet past, a follow-up call, consent, two bills with refills.
  struct History {
    std::int64_t customer_id = 0;
    std::int64_t contact_id = 0;
    std::int64_t bill_total = 0;
  };
  History make_history(const SignedInStaff& owner, const std::string& phone,
                       const std::string& marker) {
    History h;
    Response upload =
        client(owner).upload(kTracking + "/contacts/upload", "file", "s.csv",
                             "Name,Phone,City\n" + marker + " Name," + phone + ",Pune\n");
    EXPECT_EQ(upload.status, 201) << upload.raw;
    Response contacts = client(owner).get(kTracking + "/contacts?q=" + phone);
    h.contact_id = contacts.body["items"][0]["id"];
    const std::string contact = kTracking + "/contacts/" + std::to_string(h.contact_id);
    EXPECT_EQ(client(owner)
                  .post(contact + "/interactions", {{"kind", "call"},
                                                    {"outcome", "interested"},
                                                    {"notes", marker + " asked about insulin"}})
                  .status,
              201);
    EXPECT_EQ(client(owner)
                  .post(contact + "/reminders",
                        {{"due_at", "2099-01-01T10:00"}, {"note", marker + " call back"}})
                  .status,
              201);
    Response first = client(owner).post(
        "/api/bills",
        {{"customer",
          {{"phone", phone},
           {"allergies", marker + "-ALLERGY"},
           {"primary_doctor", "Dr. " + marker},
           {"address", marker + " Street"},
           {"email", "someone@example.in"},
           {"chronic_conditions", {marker + "-CONDITION"}},
           {"whatsapp_consent", true}}},
         {"customer_category", "contact_sheet"},
         {"was_contacted_before", true},
         {"notes", marker + " bill note"},
         {"items",
          {bill_item(marker + "-MEDICINE", 2, 4500, 30), bill_item("Crocin", 1, 3000, 5)}}});
    EXPECT_EQ(first.status, 201) << first.raw;
    h.customer_id = first.body["customer"]["id"];
    Response second =
        client(owner).post("/api/bills", {{"customer", {{"phone", phone}}},
                                          {"was_contacted_before", true},
                                          {"items", {bill_item("Crocin", 2, 3000, 5)}}});
    EXPECT_EQ(second.status, 201) << second.raw;
    h.bill_total = first.body["bill"]["total_paise"].get<std::int64_t>() +
                   second.body["bill"]["total_paise"].get<std::int64_t>();
    return h;
  }
};

TEST_F(PrivacyTest, ExportHoldsEverythingAboutTheCustomer) {
  SignedInStaff owner = create_shop(server(), "Export Shop");
  History h = make_history(owner, "9876560001", "EXPORTME");
  const std::string path = kCustomers + "/" + std::to_string(h.customer_id) + "/export";
  Response res = client(owner).get(path);
  ASSERT_EQ(res.status, 200) << res.raw;
  EXPECT_NE(res.header("Content-Disposition").find("attachment"), std::string::npos);
  const nlohmann::json& d = res.body;
  EXPECT_EQ(d["customer"]["id"], h.customer_id);
  EXPECT_EQ(d["customer"]["allergies"], "EXPORTME-ALLERGY");
  EXPECT_EQ(d["customer"]["chronic_conditions"], nlohmann::json({"exportme-condition"}));
  ASSERT_EQ(d["consent_history"].size(), 1u);
  EXPECT_EQ(d["consent_history"][0]["channel"], "whatsapp");
  EXPECT_EQ(d["consent_history"][0]["granted"], true);
  ASSERT_EQ(d["bills"].size(), 2u);
  std::int64_t total = 0;
  for (const auto& bill : d["bills"]) {
    total += bill["total_paise"].get<std::int64_t>();
    EXPECT_FALSE(bill["items"].empty()) << "bills come with their items";
  }
  EXPECT_EQ(total, h.bill_total);
  EXPECT_EQ(d["purchases"].size(), 3u);
  EXPECT_EQ(d["refill_reminders"].size(), 3u);
  ASSERT_EQ(d["contact_records"].size(), 1u);
  EXPECT_EQ(d["contact_records"][0]["id"], h.contact_id);
  EXPECT_EQ(d["contact_records"][0]["extra"]["City"], "Pune");
  EXPECT_EQ(d["contact_records"][0]["interactions"].size(), 1u);
  EXPECT_EQ(d["contact_records"][0]["follow_ups"].size(), 1u);
  EXPECT_TRUE(d["messages"].is_array());

  Response log = client(owner).get("/api/audit?action=customer.export");
  ASSERT_EQ(log.body["total"], 1);
  EXPECT_EQ(log.body["items"][0]["entity_id"], h.customer_id);
}

TEST_F(PrivacyTest, ExportAndEraseAreForTheOwnerOfTheSameShopOnly) {
  SignedInStaff owner = create_shop(server(), "Privacy Roles Shop");
  SignedInStaff manager = add_staff(server(), owner, "manager");
  SignedInStaff worker = add_staff(server(), owner, "staff");
  SignedInStaff other = create_shop(server(), "Privacy Other Shop");
  History h = make_history(owner, "9876560002", "ROLES");
  const std::string base = kCustomers + "/" + std::to_string(h.customer_id);
  for (const SignedInStaff* who : {&manager, &worker}) {
    expect_error(client(*who).get(base + "/export"), 403, "forbidden");
    expect_error(client(*who).post(base + "/erase", nlohmann::json::object()), 403, "forbidden");
  }
  expect_error(client(other).get(base + "/export"), 404, "not_found");
  expect_error(client(other).post(base + "/erase", nlohmann::json::object()), 404, "not_found");
  expect_error(ApiClient(server().port()).get(base + "/export"), 401, "unauthorized");
  EXPECT_EQ(client(owner).get(base).body["erased"], false) << "nothing happened to it";
  EXPECT_EQ(
      client(other).get("/api/audit?entity_id=" + std::to_string(h.customer_id)).body["total"], 0);
}

TEST_F(PrivacyTest, EraseRemovesThePersonAndKeepsTheAccounts) {
  SignedInStaff owner = create_shop(server(), "Erase Shop");
  History h = make_history(owner, "9876560003", "ERASEME");
  History bystander = make_history(owner, "9876560004", "KEEPME");
  const std::string base = kCustomers + "/" + std::to_string(h.customer_id);
  // Replies the person sent: one matched to them, one only by the number as SMS brought it;
  // and one from the bystander.
  const std::string shop = std::to_string(owner.shop_id);
  const std::string inbound =
      "INSERT INTO inbound_messages (shop_id, channel, provider_message_id, from_phone, kind, "
      "body, action, customer_id, received_at, created_at) VALUES ";
  exec_sql(server().db_url(),
           inbound + "(" + shop + ", 'whatsapp', 'wamid.E1', '+919876560003', 'text', " +
               "'ERASEME reply', 'logged', " + std::to_string(h.customer_id) + ", 1, 1), (" + shop +
               ", 'sms', 'sms.E2', '919876560003', 'text', 'ERASEME sms', 'stored', " +
               "NULL, 1, 1), (" + shop + ", 'sms', 'sms.K1', '919876560004', 'text', " +
               "'KEEPME sms', 'stored', NULL, 1, 1)");

  Response erased = client(owner).post(base + "/erase", nlohmann::json::object());
  ASSERT_EQ(erased.status, 200) << erased.raw;
  EXPECT_EQ(erased.body["bills_kept"], 2);
  EXPECT_EQ(erased.body["refill_reminders_cancelled"], 2) << "the third was refilled already";
  EXPECT_EQ(erased.body["contact_records_erased"], 1);

  Response detail = client(owner).get(base);
  ASSERT_EQ(detail.status, 200);
  const nlohmann::json& c = detail.body;
  EXPECT_EQ(c["erased"], true);
  EXPECT_TRUE(c["erased_at"].is_string());
  EXPECT_EQ(c["phone"], "erased:" + std::to_string(h.customer_id));
  for (const char* field :
       {"name", "allergies", "primary_doctor", "address", "email", "notes", "age", "gender"}) {
    EXPECT_TRUE(c[field].is_null()) << field;
  }
  EXPECT_TRUE(c["chronic_conditions"].empty());
  EXPECT_EQ(c["whatsapp_consent"], false);
  EXPECT_EQ(c["sms_consent"], false);
  EXPECT_EQ(c["total_spent_paise"], h.bill_total) << "the accounts keep the money";
  ASSERT_EQ(c["bills"].size(), 2u);
  for (const auto& p : c["purchases"]) EXPECT_EQ(p["medicine"], "");
  ASSERT_EQ(c["refill_reminders"].size(), 3u);
  for (const auto& r : c["refill_reminders"]) {
    EXPECT_EQ(r["medicine"], "");
    EXPECT_TRUE(r["status"] == "cancelled" || r["status"] == "refilled") << r.dump();
  }
  const std::string bill_path = "/api/bills/" + c["bills"][0]["id"].dump();
  Response bill = client(owner).get(bill_path);
  EXPECT_TRUE(bill.body["notes"].is_null());
  EXPECT_TRUE(bill.body["customer_name"].is_null());
  std::int64_t items_total = 0;
  for (const auto& i : bill.body["items"]) items_total += i["amount_paise"].get<std::int64_t>();
  EXPECT_EQ(items_total, bill.body["total_paise"]) << "item amounts stay";

  Response contact = client(owner).get(kTracking + "/contacts/" + std::to_string(h.contact_id));
  EXPECT_EQ(contact.body["phone"], "erased:contact:" + std::to_string(h.contact_id));
  EXPECT_TRUE(contact.body["name"].is_null());
  EXPECT_EQ(contact.body["extra"], nlohmann::json::object());
  EXPECT_EQ(contact.body["status"], "converted") << "the conversion still counts";

  // Nothing personal or medical about the person is left in what the shop can read...
  Response exported = client(owner).get(base + "/export");
  ASSERT_EQ(exported.status, 200);
  std::string text = exported.raw;
  for (const char* gone : {"ERASEME Name", "ERASEME-ALLERGY", "Dr. ERASEME", "ERASEME Street",
                           "eraseme-condition", "ERASEME asked", "ERASEME call back",
                           "ERASEME bill note", "someone@example.in", "9876560003", "Pune"}) {
    EXPECT_EQ(text.find(gone), std::string::npos) << gone;
  }
  // ... nor in the tables (bill items keep medicine names: the shop's sales, now anonymous).
  const std::string db = server().db_url();
  const std::string id = std::to_string(h.customer_id);
  EXPECT_EQ(sql_count(db, "SELECT COUNT(*) FROM customer_purchases WHERE customer_id = " + id +
                              " AND medicine <> ''"),
            0);
  EXPECT_EQ(sql_count(db, "SELECT COUNT(*) FROM customer_conditions WHERE customer_id = " + id), 0);
  EXPECT_EQ(sql_count(db, "SELECT COUNT(*) FROM contact_interactions WHERE notes LIKE '%ERASEME%'"),
            0);
  EXPECT_EQ(sql_count(db,
                      "SELECT COUNT(*) FROM contact_follow_ups WHERE note LIKE '%ERASEME%' OR "
                      "done_at IS NULL AND contact_id = " +
                          std::to_string(h.contact_id)),
            0);
  EXPECT_EQ(sql_count(db,
                      "SELECT COUNT(*) FROM inbound_messages WHERE body LIKE '%ERASEME%' OR "
                      "from_phone LIKE '%9876560003'"),
            0);
  EXPECT_EQ(sql_count(db,
                      "SELECT COUNT(*) FROM inbound_messages WHERE body = 'KEEPME sms' AND "
                      "from_phone = '919876560004'"),
            1)
      << "another person's reply stays";
  EXPECT_EQ(sql_count(db, "SELECT COUNT(*) FROM consent_events WHERE customer_id = " + id +
                              " AND channel = 'all' AND granted = FALSE"),
            1)
      << "the withdrawal is on record";

  // The bystander is untouched.
  Response kept = client(owner).get(kCustomers + "/" + std::to_string(bystander.customer_id));
  EXPECT_EQ(kept.body["allergies"], "KEEPME-ALLERGY");
  EXPECT_EQ(kept.body["erased"], false);

  // Erased once; no edits, no second erasure; gone from lists; a new visit is a new customer.
  expect_error(client(owner).post(base + "/erase", nlohmann::json::object()), 409, "conflict");
  expect_error(client(owner).put(base, {{"name", "Back again"}}), 409, "conflict");
  for (const auto& listed : client(owner).get(kCustomers + "?limit=500").body["items"]) {
    EXPECT_NE(listed["id"], h.customer_id);
  }
  Response again = client(owner).post("/api/bills", {{"customer", {{"phone", "9876560003"}}},
                                                     {"customer_category", "regular_branded"},
                                                     {"was_contacted_before", false},
                                                     {"items", {bill_item("Crocin", 1, 3000, 5)}}});
  ASSERT_EQ(again.status, 201) << again.raw;
  EXPECT_EQ(again.body["customer_created"], true);
  EXPECT_NE(again.body["customer"]["id"], h.customer_id);

  Response log = client(owner).get("/api/audit?action=customer.erase");
  ASSERT_EQ(log.body["total"], 1);
  EXPECT_EQ(log.body["items"][0]["entity_id"], h.customer_id);
  EXPECT_EQ(log.body["items"][0]["details"]["bills_kept"], 2);
}

TEST_F(PrivacyTest, MedicalDetailsNeverReachTheServerLog) {
  SignedInStaff owner = create_shop(server(), "Log Shop");
  const std::string marker = "LOGMARKER-ANAPHYLAXIS";
  Response created = client(owner).post(kCustomers, {{"phone", "9876560005"},
                                                     {"category", "regular_branded"},
                                                     {"allergies", marker},
                                                     {"notes", marker},
                                                     {"chronic_conditions", {marker}}});
  ASSERT_EQ(created.status, 201);
  const std::string base = kCustomers + "/" + created.body["id"].dump();
  EXPECT_EQ(client(owner).get(base).status, 200);
  EXPECT_EQ(client(owner).put(base, {{"allergies", marker + "-2"}}).status, 200);
  EXPECT_EQ(client(owner).get(kCustomers + "?chronic_condition=" + marker).status, 200);
  EXPECT_EQ(client(owner).get(kCustomers + "?q=" + marker).status, 200);
  // Failures log too: a duplicate phone (409) and a bad field (422) carrying the marker.
  EXPECT_EQ(
      client(owner)
          .post(kCustomers,
                {{"phone", "9876560005"}, {"category", "regular_branded"}, {"allergies", marker}})
          .status,
      409);
  EXPECT_EQ(client(owner).put(base, {{"allergies", marker}, {"age", 999}}).status, 422);
  EXPECT_EQ(client(owner)
                .post("/api/bills", {{"customer", {{"phone", "9876560005"}, {"allergies", marker}}},
                                     {"was_contacted_before", false},
                                     {"items", {bill_item(marker, 1, 100, 10)}}})
                .status,
            201);
  EXPECT_EQ(client(owner).get(base + "/export").status, 200);
  const std::string log = server().log();
  ASSERT_NE(log.find(R"("route":"/api/customer-tracking/customers")"), std::string::npos)
      << "the log is there and has the requests";
  EXPECT_EQ(log.find("LOGMARKER"), std::string::npos) << log;
  EXPECT_EQ(log.find("9876560005"), std::string::npos) << "nor phone numbers";
}

}  // namespace
}  // namespace rx::test
