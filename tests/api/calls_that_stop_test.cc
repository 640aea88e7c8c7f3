// Calls that stop (issue 21, section 2): a contact not reached after the shop's
// max_call_attempts calls is set aside as unreachable until the person calls, writes or visits;
// the outcome do_not_call marks the person (contact and customer) do_not_contact, which keeps
// them off every list to call and out of every message until an owner lifts it.
#include "api_paths.h"
#include "messaging_support.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <set>

namespace rx::test {
namespace {

// Uploads one sheet holding these 10-digit numbers and answers their contact ids, in order.
std::vector<std::int64_t> upload_contacts(ApiClient& api, const std::vector<std::string>& phones) {
  std::string csv = "Name,Phone\n";
  for (const std::string& phone : phones) csv += "Person " + phone + "," + phone + "\n";
  Response up = api.upload(kContacts + "/upload", "file", "calls.csv", csv);
  EXPECT_EQ(up.status, 201) << up.raw;
  std::vector<std::int64_t> ids;
  for (const std::string& phone : phones) {
    Response found = api.get(kContacts + "?reach=all&q=" + phone);
    EXPECT_EQ(found.body["total"], 1) << found.raw;
    ids.push_back(found.body["items"][0]["id"].get<std::int64_t>());
  }
  return ids;
}

Response log_call(ApiClient& api, std::int64_t id, const std::string& outcome,
                  const std::string& kind = "call", bool inbound = false) {
  Response res = api.post(kContacts + "/" + std::to_string(id) + "/interactions",
                          {{"kind", kind}, {"outcome", outcome}, {"inbound", inbound}});
  EXPECT_EQ(res.status, 201) << res.raw;
  return res;
}

nlohmann::json contact(ApiClient& api, std::int64_t id) {
  Response res = api.get(kContacts + "/" + std::to_string(id));
  EXPECT_EQ(res.status, 200) << res.raw;
  return res.body;
}

std::set<std::int64_t> listed(ApiClient& api, const std::string& query) {
  Response res = api.get(kContacts + query);
  EXPECT_EQ(res.status, 200) << res.raw;
  std::set<std::int64_t> ids;
  for (const auto& item : res.body["items"]) ids.insert(item["id"].get<std::int64_t>());
  EXPECT_EQ(res.body["total"].get<std::size_t>(), ids.size()) << query << " " << res.raw;
  return ids;
}

nlohmann::json bill_for(const std::string& phone) {
  return {{"customer", {{"phone", phone}, {"whatsapp_consent", true}}},
          {"was_contacted_before", true},
          {"customer_category", "contact_sheet"},
          {"items", {{{"medicine", "Metformin 500"}, {"quantity", 1}, {"unit_price_paise", 500}}}}};
}

nlohmann::json audit_entries(ApiClient& owner_api, const std::string& action) {
  Response res = owner_api.get("/api/audit?action=" + action);
  EXPECT_EQ(res.status, 200) << res.raw;
  return res.body["items"];
}

class CallsThatStopTest : public SharedServerTest {};

TEST_F(CallsThatStopTest, MaxCallAttemptsDefaultsToFiveAndIsValidated) {
  SignedInStaff owner = create_shop(server(), "Attempts Shop");
  SignedInStaff manager = add_staff(server(), owner, "manager");
  ApiClient api = client(owner);
  EXPECT_EQ(api.get("/api/shop").body["max_call_attempts"], 5);
  for (const nlohmann::json& bad :
       {nlohmann::json(0), nlohmann::json(51), nlohmann::json(-1), nlohmann::json("5"),
        nlohmann::json(2.5), nlohmann::json(true)}) {
    Response res = api.put("/api/shop", {{"max_call_attempts", bad}});
    EXPECT_EQ(res.status, 422) << bad.dump() << " " << res.raw;
    EXPECT_TRUE(res.body["error"]["details"]["fields"].contains("max_call_attempts")) << res.raw;
  }
  EXPECT_EQ(api.get("/api/shop").body["max_call_attempts"], 5) << "a refused value changes nothing";
  Response set = api.put("/api/shop", {{"max_call_attempts", 50}});
  ASSERT_EQ(set.status, 200) << set.raw;
  EXPECT_EQ(set.body["max_call_attempts"], 50);
  EXPECT_EQ(api.get("/api/shop").body["max_call_attempts"], 50);
  EXPECT_EQ(client(manager).put("/api/shop", {{"max_call_attempts", 3}}).status, 403);
}

TEST_F(CallsThatStopTest, UnreachableAfterThatManyCallsThatDidNotReachAndNotBefore) {
  SignedInStaff owner = create_shop(server(), "Unreachable Shop");
  SignedInStaff staff = add_staff(server(), owner, "staff");
  ApiClient api = client(owner);
  ASSERT_EQ(api.put("/api/shop", {{"max_call_attempts", 3}}).status, 200);
  const std::vector<std::int64_t> ids = upload_contacts(api, {"9876512001", "9876512002"});
  const std::int64_t asha = ids[0];
  const std::int64_t other = ids[1];
  ASSERT_EQ(
      api.post(kContacts + "/assign", {{"staff_ids", {staff.id}}, {"contact_ids", ids}}).status,
      200);

  log_call(api, asha, "no_answer");
  log_call(api, asha, "busy");
  log_call(api, asha, "no_answer", "whatsapp");  // a message is not a call
  nlohmann::json two = contact(api, asha);
  EXPECT_EQ(two["unreached_calls"], 2);
  EXPECT_EQ(two["unreachable"], false);
  log_call(api, asha, "answered");
  EXPECT_EQ(contact(api, asha)["unreached_calls"], 0) << "a call that reached them starts again";
  log_call(api, asha, "switched_off");
  log_call(api, asha, "no_answer");
  EXPECT_EQ(contact(api, asha)["unreachable"], false) << "two since the answered call";
  EXPECT_EQ(listed(api, ""), (std::set<std::int64_t>{asha, other}));

  log_call(api, asha, "busy");
  nlohmann::json set_aside = contact(api, asha);
  EXPECT_EQ(set_aside["unreachable"], true);
  EXPECT_EQ(set_aside["unreached_calls"], 3);

  // Off the default list and the staff member's own lists (My work), on the filtered ones.
  EXPECT_EQ(listed(api, ""), std::set<std::int64_t>{other});
  EXPECT_EQ(listed(api, "?status=contacted"), std::set<std::int64_t>{});
  EXPECT_EQ(listed(api, "?assigned_staff_id=" + std::to_string(staff.id)),
            std::set<std::int64_t>{other});
  ApiClient staff_api = client(staff);
  EXPECT_EQ(listed(staff_api, "?status=contacted&sort=updated"), std::set<std::int64_t>{});
  EXPECT_EQ(listed(staff_api, "?status=pending&sort=oldest"), std::set<std::int64_t>{other});
  EXPECT_EQ(listed(api, "?reach=unreachable"), std::set<std::int64_t>{asha});
  EXPECT_EQ(listed(api, "?reach=all"), (std::set<std::int64_t>{asha, other}));
  EXPECT_EQ(listed(api, "?reach=do_not_contact"), std::set<std::int64_t>{});
  expect_error(api.get(kContacts + "?reach=set_aside"), 422, "validation_failed");
  expect_error(api.get(kContacts + "?reach=maybe"), 422, "validation_failed");
  // Assignment by filter hands out only contacts that may be called.
  Response assigned = api.post(
      kContacts + "/assign",
      {{"staff_ids", {owner.id}}, {"filter", nlohmann::json::object()}, {"reassign", true}});
  ASSERT_EQ(assigned.status, 200) << assigned.raw;
  EXPECT_EQ(assigned.body["assigned"][std::to_string(owner.id)], 1);

  // The person calls the shop: back on the lists.
  Response inbound = log_call(staff_api, asha, "answered", "call", true);
  EXPECT_EQ(inbound.body["inbound"], true);
  nlohmann::json back = contact(api, asha);
  EXPECT_EQ(back["unreachable"], false);
  EXPECT_EQ(back["unreached_calls"], 0);
  EXPECT_EQ(listed(api, ""), (std::set<std::int64_t>{asha, other}));
}

TEST_F(CallsThatStopTest, AVisitOrABillBringsAnUnreachableContactBack) {
  SignedInStaff owner = create_shop(server(), "Comes Back Shop");
  ApiClient api = client(owner);
  ASSERT_EQ(api.put("/api/shop", {{"max_call_attempts", 1}}).status, 200);
  const std::vector<std::int64_t> ids = upload_contacts(api, {"9876513001", "9876513002"});
  for (std::int64_t id : ids) {
    log_call(api, id, "no_answer");
    ASSERT_EQ(contact(api, id)["unreachable"], true);
  }
  ASSERT_EQ(listed(api, ""), std::set<std::int64_t>{});

  Response bill = api.post("/api/bills", bill_for("9876513001"));
  ASSERT_EQ(bill.status, 201) << bill.raw;
  EXPECT_EQ(contact(api, ids[0])["unreachable"], false);
  EXPECT_EQ(contact(api, ids[0])["unreached_calls"], 0);

  Response yellow =
      api.post(kContacts + "/" + std::to_string(ids[1]) + "/mark-yellow", nlohmann::json::object());
  ASSERT_EQ(yellow.status, 200) << yellow.raw;
  EXPECT_EQ(yellow.body["unreachable"], false);
  EXPECT_EQ(listed(api, ""), (std::set<std::int64_t>{ids[0], ids[1]}));
}

TEST_F(CallsThatStopTest, DoNotCallMarksContactAndCustomerNowAndLater) {
  SignedInStaff owner = create_shop(server(), "Do Not Call Shop");
  SignedInStaff staff = add_staff(server(), owner, "staff");
  ApiClient api = client(owner);
  // A customer already known by phone, and one who comes only later.
  Response first_bill = api.post("/api/bills", bill_for("9876514001"));
  ASSERT_EQ(first_bill.status, 201) << first_bill.raw;
  const std::int64_t customer_now = first_bill.body["customer"]["id"];
  const std::vector<std::int64_t> ids = upload_contacts(api, {"9876514001", "9876514002"});
  ASSERT_EQ(
      api.post(kContacts + "/assign", {{"staff_ids", {staff.id}}, {"contact_ids", ids}}).status,
      200);
  ApiClient staff_api = client(staff);
  for (std::int64_t id : ids) log_call(staff_api, id, "do_not_call");

  nlohmann::json marked = contact(api, ids[0]);
  EXPECT_EQ(marked["do_not_contact"], true);
  EXPECT_EQ(marked["do_not_contact_by"], staff.id);
  EXPECT_TRUE(marked["do_not_contact_at"].is_string()) << marked;
  EXPECT_TRUE(marked["do_not_contact_by_name"].is_string()) << marked;
  EXPECT_EQ(marked["interactions"][0]["outcome"], "do_not_call");
  Response customer = api.get("/api/customer-tracking/customers/" + std::to_string(customer_now));
  ASSERT_EQ(customer.status, 200) << customer.raw;
  EXPECT_EQ(customer.body["do_not_contact"], true);
  EXPECT_EQ(customer.body["do_not_contact_by"], staff.id);
  EXPECT_EQ(customer.body["do_not_contact_by_name"], marked["do_not_contact_by_name"]);

  // Never listed to call.
  EXPECT_EQ(listed(api, ""), std::set<std::int64_t>{});
  EXPECT_EQ(listed(staff_api, "?status=contacted"), std::set<std::int64_t>{});
  EXPECT_EQ(listed(api, "?reach=do_not_contact"), (std::set<std::int64_t>{ids[0], ids[1]}));

  // A customer created later for the second phone takes the mark.
  Response later_bill = api.post("/api/bills", bill_for("9876514002"));
  ASSERT_EQ(later_bill.status, 201) << later_bill.raw;
  Response later =
      api.get("/api/customer-tracking/customers/" + later_bill.body["customer"]["id"].dump());
  EXPECT_EQ(later.body["do_not_contact"], true) << later.raw;
  EXPECT_EQ(later.body["do_not_contact_by"], staff.id);
  EXPECT_TRUE(later.body["do_not_contact_at"].is_string());
  EXPECT_EQ(contact(api, ids[1])["do_not_contact"], true) << "a bill does not lift it";

  // Audited with the mark before and after.
  nlohmann::json set = audit_entries(api, "contact.do_not_contact_set");
  ASSERT_EQ(set.size(), 2u) << set;
  for (const auto& entry : set) {
    EXPECT_EQ(entry["staff_id"], staff.id);
    EXPECT_EQ(entry["details"]["before"], false) << entry;
    EXPECT_EQ(entry["details"]["after"], true) << entry;
  }
}

TEST_F(CallsThatStopTest, OnlyAnOwnerOfTheShopLiftsDoNotContact) {
  SignedInStaff owner = create_shop(server(), "Lift Shop");
  SignedInStaff manager = add_staff(server(), owner, "manager");
  SignedInStaff staff = add_staff(server(), owner, "staff");
  SignedInStaff stranger = create_shop(server(), "Other Lift Shop");
  ApiClient api = client(owner);
  Response bill = api.post("/api/bills", bill_for("9876515001"));
  ASSERT_EQ(bill.status, 201) << bill.raw;
  const std::string customer_id = bill.body["customer"]["id"].dump();
  const std::int64_t id = upload_contacts(api, {"9876515001"})[0];
  ASSERT_EQ(
      api.post(kContacts + "/assign", {{"staff_ids", {staff.id}}, {"contact_ids", {id}}}).status,
      200);
  log_call(api, id, "do_not_call");
  const std::string contact_path = kContacts + "/" + std::to_string(id) + "/do-not-contact";
  const std::string customer_path =
      "/api/customer-tracking/customers/" + customer_id + "/do-not-contact";

  for (const SignedInStaff* who : {&manager, &staff}) {
    expect_error(client(*who).del(contact_path), 403, "forbidden");
    expect_error(client(*who).del(customer_path), 403, "forbidden");
  }
  expect_error(client(stranger).del(contact_path), 404, "not_found");
  expect_error(client(stranger).del(customer_path), 404, "not_found");
  EXPECT_EQ(contact(api, id)["do_not_contact"], true) << "refused lifts change nothing";
  EXPECT_TRUE(audit_entries(api, "contact.do_not_contact_lift").empty());

  Response lifted = api.del(contact_path);
  ASSERT_EQ(lifted.status, 200) << lifted.raw;
  EXPECT_EQ(lifted.body["do_not_contact"], false);
  EXPECT_EQ(lifted.body["contact_id"], id);
  EXPECT_EQ(lifted.body["customer_id"].dump(), customer_id);
  nlohmann::json after = contact(api, id);
  EXPECT_EQ(after["do_not_contact"], false);
  EXPECT_TRUE(after["do_not_contact_by"].is_null());
  EXPECT_EQ(api.get("/api/customer-tracking/customers/" + customer_id).body["do_not_contact"],
            false);
  ApiClient staff_api = client(staff);
  EXPECT_EQ(listed(staff_api, ""), std::set<std::int64_t>{id});

  // Set again, lifted from the customer's side this time.
  log_call(api, id, "do_not_call");
  ASSERT_EQ(api.get("/api/customer-tracking/customers/" + customer_id).body["do_not_contact"],
            true);
  ASSERT_EQ(api.del(customer_path).status, 200);
  EXPECT_EQ(contact(api, id)["do_not_contact"], false);
  EXPECT_EQ(api.del(customer_path).status, 200) << "lifting an unmarked person changes nothing";

  nlohmann::json lifts = audit_entries(api, "contact.do_not_contact_lift");
  ASSERT_EQ(lifts.size(), 2u) << lifts;
  for (const auto& entry : lifts) {
    EXPECT_EQ(entry["staff_id"], owner.id);
    EXPECT_EQ(entry["details"]["before"], true) << entry;
    EXPECT_EQ(entry["details"]["after"], false) << entry;
  }
}

class CallsThatStopMessagingTest : public MessagingTest {
 protected:
  static std::string webhook_key(const SignedInStaff& owner) {
    return client(owner).get("/api/shop/messaging").body["webhook_key"];
  }
};

TEST_F(CallsThatStopMessagingTest, AnInboundMessageBringsAnUnreachableContactBack) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Writes Back Shop");
  configure(owner, whatsapp_settings(graph));
  ApiClient api = client(owner);
  ASSERT_EQ(api.put("/api/shop", {{"max_call_attempts", 2}}).status, 200);
  const std::int64_t id = upload_contacts(api, {"9876516001"})[0];
  log_call(api, id, "no_answer");
  log_call(api, id, "switched_off");
  ASSERT_EQ(contact(api, id)["unreachable"], true);

