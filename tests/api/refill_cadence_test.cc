// Refill cadence: the shop's steps (days relative to running out) and a customer's own lead
// date the refill reminders a bill schedules.
#include "api_paths.h"
#include "messaging_support.h"
#include "test_server.h"

#include <gtest/gtest.h>

namespace rx::test {
namespace {

nlohmann::json bill_body(const nlohmann::json& customer, int days) {
  return {{"customer", customer},
          {"was_contacted_before", false},
          {"customer_category", "regular_branded"},
          {"items",
           {{{"medicine", "Amlodipine 5"},
             {"quantity", 1},
             {"unit_price_paise", 5000},
             {"duration_days", days}}}}};
}

class RefillCadenceTest : public SharedServerTest {};

TEST_F(RefillCadenceTest, TheShopsCadenceDefaultsToItsLeadAndIsValidated) {
  SignedInStaff owner = create_shop(server(), "Cadence Shop");
  ApiClient api = client(owner);
  Response shop = api.get("/api/shop");
  ASSERT_EQ(shop.status, 200);
  EXPECT_EQ(shop.body["refill_cadence"], nlohmann::json({-5}));
  EXPECT_EQ(shop.body["refill_cadence_is_default"], true);
  ASSERT_EQ(api.put("/api/shop", {{"refill_lead_days", 7}}).status, 200);
  EXPECT_EQ(api.get("/api/shop").body["refill_cadence"], nlohmann::json({-7}))
      << "a shop that never set a cadence follows its lead days";

  for (const nlohmann::json& bad :
       {nlohmann::json::array(), nlohmann::json({1, 1}), nlohmann::json({31}),
        nlohmann::json({-31}), nlohmann::json({1, 2, 3, 4, 5, 6}), nlohmann::json({1.5}),
        nlohmann::json("-5"), nlohmann::json({"x"})}) {
    Response res = api.put("/api/shop", {{"refill_cadence", bad}});
    EXPECT_EQ(res.status, 422) << bad.dump();
    EXPECT_TRUE(res.body["error"]["details"]["fields"].contains("refill_cadence")) << res.raw;
  }
  EXPECT_EQ(api.get("/api/shop").body["refill_cadence"], nlohmann::json({-7}))
      << "a refused cadence changes nothing";

  Response set = api.put("/api/shop", {{"refill_cadence", {3, -5, -1}}});
  ASSERT_EQ(set.status, 200) << set.raw;
  EXPECT_EQ(set.body["refill_cadence"], nlohmann::json({-5, -1, 3}));
  EXPECT_EQ(set.body["refill_cadence_is_default"], false);
  EXPECT_EQ(api.get("/api/shop").body["refill_cadence"], nlohmann::json({-5, -1, 3}));

  Response reset = api.put("/api/shop", {{"refill_cadence", nullptr}});
  ASSERT_EQ(reset.status, 200) << reset.raw;
  EXPECT_EQ(reset.body["refill_cadence"], nlohmann::json({-7}));
  EXPECT_EQ(reset.body["refill_cadence_is_default"], true);
}

TEST_F(RefillCadenceTest, TheFirstStepDatesTheReminder) {
  SignedInStaff owner = create_shop(server(), "First Step Shop");
  ApiClient api = client(owner);
  ASSERT_EQ(api.put("/api/shop", {{"refill_cadence", {-10, 2}}}).status, 200);
  Response res = api.post("/api/bills", bill_body({{"phone", "9876504000"}}, 30));
  ASSERT_EQ(res.status, 201) << res.raw;
  EXPECT_EQ(res.body["reminders"][0]["remind_on"], ist_date(20));
}

TEST_F(RefillCadenceTest, ACustomersOwnLeadIsValidatedAndUsed) {
  SignedInStaff owner = create_shop(server(), "Own Lead Shop");
  ApiClient api = client(owner);
  for (const nlohmann::json& bad : {nlohmann::json(61), nlohmann::json(-1), nlohmann::json("x")}) {
    Response res = api.post(
        kTracking + "/customers",
        {{"phone", "9876504100"}, {"category", "regular_branded"}, {"refill_lead_days", bad}});
    EXPECT_EQ(res.status, 422) << bad.dump();
    EXPECT_TRUE(res.body["error"]["details"]["fields"].contains("refill_lead_days")) << res.raw;
  }
  Response created =
      api.post(kTracking + "/customers",
               {{"phone", "9876504100"}, {"category", "regular_branded"}, {"refill_lead_days", 2}});
  ASSERT_EQ(created.status, 201) << created.raw;
  EXPECT_EQ(created.body["refill_lead_days"], 2);
  const std::string id = created.body["id"].dump();
  EXPECT_EQ(api.get(kTracking + "/customers/" + id).body["refill_lead_days"], 2);

  Response billed = api.post("/api/bills", bill_body({{"phone", "9876504100"}}, 30));
  ASSERT_EQ(billed.status, 201) << billed.raw;
  EXPECT_EQ(billed.body["reminders"][0]["remind_on"], ist_date(28)) << "the customer's own lead";

  // The profile clears it: the shop's cadence again.
  Response cleared = api.put(kTracking + "/customers/" + id, {{"refill_lead_days", nullptr}});
  ASSERT_EQ(cleared.status, 200) << cleared.raw;
  EXPECT_EQ(cleared.body["refill_lead_days"], nullptr);
  Response again = api.post("/api/bills", bill_body({{"phone", "9876504100"}}, 30));
  EXPECT_EQ(again.body["reminders"][0]["remind_on"], ist_date(25));

  // At the counter: set with the bill, and validated there.
  Response bad =
      api.post("/api/bills", bill_body({{"phone", "9876504101"}, {"refill_lead_days", 99}}, 30));
  EXPECT_EQ(bad.status, 422) << bad.raw;
  EXPECT_TRUE(bad.body["error"]["details"]["fields"].contains("customer.refill_lead_days"))
      << bad.raw;
  Response counter =
      api.post("/api/bills", bill_body({{"phone", "9876504101"}, {"refill_lead_days", 7}}, 30));
  ASSERT_EQ(counter.status, 201) << counter.raw;
  EXPECT_EQ(counter.body["customer"]["refill_lead_days"], 7);
  EXPECT_EQ(counter.body["reminders"][0]["remind_on"], ist_date(23));
}

// Each step of a cadence is one attempt through the channel ladder, on its shop-local day, and
// the steps stop once the reminder is dealt with.
class RefillStepsTest : public MessagingTest {
 protected:
  // A bill of one medicine lasting `days` for a customer who agreed to WhatsApp.
  static nlohmann::json month_bill(const SignedInStaff& who, const std::string& phone,
                                   int days = 30) {
    nlohmann::json body = bill_body({{"phone", phone}, {"whatsapp_consent", true}}, days);
    Response res = client(who).post("/api/bills", body);
    EXPECT_EQ(res.status, 201) << res.raw;
    return res.body;
  }
  // The WhatsApp messages sent so far to `phone_digits` (91...).
  static std::size_t sent_to(const FakeGraphApi& graph, const std::string& phone_digits) {
    std::size_t n = 0;
    for (const RecordedRequest& r : graph.requests()) n += r.body["to"] == phone_digits ? 1 : 0;
    return n;
  }
};

TEST_F(RefillStepsTest, ACadenceSendsEachStepOnItsDayOnceAndStopsWhenDealtWith) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Steps Shop");
  configure(owner, whatsapp_settings(graph));
  ApiClient api = client(owner);
  ASSERT_EQ(api.put("/api/shop", {{"refill_cadence", {-5, -1, 3}}}).status, 200);

