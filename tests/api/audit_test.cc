// The audit log: sign-ins, views and changes of medical details and consent, and downloads are
// recorded with who, when and from where, never with the values; only the owner reads it; the
// database refuses to change or delete an entry, yet a shop's deletion still takes its log along.
#include "api_paths.h"
#include "test_database.h"
#include "test_server.h"

#include <gtest/gtest.h>

namespace rx::test {
namespace {

class AuditTest : public SharedServerTest {
 protected:
  nlohmann::json audit(const SignedInStaff& owner, const std::string& query) {
    Response res = client(owner).get("/api/audit?" + query);
    EXPECT_EQ(res.status, 200) << res.raw;
    return res.body;
  }
};

TEST_F(AuditTest, SignInsSucceededAndFailedAreRecordedForTheShop) {
  SignedInStaff owner = create_shop(server(), "Audit Sign-in Shop");
  SignedInStaff manager = add_staff(server(), owner, "manager");
  ApiClient anonymous(server().port());
  EXPECT_EQ(
      anonymous.post("/api/auth/login", {{"email", manager.email}, {"password", "not-it-at-all"}})
          .status,
      401);
  EXPECT_EQ(anonymous
                .post("/api/auth/login",
                      {{"email", unique_email("nobody")}, {"password", "whatever-it-is"}})
                .status,
            401);

  nlohmann::json failed = audit(owner, "action=auth.sign_in_failed");
  ASSERT_EQ(failed["total"], 1) << "only the attempt whose email names someone of this shop";
  const nlohmann::json& entry = failed["items"][0];
  EXPECT_EQ(entry["staff_id"], manager.id);
  EXPECT_EQ(entry["staff_name"], "Test manager");
  EXPECT_EQ(entry["entity"], "staff");
  EXPECT_EQ(entry["entity_id"], manager.id);
  EXPECT_EQ(entry["details"]["reason"], "wrong_password");
  EXPECT_EQ(entry["client_ip"], "127.0.0.1");
  EXPECT_TRUE(entry["at"].is_string());
  EXPECT_EQ(failed.dump().find("not-it-at-all"), std::string::npos) << "no password in the log";

  nlohmann::json signed_in = audit(owner, "action=auth.sign_in");
  EXPECT_EQ(signed_in["total"], 2) << "the owner and the manager signed in once each";
  EXPECT_EQ(audit(owner, "action=auth.sign_in&staff_id=" + std::to_string(manager.id))["total"], 1);
}

TEST_F(AuditTest, MedicalViewsAndChangesAreRecordedByNameNeverByValue) {
  SignedInStaff owner = create_shop(server(), "Audit Medical Shop");
  SignedInStaff worker = add_staff(server(), owner, "staff");
  Response created = client(worker).post(kCustomers, {{"phone", "9876511111"},
                                                      {"category", "regular_branded"},
                                                      {"allergies", "SECRET-ALLERGY-PENICILLIN"},
                                                      {"chronic_conditions", {"Diabetes"}}});
  ASSERT_EQ(created.status, 201) << created.raw;
  const std::string id = created.body["id"].dump();
  EXPECT_EQ(client(worker).get(kCustomers + "/" + id).status, 200);
  EXPECT_EQ(client(worker).get(kCustomers + "/phone/09876511111").status, 200);
  EXPECT_EQ(client(worker)
                .put(kCustomers + "/" + id,
                     {{"allergies", "SECRET-ALLERGY-SULFA"}, {"name", "Asha"}, {"notes", nullptr}})
                .status,
            200);
  EXPECT_EQ(client(worker).put(kCustomers + "/" + id, {{"whatsapp_consent", true}}).status, 200);
  EXPECT_EQ(client(worker).put(kCustomers + "/" + id, {{"whatsapp_consent", true}}).status, 200)
      << "no change, no entry";

  nlohmann::json log = audit(owner, "entity=customer&entity_id=" + id + "&limit=50");
  std::vector<std::string> actions;
  for (const auto& item : log["items"]) actions.push_back(item["action"]);
  const std::vector<std::string> expected = {"customer.consent_change", "customer.profile_update",
                                             "customer.medical_update", "customer.view",
                                             "customer.view",           "customer.create"};
  EXPECT_EQ(actions, expected) << log.dump(1);
  EXPECT_EQ(log["total"], 6);
  for (const auto& item : log["items"]) EXPECT_EQ(item["staff_id"], worker.id);
  EXPECT_EQ(log["items"][2]["details"]["fields"], nlohmann::json({"allergies"}))
      << "clearing notes that were empty is no change";
  EXPECT_EQ(log["items"][0]["details"]["consent"], nlohmann::json({{"whatsapp", true}}));
  EXPECT_EQ(log["items"][3]["details"]["via"], "phone");
  EXPECT_EQ(log.dump().find("SECRET-ALLERGY"), std::string::npos);
  EXPECT_EQ(log.dump().find("Diabetes"), std::string::npos);

  // A bill that changes medical details at the counter is recorded as well.
  Response bill = client(worker).post(
      "/api/bills",
      {{"customer", {{"phone", "9876511111"}, {"primary_doctor", "Dr. Rao"}}},
       {"was_contacted_before", false},
       {"items", {{{"medicine", "Crocin"}, {"quantity", 1}, {"unit_price_paise", 100}}}}});
  ASSERT_EQ(bill.status, 201) << bill.raw;
  nlohmann::json via_bill = audit(owner, "action=customer.medical_update&entity_id=" + id);
  ASSERT_EQ(via_bill["total"], 2);
  EXPECT_EQ(via_bill["items"][0]["details"]["via"], "bill");
  EXPECT_EQ(via_bill["items"][0]["details"]["fields"], nlohmann::json({"primary_doctor"}));
}

TEST_F(AuditTest, FiltersPagesAndDateRange) {
  SignedInStaff owner = create_shop(server(), "Audit Filter Shop");
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(client(owner)
                  .post(kCustomers, {{"phone", "98765200" + std::to_string(10 + i)},
                                     {"category", "generic_informed"}})
                  .status,
              201);
  }
  nlohmann::json page = audit(owner, "action=customer.create&limit=2&offset=1");
  EXPECT_EQ(page["total"], 3);
  EXPECT_EQ(page["items"].size(), 2u);
  nlohmann::json all = audit(owner, "action=customer.create");
  EXPECT_EQ(page["items"][0]["id"], all["items"][1]["id"]) << "newest first, offset applies";
  EXPECT_EQ(audit(owner, "action=customer.create&from=2000-01-01&to=2000-12-31")["total"], 0);
  EXPECT_EQ(audit(owner, "action=customer.create&from=2000-01-01")["total"], 3);
  EXPECT_EQ(audit(owner, "action=customer.create&to=2999-12-31")["total"], 3);
  EXPECT_EQ(audit(owner, "action=no.such.action")["total"], 0);
  expect_error(client(owner).get("/api/audit?from=yesterday"), 422, "validation_failed");
  expect_error(client(owner).get("/api/audit?staff_id=x"), 422, "validation_failed");
  expect_error(client(owner).get("/api/audit?limit=0"), 422, "validation_failed");
}

TEST_F(AuditTest, OnlyTheOwnerReadsItAndOnlyTheirShops) {
  SignedInStaff owner_a = create_shop(server(), "Audit Owner A");
  SignedInStaff manager = add_staff(server(), owner_a, "manager");
  SignedInStaff worker = add_staff(server(), owner_a, "staff");
  SignedInStaff owner_b = create_shop(server(), "Audit Owner B");
  expect_error(client(manager).get("/api/audit"), 403, "forbidden");
  expect_error(client(worker).get("/api/audit"), 403, "forbidden");
  expect_error(ApiClient(server().port()).get("/api/audit"), 401, "unauthorized");
  nlohmann::json b_log = audit(owner_b, "limit=500");
  for (const auto& item : b_log["items"]) {
    EXPECT_NE(item["staff_id"], manager.id);
    EXPECT_NE(item["staff_id"], worker.id);
    EXPECT_NE(item["staff_id"], owner_a.id);
  }
  EXPECT_EQ(audit(owner_b, "staff_id=" + std::to_string(manager.id))["total"], 0);
}

TEST_F(AuditTest, DownloadsAreRecorded) {
  SignedInStaff owner = create_shop(server(), "Audit Download Shop");
  SignedInStaff manager = add_staff(server(), owner, "manager");
  Response upload = client(manager).upload("/api/customer-tracking/contacts/upload", "file",
                                           "s.csv", "Name,Phone\nA,9876530001\nB,12\n");
  ASSERT_EQ(upload.status, 201) << upload.raw;
  const std::string upload_id = upload.body["id"].dump();
  EXPECT_EQ(
      client(manager).get("/api/customer-tracking/uploads/" + upload_id + "/errors.csv").status,
      200);
  nlohmann::json log = audit(owner, "action=data.export");
  ASSERT_EQ(log["total"], 1);
  EXPECT_EQ(log["items"][0]["entity"], "upload");
  EXPECT_EQ(log["items"][0]["entity_id"].dump(), upload_id);
  EXPECT_EQ(log["items"][0]["staff_id"], manager.id);
  EXPECT_EQ(log["items"][0]["details"]["rows"], 1);
}

TEST_F(AuditTest, TheDatabaseRefusesToChangeOrDeleteEntriesButAShopDeletionTakesThem) {
  SignedInStaff owner = create_shop(server(), "Audit Append Shop");
  ASSERT_EQ(client(owner)
                .post(kCustomers, {{"phone", "9876540001"}, {"category", "regular_branded"}})
                .status,
            201);
  const std::string db = server().db_url();
  const std::string shop = std::to_string(owner.shop_id);
  const long long entries = sql_count(db, "SELECT COUNT(*) FROM audit_log WHERE shop_id = " + shop);
  ASSERT_GE(entries, 2);
  SqlResult update = run_sql(db, "UPDATE audit_log SET action = 'forged' WHERE shop_id = " + shop);
  EXPECT_FALSE(update.ok);
  EXPECT_NE(update.error.find("append-only"), std::string::npos) << update.error;
  SqlResult remove = run_sql(db, "DELETE FROM audit_log WHERE shop_id = " + shop);
  EXPECT_FALSE(remove.ok);
  EXPECT_EQ(sql_count(db, "SELECT COUNT(*) FROM audit_log WHERE shop_id = " + shop), entries);
  if (engine() == "postgres") {
    EXPECT_FALSE(run_sql(db, "TRUNCATE audit_log").ok);
  }

  SignedInStaff other = create_shop(server(), "Audit Bystander Shop");
  const long long others = sql_count(
      db, "SELECT COUNT(*) FROM audit_log WHERE shop_id = " + std::to_string(other.shop_id));
  SqlResult deleted = run_sql(db, "DELETE FROM shops WHERE id = " + shop);
  ASSERT_TRUE(deleted.ok) << deleted.error;
  EXPECT_EQ(sql_count(db, "SELECT COUNT(*) FROM audit_log WHERE shop_id = " + shop), 0);
  EXPECT_EQ(sql_count(db, "SELECT COUNT(*) FROM customers WHERE shop_id = " + shop), 0);
  EXPECT_EQ(sql_count(db, "SELECT COUNT(*) FROM audit_log WHERE shop_id = " +
                              std::to_string(other.shop_id)),
            others)
      << "another shop's log is untouched";
}

}  // namespace
}  // namespace rx::test