  Response hook = post_webhook(
      webhook_key(owner),
      webhook_payload({}, {inbound_text("wamid.BACK1", "919876516001", "Who called me?")}),
      "test-app-secret");
  ASSERT_EQ(hook.status, 200) << hook.raw;
  nlohmann::json back = contact(api, id);
  EXPECT_EQ(back["unreachable"], false);
  EXPECT_EQ(back["unreached_calls"], 0);
  EXPECT_EQ(back["interactions"][0]["inbound"], true);
  EXPECT_EQ(listed(api, ""), std::set<std::int64_t>{id});
}

TEST_F(CallsThatStopMessagingTest, ADoNotCallNumberIsNeverMessagedNorOnTheRefillCallList) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Never Messaged Shop");
  configure(owner, whatsapp_settings(graph));
  nlohmann::json quiet = due_bill(owner, "9876517001", "Quiet", true, false);
  nlohmann::json control = due_bill(owner, "9876517002", "Control", true, false);
  ASSERT_EQ(call_list(owner).size(), 2u);
  ApiClient api = client(owner);
  const std::int64_t id = upload_contacts(api, {"9876517001"})[0];
  log_call(api, id, "do_not_call");
  EXPECT_EQ(call_list(owner).size(), 1u) << "off the refill call list";

  RemindSummary pass = remind(server(), ist_instant(1, "10:00"));
  EXPECT_EQ(pass.exit_code, 0);
  EXPECT_EQ(pass.counts["queued"], 1) << pass.counts;
  EXPECT_EQ(pass.counts["sent"], 1) << pass.counts;
  const std::vector<RecordedRequest> requests = graph.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].body["to"], "919876517002") << requests[0].body;
  nlohmann::json all = messages(owner);
  ASSERT_EQ(all["total"], 1) << all;
  EXPECT_EQ(all["items"][0]["customer_id"], control["customer"]["id"]) << all;
  (void)quiet;
}

}  // namespace
}  // namespace rx::test