  nlohmann::json steady = month_bill(owner, "9876505001");
  nlohmann::json bought = month_bill(owner, "9876505002");
  nlohmann::json answered = month_bill(owner, "9876505003");
  nlohmann::json opted = month_bill(owner, "9876505004");
  nlohmann::json cancelled = month_bill(owner, "9876505005");
  ASSERT_EQ(steady["reminders"].size(), 1u);
  const nlohmann::json& made = steady["reminders"][0];
  EXPECT_EQ(made["remind_on"], ist_date(25));
  EXPECT_EQ(made["step"], 1);
  EXPECT_EQ(made["steps"], 3);
  EXPECT_EQ(made["next_step_on"], ist_date(29));
  Response listed = api.get(kRefills + "?customer_id=" + steady["customer"]["id"].dump());
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.body["items"][0]["steps"], 3);
  EXPECT_EQ(listed.body["items"][0]["next_step_on"], ist_date(29));

  // Nothing before the first step's day; on it, one message each, and only once.
  EXPECT_EQ(remind(server(), ist_instant(24, "10:00")).counts["queued"], 0);
  EXPECT_EQ(remind(server(), ist_instant(25, "10:00")).counts["sent"], 5);
  EXPECT_EQ(remind(server(), ist_instant(25, "11:00")).counts["queued"], 0);
  EXPECT_EQ(remind(server(), ist_instant(28, "10:00")).counts["queued"], 0);

