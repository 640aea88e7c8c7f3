// The counter: bills create or update customers, convert contacts, and schedule refill reminders.
#include "api_paths.h"
#include "bill_items.h"
#include "report_data.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <latch>
#include <thread>
#include <vector>

namespace rx::test {
namespace {

class BillingTest : public SharedServerTest {
 protected:
  nlohmann::json bill(const SignedInStaff& who, const std::string& phone, nlohmann::json items,
                      nlohmann::json extra = nlohmann::json::object(), int expect = 201) {
    nlohmann::json body = {
        {"customer", {{"phone", phone}}}, {"was_contacted_before", false}, {"items", items}};
    if (!extra.contains("customer_category")) body["customer_category"] = "regular_branded";
    for (auto it = extra.begin(); it != extra.end(); ++it) body[it.key()] = it.value();
    Response res = client(who).post("/api/bills", body);
    EXPECT_EQ(res.status, expect) << res.raw;
    return res.body;
  }
};

TEST_F(BillingTest, ABillConvertsTheContactOnceWithTheBillsTotal) {
  SignedInStaff owner = create_shop(server(), "Convert Shop");
  ASSERT_EQ(
      client(owner)
          .upload(kTracking + "/contacts/upload", "file", "s.csv", "Name,Phone\nMeera,9876501234\n")
          .status,
      201);
  const std::int64_t contact_id = client(owner).get(kTracking + "/contacts").body["items"][0]["id"];
  nlohmann::json first =
      bill(owner, "+91 98765 01234",
           {bill_item("Metformin 500", 2, 4500, 30), bill_item("Crocin", 1, 3000)},
           {{"customer_category", "contact_sheet"}, {"was_contacted_before", true}});
  EXPECT_EQ(first["bill"]["total_paise"], 12000);
  EXPECT_EQ(first["customer_created"], true);
  EXPECT_EQ(first["customer"]["name"], "Meera") << "the sheet's name carries over";
  ASSERT_FALSE(first["conversion"].is_null());
  EXPECT_EQ(first["conversion"]["contact_id"], contact_id);
  EXPECT_EQ(first["conversion"]["conversion_value_paise"], 12000);
  const std::int64_t customer_id = first["customer"]["id"];

  Response contact = client(owner).get(kTracking + "/contacts/" + std::to_string(contact_id));
  EXPECT_EQ(contact.body["status"], "converted");
  EXPECT_EQ(contact.body["conversion_value_paise"], 12000);
  EXPECT_EQ(contact.body["conversion_bill_id"], first["bill"]["id"]);
  EXPECT_EQ(contact.body["customer_id"], customer_id);

  nlohmann::json second = bill(owner, "9876501234", {bill_item("Crocin", 1, 99900)},
                               {{"was_contacted_before", true}, {"customer_category", nullptr}});
  EXPECT_TRUE(second["conversion"].is_null()) << "a later bill never converts again";
  contact = client(owner).get(kTracking + "/contacts/" + std::to_string(contact_id));
  EXPECT_EQ(contact.body["conversion_value_paise"], 12000);
  EXPECT_EQ(second["customer"]["visit_count"], 2);
  EXPECT_EQ(second["customer"]["total_spent_paise"], 12000 + 99900);
  EXPECT_EQ(second["customer"]["category"], "contact_sheet") << "the category stays unless given";
  Response saved = client(owner).get("/api/bills/" + second["bill"]["id"].dump());
  EXPECT_EQ(saved.body["was_contacted_before"], true) << "stored as the customer said it";
}

TEST_F(BillingTest, CategoryRulesForNewAndContactedCustomers) {
  SignedInStaff owner = create_shop(server(), "Category Shop");
  nlohmann::json body = {{"customer", {{"phone", "9876502000"}}},
                         {"was_contacted_before", false},
                         {"items", {bill_item("A", 1, 100)}}};
  Response no_category = client(owner).post("/api/bills", body);
  expect_error(no_category, 422, "validation_failed");
  EXPECT_TRUE(no_category.body["error"]["details"]["fields"].contains("customer_category"));
  body["was_contacted_before"] = true;
  body["customer_category"] = "regular_branded";
  expect_error(client(owner).post("/api/bills", body), 422, "validation_failed");
  EXPECT_EQ(client(owner).get(kTracking + "/customers?limit=1").body["total"], 0)
      << "nothing half-written";
  body["customer_category"] = "contact_sheet";
  EXPECT_EQ(client(owner).post("/api/bills", body).status, 201);
  // Not the first bill any more: the customer may now say so with another category.
  body["customer_category"] = "generic_informed";
  EXPECT_EQ(client(owner).post("/api/bills", body).status, 201);
}

TEST_F(BillingTest, RefillRemindersFollowDurationAndLeadDays) {
  SignedInStaff owner = create_shop(server(), "Refill Shop");
  const std::string today = ist_date();
  nlohmann::json res = bill(owner, "9876503000",
                            {bill_item("Amlodipine 5", 1, 5000, 30),
                             bill_item("Cough syrup", 1, 9000, 3), bill_item("Bandage", 1, 2000)});
  ASSERT_EQ(res["reminders"].size(), 2u);
  EXPECT_EQ(res["reminders"][0]["medicine"], "Amlodipine 5");
  EXPECT_EQ(res["reminders"][0]["runs_out_on"], add_days(today, 30));
  EXPECT_EQ(res["reminders"][0]["remind_on"], add_days(today, 25));
  EXPECT_EQ(res["reminders"][1]["runs_out_on"], add_days(today, 3));
  EXPECT_EQ(res["reminders"][1]["remind_on"], today) << "never before the bill's date";
  ASSERT_EQ(client(owner).put("/api/shop", {{"refill_lead_days", 3}}).status, 200);
  nlohmann::json later = bill(owner, "9876503001", {bill_item("Thyronorm 50", 1, 15000, 60)});
  EXPECT_EQ(later["reminders"][0]["remind_on"], add_days(today, 57));
}

// The counter's answer is built from what the bill wrote, not read back: it must be what a later
// read finds, for a new customer and a returning one.
TEST_F(BillingTest, TheCountersAnswerIsWhatWasStored) {
  SignedInStaff owner = create_shop(server(), "Answer Shop");
  const auto by_id = [](nlohmann::json items) {
    std::sort(items.begin(), items.end(),
              [](const nlohmann::json& a, const nlohmann::json& b) { return a["id"] < b["id"]; });
    return items;
  };
  for (const bool returning : {false, true}) {
    SCOPED_TRACE(returning ? "returning customer" : "new customer");
    nlohmann::json res = bill(
        owner, "9876503100",
        {bill_item("Amlodipine 5", 2, 5000, 30), bill_item("Bandage", 1, 2000),
         bill_item("Cough syrup", 1, 900, 5)},
        {{"notes", "paid in cash"},
         {"customer", returning ? nlohmann::json{{"phone", "9876503100"}, {"name", "Ravi K"}}
                                : nlohmann::json{{"phone", "9876503100"},
                                                 {"name", "Ravi"},
                                                 {"chronic_conditions", {"Diabetes", "Asthma"}}}}});
    ASSERT_EQ(res["reminders"].size(), 2u);
    EXPECT_EQ(res["bill"]["customer_name"], returning ? "Ravi K" : "Ravi");
    EXPECT_EQ(res["bill"]["items"][1]["runs_out_on"], nullptr);
    Response stored = client(owner).get("/api/bills/" + res["bill"]["id"].dump());
    ASSERT_EQ(stored.status, 200);
    EXPECT_EQ(res["bill"], stored.body);
    Response reminders = client(owner).get(
        kTracking + "/refill-reminders?status=pending&customer_id=" + res["customer"]["id"].dump());
    ASSERT_EQ(reminders.status, 200);
    nlohmann::json of_this_bill = nlohmann::json::array();
    for (const auto& r : reminders.body["items"])
      if (r["bill_id"] == res["bill"]["id"]) of_this_bill.push_back(r);
    EXPECT_EQ(by_id(res["reminders"]), by_id(of_this_bill));
    Response customer = client(owner).get(kTracking + "/customers/" + res["customer"]["id"].dump());
    ASSERT_EQ(customer.status, 200);
    for (const auto& [field, value] : res["customer"].items())  // the page adds history
      EXPECT_EQ(value, customer.body[field]) << field;
    EXPECT_EQ(res["customer"]["chronic_conditions"].size(), 2u);
    EXPECT_EQ(res["customer"]["visit_count"], returning ? 2 : 1);
  }
}

TEST_F(BillingTest, DatesAreTakenInTheShopsTimeZone) {
  SignedInStaff owner = create_shop(server(), "Zone Shop");
  const std::string day = add_days(ist_date(), -10);
  const std::string next = add_days(day, 1);
  nlohmann::json late = bill(owner, "9876504000", {bill_item("Atorva 10", 1, 5000, 30)},
                             {{"billed_at", day + "T23:50:00+05:30"}});
  nlohmann::json early = bill(owner, "9876504001", {bill_item("Atorva 10", 1, 5000, 30)},
                              {{"billed_at", next + "T00:10:00+05:30"}});
  EXPECT_EQ(late["bill"]["bill_date"], day);
  EXPECT_EQ(early["bill"]["bill_date"], next);
  EXPECT_EQ(late["reminders"][0]["runs_out_on"], add_days(day, 30));
  EXPECT_EQ(early["reminders"][0]["runs_out_on"], add_days(next, 30));
  // 18:20 UTC is already the next day in Kolkata.
  nlohmann::json utc = bill(owner, "9876504002", {bill_item("Atorva 10", 1, 5000, 30)},
                            {{"billed_at", day + "T18:40:00Z"}});
  EXPECT_EQ(utc["bill"]["bill_date"], next);
}

TEST_F(BillingTest, BuyingAgainClosesTheOpenReminderAsRefilled) {
  SignedInStaff owner = create_shop(server(), "Refilled Shop");
  nlohmann::json first = bill(owner, "9876505000", {bill_item("Metformin 500", 1, 4500, 30)},
                              {{"billed_at", add_days(ist_date(), -28) + "T10:00"}});
  const std::int64_t reminder = first["reminders"][0]["id"];
  nlohmann::json again = bill(owner, "9876505000", {bill_item("  metformin   500 ", 1, 4500, 30)});
  ASSERT_EQ(again["refilled_reminder_ids"].size(), 1u);
  EXPECT_EQ(again["refilled_reminder_ids"][0], reminder);
  Response detail = client(owner).get(kTracking + "/customers/" + first["customer"]["id"].dump());
  bool found = false;
  for (const auto& r : detail.body["refill_reminders"]) {
    if (r["id"] == reminder) {
      found = true;
      EXPECT_EQ(r["status"], "refilled");
      EXPECT_EQ(r["refilled_bill_id"], again["bill"]["id"]);
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(detail.body["purchases"].size(), 2u);
  EXPECT_EQ(detail.body["bills"].size(), 2u);
}

TEST_F(BillingTest, MoneyAndQuantitiesAreChecked) {
  SignedInStaff owner = create_shop(server(), "Money Shop");
  auto refused = [&](nlohmann::json items) {
    Response res = client(owner).post("/api/bills", {{"customer", {{"phone", "9876506000"}}},
                                                     {"customer_category", "regular_branded"},
                                                     {"was_contacted_before", false},
                                                     {"items", items}});
    expect_error(res, 422, "validation_failed");
    return res;
  };
  refused({bill_item("A", 1, -1)});
  refused({bill_item("A", 0, 100)});
  refused({bill_item("A", 2, 600'000'000'000LL)});
  refused({bill_item("A", 1, 600'000'000'000LL), bill_item("B", 1, 600'000'000'000LL)});
  refused({{{"medicine", ""}, {"quantity", 1}, {"unit_price_paise", 1}}});
  refused({{{"medicine", "A"}, {"quantity", 1.5}, {"unit_price_paise", 1}}});
  Response res = refused(nlohmann::json::array());
  EXPECT_TRUE(res.body["error"]["details"]["fields"].contains("items"));
  Response bad_phone = client(owner).post("/api/bills", {{"customer", {{"phone", "12345"}}},
                                                         {"customer_category", "regular_branded"},
                                                         {"was_contacted_before", false},
                                                         {"items", {bill_item("A", 1, 100)}}});
  expect_error(bad_phone, 422, "validation_failed");
  EXPECT_TRUE(bad_phone.body["error"]["details"]["fields"].contains("customer.phone"));
  EXPECT_EQ(
      bill(owner, "9876506000", {bill_item("A", 1, 1'000'000'000'000LL)})["bill"]["total_paise"],
      1'000'000'000'000LL);
  EXPECT_EQ(client(owner).get("/api/bills").body["total"], 1);
}

TEST_F(BillingTest, AVisitWithoutPurchaseTurnsTheContactYellow) {
  SignedInStaff owner = create_shop(server(), "Visit Shop");
  ASSERT_EQ(client(owner)
                .upload(kTracking + "/contacts/upload", "file", "s.csv", "Phone\n9876507000\n")
                .status,
            201);
  nlohmann::json visit = bill(owner, "9876507000", nlohmann::json::array(),
                              {{"visited_but_no_purchase", true},
                               {"customer_category", "contact_sheet"},
                               {"was_contacted_before", true}});
  EXPECT_EQ(visit["bill"]["total_paise"], 0);
  EXPECT_EQ(visit["customer"]["visit_count"], 1);
  EXPECT_TRUE(visit["conversion"].is_null());
  ASSERT_FALSE(visit["yellow_contact_id"].is_null());
  Response contact =
      client(owner).get(kTracking + "/contacts/" + visit["yellow_contact_id"].dump());
  EXPECT_EQ(contact.body["status"], "yellow");
  EXPECT_EQ(contact.body["customer_id"], visit["customer"]["id"]);
  bill(owner, "9876507000", {bill_item("A", 1, 100)}, {{"visited_but_no_purchase", true}}, 422);
  // Coming back to buy converts the yellow contact.
  nlohmann::json bought = bill(owner, "9876507000", {bill_item("A", 1, 100)});
  EXPECT_FALSE(bought["conversion"].is_null());
}

TEST_F(BillingTest, OnlyOwnersAndManagersBackDate) {
  SignedInStaff owner = create_shop(server(), "Backdate Shop");
  SignedInStaff worker = add_staff(server(), owner, "staff");
  SignedInStaff manager = add_staff(server(), owner, "manager");
  const nlohmann::json back = {{"billed_at", add_days(ist_date(), -3) + "T10:00"}};
  bill(worker, "9876508000", {bill_item("A", 1, 100)}, back, 403);
  bill(manager, "9876508000", {bill_item("A", 1, 100)}, back, 201);
  EXPECT_EQ(bill(worker, "9876508001", {bill_item("A", 1, 100)})["bill"]["staff_id"], worker.id);
  bill(owner, "9876508000", {bill_item("A", 1, 100)},
       {{"billed_at", add_days(ist_date(), 3) + "T10:00"}}, 422);
  bill(owner, "9876508000", {bill_item("A", 1, 100)}, {{"billed_at", "last tuesday"}}, 422);
}

TEST_F(BillingTest, BillsAreListedAndFiltered) {
  SignedInStaff owner = create_shop(server(), "List Shop");
  SignedInStaff worker = add_staff(server(), owner, "staff");
  nlohmann::json a = bill(owner, "9876509000", {bill_item("A", 1, 100)},
                          {{"billed_at", add_days(ist_date(), -5) + "T10:00"}});
  bill(worker, "9876509001", {bill_item("B", 2, 100)});
  EXPECT_EQ(client(owner).get("/api/bills").body["total"], 2);
  EXPECT_EQ(client(owner).get("/api/bills?from=" + ist_date()).body["total"], 1);
  EXPECT_EQ(client(owner).get("/api/bills?to=" + add_days(ist_date(), -1)).body["total"], 1);
  EXPECT_EQ(client(owner).get("/api/bills?staff_id=" + std::to_string(worker.id)).body["total"], 1);
  EXPECT_EQ(client(owner).get("/api/bills?customer_id=" + a["customer"]["id"].dump()).body["total"],
            1);
  expect_error(client(owner).get("/api/bills?from=yesterday"), 422, "validation_failed");
  Response one = client(owner).get("/api/bills/" + a["bill"]["id"].dump());
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.body["items"].size(), 1u);
}

TEST_F(BillingTest, TheDailyRefillListAndItsActions) {
  SignedInStaff owner = create_shop(server(), "Daily Shop");
  SignedInStaff worker = add_staff(server(), owner, "staff");
  nlohmann::json due = bill(owner, "9876510000", {bill_item("Losartan 50", 1, 8000, 30)},
                            {{"billed_at", add_days(ist_date(), -25) + "T11:00"}});
  bill(owner, "9876510001", {bill_item("Losartan 50", 1, 8000, 30)},
       {{"billed_at", add_days(ist_date(), -20) + "T11:00"}});
  nlohmann::json overdue = bill(owner, "9876510002", {bill_item("Insulin", 1, 50000, 10)},
                                {{"billed_at", add_days(ist_date(), -9) + "T11:00"}});
  ApiClient staff = client(worker);
  Response list = staff.get(kTracking + "/refill-reminders");
  ASSERT_EQ(list.status, 200) << list.raw;
  EXPECT_EQ(list.body["today"], ist_date());
  ASSERT_EQ(list.body["total"], 2) << list.raw;
  EXPECT_EQ(list.body["items"][0]["medicine"], "Insulin") << "most overdue first";
  EXPECT_EQ(list.body["items"][0]["days_overdue"], 4);
  EXPECT_EQ(list.body["items"][1]["remind_on"], ist_date());
  EXPECT_EQ(list.body["items"][1]["days_overdue"], 0);
  EXPECT_EQ(list.body["items"][1]["customer_phone"], "+919876510000");
  EXPECT_EQ(staff
                .get(kTracking + "/refill-reminders?from=" + ist_date() +
                     "&to=" + add_days(ist_date(), 10))
                .body["total"],
            2);
  EXPECT_EQ(
      staff.get(kTracking + "/refill-reminders?medicine=losartan&status=pending").body["total"], 2);
  // The medicine alone narrows the day's list: the Losartan due in five days is not on it.
  const Response losartan_today = staff.get(kTracking + "/refill-reminders?medicine=losartan");
  ASSERT_EQ(losartan_today.body["total"], 1) << losartan_today.raw;
  EXPECT_EQ(losartan_today.body["items"][0]["customer_phone"], "+919876510000");

  const std::string path = kTracking + "/refill-reminders/" + due["reminders"][0]["id"].dump();
  expect_error(staff.post(path + "/mark-sent", {{"channel", "pigeon"}}), 422, "validation_failed");
  Response sent = staff.post(path + "/mark-sent", {{"channel", "whatsapp"}});
  ASSERT_EQ(sent.status, 200) << sent.raw;
  EXPECT_EQ(sent.body["status"], "sent");
  EXPECT_EQ(sent.body["sent_by"], worker.id);
  Response again =
      staff.post(path + "/mark-sent", {{"channel", "call"}, {"note", "no WhatsApp tick"}});
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.body["sent_channel"], "call");
  EXPECT_EQ(staff.get(kTracking + "/refill-reminders").body["total"], 1)
      << "a sent reminder leaves the to-do list";
  Response answered =
      staff.post(path + "/response", {{"response", "will_visit"}, {"note", "Saturday"}});
  ASSERT_EQ(answered.status, 200);
  EXPECT_EQ(answered.body["status"], "responded");
  EXPECT_EQ(answered.body["response"], "will_visit");
  expect_error(staff.post(path + "/response", {{"response", "maybe"}}), 422, "validation_failed");

  const std::string other = kTracking + "/refill-reminders/" + overdue["reminders"][0]["id"].dump();
  EXPECT_EQ(staff.post(other + "/cancel", nlohmann::json::object()).body["status"], "cancelled");
  expect_error(staff.post(other + "/mark-sent", {{"channel", "call"}}), 409, "conflict");
  expect_error(staff.post(other + "/response", {{"response", "other"}}), 409, "conflict");
  // Refilled is final too.
  nlohmann::json refill = bill(owner, "9876510000", {bill_item("Losartan 50", 1, 8000, 30)});
  expect_error(staff.post(path + "/cancel", nlohmann::json::object()), 409, "conflict");
  EXPECT_EQ(refill["refilled_reminder_ids"][0], due["reminders"][0]["id"]);
}

TEST_F(BillingTest, CustomersAreCreatedFoundAndEdited) {
  SignedInStaff owner = create_shop(server(), "Customer Shop");
  ApiClient api = client(owner);
  Response created =
      api.post(kTracking + "/customers", {{"phone", "098765 11000"},
                                          {"name", "Ravi"},
                                          {"category", "first_time_prescription"},
                                          {"chronic_conditions", {"Diabetes", " hypertension "}},
                                          {"prefers_generic", true},
                                          {"age", 61}});
  ASSERT_EQ(created.status, 201) << created.raw;
  EXPECT_EQ(created.body["phone"], "+919876511000");
  EXPECT_EQ(created.body["chronic_conditions"], nlohmann::json({"diabetes", "hypertension"}));
  const std::int64_t id = created.body["id"];
  Response dup = api.post(kTracking + "/customers",
                          {{"phone", "+91 98765-11000"}, {"category", "regular_branded"}});
  expect_error(dup, 409, "conflict");
  EXPECT_EQ(dup.body["error"]["details"]["existing_id"], id);
  expect_error(api.post(kTracking + "/customers", {{"phone", "9876511001"}}), 422,
               "validation_failed");
  expect_error(api.post(kTracking + "/customers", {{"phone", "9876511001"}, {"category", "vip"}}),
               422, "validation_failed");
  expect_error(api.post(kTracking + "/customers",
                        {{"phone", "9876511001"}, {"category", "regular_branded"}, {"age", 200}}),
               422, "validation_failed");

  EXPECT_EQ(api.get(kTracking + "/customers/phone/919876511000").body["id"], id);
  EXPECT_EQ(api.get(kTracking + "/customers/phone/%2B91%2098765%2011000").body["id"], id);
  expect_error(api.get(kTracking + "/customers/phone/9876599999"), 404, "not_found");
  expect_error(api.get(kTracking + "/customers/phone/12"), 422, "validation_failed");

  Response edited =
      api.put(kTracking + "/customers/" + std::to_string(id), {{"allergies", "Penicillin"},
                                                               {"primary_doctor", "Dr. Rao"},
                                                               {"age", nullptr},
                                                               {"whatsapp_consent", true},
                                                               {"chronic_conditions", {"Asthma"}}});
  ASSERT_EQ(edited.status, 200) << edited.raw;
  EXPECT_EQ(edited.body["allergies"], "Penicillin");
  EXPECT_TRUE(edited.body["age"].is_null());
  EXPECT_EQ(edited.body["whatsapp_consent"], true);
  EXPECT_EQ(edited.body["name"], "Ravi") << "fields not sent stay";

  bill(owner, "9876511002", {bill_item("B", 1, 100, 2)},
       {{"customer_category", "generic_informed"}});
  EXPECT_EQ(api.get(kTracking + "/customers").body["total"], 2);
  EXPECT_EQ(api.get(kTracking + "/customers?category=generic_informed").body["total"], 1);
  EXPECT_EQ(api.get(kTracking + "/customers?chronic_condition=ASTHMA").body["total"], 1);
  EXPECT_EQ(api.get(kTracking + "/customers?chronic_condition=diabetes").body["total"], 0);
  EXPECT_EQ(api.get(kTracking + "/customers?prefers_generic=true").body["total"], 1);
  EXPECT_EQ(api.get(kTracking + "/customers?has_due_refill=true").body["total"], 1);
  EXPECT_EQ(api.get(kTracking + "/customers?q=ravi").body["total"], 1);
  EXPECT_EQ(api.get(kTracking + "/customers?q=511002").body["total"], 1);
  expect_error(api.get(kTracking + "/customers?category=vip"), 422, "validation_failed");
  expect_error(api.get(kTracking + "/customers?prefers_generic=maybe"), 422, "validation_failed");
}

TEST_F(BillingTest, CountersBillingOneNewPhoneAtOnceAllSucceed) {
  // Found by the load test (bench/load/run-soak.sh): on PostgreSQL two bills for a phone that
  // is not a customer yet both found no customer and inserted one; the second failed on the
  // (shop_id, phone) key with 409 once the first committed.
  SignedInStaff owner = create_shop(server(), "Rush Shop");
  constexpr int kPhones = 4;
  constexpr int kCounters = 6;
  std::string sheet = "Name,Phone\n";
  for (int p = 0; p < kPhones; ++p) {
    sheet.append("Rush ").append(std::to_string(p)).append(",98765300");
    sheet.append(std::to_string(10 + p)).append("\n");
  }
  ASSERT_EQ(client(owner).upload(kTracking + "/contacts/upload", "file", "rush.csv", sheet).status,
            201);
  for (int p = 0; p < kPhones; ++p) {
    const std::string phone = "98765300" + std::to_string(10 + p);
    std::vector<Response> answers(kCounters);
    std::latch ready(kCounters);
    std::vector<std::thread> counters;
    for (int i = 0; i < kCounters; ++i) {
      counters.emplace_back([&, i] {
        ApiClient counter = client(owner);
        const nlohmann::json body = {{"customer", {{"phone", phone}}},
                                     {"customer_category", "contact_sheet"},
                                     {"was_contacted_before", true},
                                     {"items", {bill_item("Metformin 500", 1, 100 + i, 30)}}};
        ready.arrive_and_wait();
        answers[i] = counter.post("/api/bills", body);
      });
    }
    for (auto& counter : counters) counter.join();
    int created = 0;
    int converted = 0;
    std::int64_t paise = 0;
    for (const Response& answer : answers) {
      ASSERT_EQ(answer.status, 201) << answer.raw;
      created += answer.body["customer_created"].get<bool>() ? 1 : 0;
      converted += answer.body["conversion"].is_null() ? 0 : 1;
      paise += answer.body["total_paise"].get<std::int64_t>();
    }
    EXPECT_EQ(created, 1) << "one bill creates the customer, the others find it";
    EXPECT_EQ(converted, 1) << "the contact converts once";
    Response customer = client(owner).get(kTracking + "/customers/phone/" + phone);
    EXPECT_EQ(customer.body["visit_count"], kCounters);
    EXPECT_EQ(customer.body["total_spent_paise"], paise);
  }
}

TEST_F(BillingTest, ANewCustomersProfileIsFilledOnTheBill) {
  SignedInStaff owner = create_shop(server(), "Profile Shop");
  const nlohmann::json profile = {{"phone", "9876513000"},
                                  {"name", "Asha"},
                                  {"age", 58},
                                  {"gender", "female"},
                                  {"address", "12 MG Road, Pune"},
                                  {"email", "asha@example.in"},
                                  {"chronic_conditions", {"Diabetes"}},
                                  {"allergies", "Penicillin"},
                                  {"primary_doctor", "Dr. Rao"}};
  // A wrong field answers 422 naming it, and nothing is stored.
  for (const auto& [field, bad] : std::vector<std::pair<std::string, nlohmann::json>>{
           {"email", "not-an-email"}, {"age", 200}, {"birth_year", 1800}}) {
    SCOPED_TRACE(field);
    nlohmann::json customer = profile;
    customer[field] = bad;
    nlohmann::json res = bill(owner, "9876513000", {bill_item("Metformin", 1, 100, 30)},
                              {{"customer", customer}}, 422);
    EXPECT_TRUE(res["error"]["details"]["fields"].contains("customer." + field)) << res;
  }
  expect_error(client(owner).get(kTracking + "/customers/phone/9876513000"), 404, "not_found");

  nlohmann::json res =
      bill(owner, "9876513000", {bill_item("Metformin", 1, 100, 30)}, {{"customer", profile}});
  EXPECT_EQ(res["customer_created"], true);
  Response stored = client(owner).get(kTracking + "/customers/" + res["customer"]["id"].dump());
  ASSERT_EQ(stored.status, 200) << stored.raw;
  EXPECT_EQ(stored.body["age"], 58);
  EXPECT_EQ(stored.body["gender"], "female");
  EXPECT_EQ(stored.body["address"], "12 MG Road, Pune");
  EXPECT_EQ(stored.body["email"], "asha@example.in");
  EXPECT_EQ(stored.body["chronic_conditions"], nlohmann::json({"diabetes"}));
  EXPECT_EQ(stored.body["allergies"], "Penicillin");
  EXPECT_EQ(stored.body["primary_doctor"], "Dr. Rao");
}

TEST_F(BillingTest, ASkippedDurationIsRecordedOnTheLine) {
  SignedInStaff owner = create_shop(server(), "Duration Shop");
  nlohmann::json skipped = bill_item("Crocin", 1, 3000);
  skipped["duration_skipped"] = true;
  nlohmann::json res =
      bill(owner, "9876514000",
           {bill_item("Metformin", 1, 100, 30), skipped, bill_item("Bandage", 1, 50)});
  ASSERT_EQ(res["bill"]["items"].size(), 3u);
  EXPECT_EQ(res["bill"]["items"][0]["duration_skipped"], false);
  EXPECT_EQ(res["bill"]["items"][1]["duration_skipped"], true);
  EXPECT_EQ(res["bill"]["items"][2]["duration_skipped"], false) << "never asked";
  Response stored = client(owner).get("/api/bills/" + res["bill"]["id"].dump());
  ASSERT_EQ(stored.status, 200);
  EXPECT_EQ(stored.body["items"][1]["duration_skipped"], true);
  EXPECT_EQ(stored.body, res["bill"]);

  // A line with a duration was not skipped.
  nlohmann::json both = bill_item("Amlodipine", 1, 100, 30);
  both["duration_skipped"] = true;
  nlohmann::json refused = bill(owner, "9876514000", {both}, {}, 422);
  EXPECT_TRUE(refused["error"]["details"]["fields"].contains("items[0].duration_skipped"))
      << refused;
  nlohmann::json not_boolean = bill_item("Amlodipine", 1, 100);
  not_boolean["duration_skipped"] = "yes";
  bill(owner, "9876514000", {not_boolean}, {}, 422);
  EXPECT_EQ(client(owner).get("/api/bills").body["total"], 1) << "refused bills store nothing";
}

TEST_F(BillingTest, TheCounterSeesNotesOpenRefillsAndLastPurchases) {
  SignedInStaff owner = create_shop(server(), "Counter View Shop");
  SignedInStaff worker = add_staff(server(), owner, "staff");
  bill(owner, "9876515000",
       {bill_item("Metformin", 1, 100, 30), bill_item("Amlodipine", 1, 100, 30)},
       {{"customer",
         {{"phone", "9876515000"},
          {"name", "Gopal"},
          {"allergies", "Sulfa drugs"},
          {"chronic_conditions", {"Diabetes", "Hypertension"}},
          {"notes", "Prefers a call after 6 pm"}}}});
  for (int i = 0; i < 5; ++i)
    bill(owner, "9876515000", {bill_item("Item " + std::to_string(i), 1, 10)});
  // Buying Metformin again closes its reminder and opens a new one; cancel Amlodipine's.
  nlohmann::json again = bill(owner, "9876515000", {bill_item("Metformin", 1, 100, 30)});
  const std::string customer_id = again["customer"]["id"].dump();
  Response reminders = client(owner).get(
      kTracking + "/refill-reminders?customer_id=" + customer_id + "&medicine=amlodipine");
  ASSERT_EQ(reminders.body["total"], 1) << reminders.raw;
  ASSERT_EQ(client(owner)
                .post(kTracking + "/refill-reminders/" + reminders.body["items"][0]["id"].dump() +
                          "/cancel",
                      nlohmann::json::object())
                .status,
            200);

  // Any role, any spelling of the phone.
  Response view = client(worker).get(kTracking + "/counter/%2B91%2098765%2015000");
  ASSERT_EQ(view.status, 200) << view.raw;
  const nlohmann::json& customer = view.body["customer"];
  EXPECT_EQ(customer["name"], "Gopal");
  EXPECT_EQ(customer["allergies"], "Sulfa drugs");
  EXPECT_EQ(customer["chronic_conditions"], nlohmann::json({"diabetes", "hypertension"}));
  EXPECT_EQ(customer["notes"], "Prefers a call after 6 pm");
  ASSERT_EQ(view.body["open_refill_reminders"].size(), 1u) << view.raw;
  EXPECT_EQ(view.body["open_refill_reminders"][0]["id"], again["reminders"][0]["id"]);
  EXPECT_EQ(view.body["open_refill_reminders"][0]["status"], "pending");
  const nlohmann::json& purchases = view.body["last_purchases"];
  ASSERT_EQ(purchases.size(), 5u) << "the last five of eight";
  EXPECT_EQ(purchases[0]["medicine"], "Metformin") << "newest first";
  EXPECT_EQ(purchases[0]["bill_id"], again["bill"]["id"]);
  EXPECT_EQ(purchases[4]["medicine"], "Item 1");

  expect_error(client(worker).get(kTracking + "/counter/9876515999"), 404, "not_found");
  expect_error(client(worker).get(kTracking + "/counter/12"), 422, "validation_failed");
  SignedInStaff other = create_shop(server(), "Counter View Other");
  expect_error(client(other).get(kTracking + "/counter/9876515000"), 404, "not_found");
  expect_error(ApiClient(server().port()).get(kTracking + "/counter/9876515000"), 401,
               "unauthorized");
}

TEST_F(BillingTest, AnotherShopsIdsAre404OnEveryCounterEndpoint) {
  SignedInStaff a = create_shop(server(), "Counter A");
  nlohmann::json a_bill = bill(a, "9876512000", {bill_item("Metformin", 1, 100, 30)});
  const std::string customer = a_bill["customer"]["id"].dump();
  const std::string reminder = a_bill["reminders"][0]["id"].dump();
  SignedInStaff b = create_shop(server(), "Counter B");
  ApiClient as_b = client(b);
  expect_error(as_b.get(kTracking + "/customers/" + customer), 404, "not_found");
  expect_error(as_b.put(kTracking + "/customers/" + customer, {{"name", "Stolen"}}), 404,
               "not_found");
  expect_error(as_b.get(kTracking + "/customers/phone/9876512000"), 404, "not_found");
  expect_error(as_b.get(kTracking + "/counter/9876512000"), 404, "not_found");
  expect_error(as_b.get("/api/bills/" + a_bill["bill"]["id"].dump()), 404, "not_found");
  for (const char* action : {"/mark-sent", "/response", "/cancel"}) {
    expect_error(as_b.post(kTracking + "/refill-reminders/" + reminder + action,
                           {{"channel", "call"}, {"response", "other"}}),
                 404, "not_found");
  }
  EXPECT_EQ(as_b.get("/api/bills?customer_id=" + customer).body["total"], 0);
  EXPECT_EQ(as_b.get(kTracking + "/refill-reminders?customer_id=" + customer).body["total"], 0);
  EXPECT_EQ(as_b.get(kTracking + "/customers").body["total"], 0);
  // The same phone at shop B is shop B's own new customer.
  nlohmann::json b_bill = bill(b, "9876512000", {bill_item("X", 1, 100)});
  EXPECT_EQ(b_bill["customer_created"], true);
  EXPECT_NE(b_bill["customer"]["id"], a_bill["customer"]["id"]);
  Response mine = client(a).get(kTracking + "/customers/" + customer);
  EXPECT_EQ(mine.body["visit_count"], 1);
  EXPECT_EQ(mine.body["refill_reminders"][0]["status"], "pending");
}

}  // namespace
}  // namespace rx::test