  // Dealt with after the first step: bought again, answered, opted out, cancelled.
  // (Bought for 60 days: the new reminder's steps fall after this test's passes.)
  nlohmann::json again = month_bill(owner, "9876505002", 60);
  ASSERT_EQ(again["refilled_reminder_ids"].size(), 1u) << again;
  const std::string answered_id = answered["reminders"][0]["id"].dump();
  ASSERT_EQ(
      api.post(kRefills + "/" + answered_id + "/response", {{"response", "will_visit"}}).status,
      200);
  ASSERT_EQ(api.post(kCustomers + "/" + opted["customer"]["id"].dump() + "/opt-out",
                     nlohmann::json::object())
                .status,
            200);
  ASSERT_EQ(api.post(kRefills + "/" + cancelled["reminders"][0]["id"].dump() + "/cancel",
                     nlohmann::json::object())
                .status,
            200);

  // Step 2 on run-out day -1, step 3 three days after running out: to the steady one alone.
  EXPECT_EQ(remind(server(), ist_instant(29, "10:00")).counts["sent"], 1);
  EXPECT_EQ(remind(server(), ist_instant(29, "12:00")).counts["queued"], 0);
  Response step2 = api.get(kRefills + "?customer_id=" + steady["customer"]["id"].dump());
  ASSERT_EQ(step2.status, 200);
  EXPECT_EQ(step2.body["items"][0]["step"], 2);
  EXPECT_EQ(step2.body["items"][0]["next_step_on"], ist_date(33));
  EXPECT_EQ(remind(server(), ist_instant(32, "10:00")).counts["queued"], 0);
  EXPECT_EQ(remind(server(), ist_instant(33, "10:00")).counts["sent"], 1);
  EXPECT_EQ(remind(server(), ist_instant(40, "10:00")).counts["queued"], 0);

  EXPECT_EQ(sent_to(graph, "919876505001"), 3u);
  for (const char* once : {"919876505002", "919876505003", "919876505004", "919876505005"})
    EXPECT_EQ(sent_to(graph, once), 1u) << once;
  nlohmann::json mine = messages(owner, "&reminder_id=" + made["id"].dump())["items"];
  EXPECT_EQ(mine.size(), 3u);

  // The report counts each step (the cancelled reminder left out, as the report does).
  Response report =
      api.get("/api/customer-tracking/reports/refills?from=" + ist_date(0) + "&to=" + ist_date(40));
  ASSERT_EQ(report.status, 200) << report.raw;
  EXPECT_EQ(report.body["steps"], nlohmann::json::parse(R"([
              {"step": 1, "sent": 4, "answered": 1, "refilled_after": 1},
              {"step": 2, "sent": 1, "answered": 0, "refilled_after": 0},
              {"step": 3, "sent": 1, "answered": 0, "refilled_after": 0}])"));
}

TEST_F(RefillStepsTest, TwoPassesAtOnceSendEachStepOnce) {
  FakeGraphApi graph;
  graph.set_delay(std::chrono::milliseconds(15));
  SignedInStaff owner = create_shop(server(), "Parallel Steps Shop");
  configure(owner, whatsapp_settings(graph));
  ASSERT_EQ(client(owner).put("/api/shop", {{"refill_cadence", {-5, -1}}}).status, 200);
  constexpr int kCustomersCount = 8;
  for (int i = 0; i < kCustomersCount; ++i) month_bill(owner, "98765060" + std::to_string(10 + i));
  for (int day : {25, 29}) {
    const std::string now = ist_instant(day, "10:00");
    auto [a, b] = remind_twice_at_once(server(), now);
    ASSERT_EQ(a.exit_code, 0) << a.out;
    ASSERT_EQ(b.exit_code, 0) << b.out;
    EXPECT_EQ(graph.count(), static_cast<std::size_t>(kCustomersCount * (day == 25 ? 1 : 2)))
        << "day " << day << ": " << a.out << b.out;
  }
  EXPECT_EQ(messages(owner, "&status=sent")["total"], 2 * kCustomersCount);
}

TEST_F(RefillStepsTest, AShopWithoutACadenceSendsOneReminderAsBefore) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Default Steps Shop");
  configure(owner, whatsapp_settings(graph));
  nlohmann::json bill = month_bill(owner, "9876507001");
  EXPECT_EQ(bill["reminders"][0]["steps"], 1);
  EXPECT_EQ(bill["reminders"][0]["next_step_on"], nullptr);
  for (int day : {25, 26, 30, 33, 40}) remind(server(), ist_instant(day, "10:00"));
  EXPECT_EQ(graph.count(), 1u);
}

}  // namespace
}  // namespace rx::test
