// The reminder scheduler and the outbox against the fake Cloud API and SMS gateway: what goes
// out, when, to whom, at most once, and what happens when sending fails.
#include "messaging_support.h"

#include <set>
#include <thread>

namespace rx::test {
namespace {

nlohmann::json texts(const RecordedRequest& request) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : request.body["template"]["components"][0]["parameters"]) {
    EXPECT_EQ(p["type"], "text");
    out.push_back(p["text"]);
  }
  return out;
}

std::int64_t reminder_id(const nlohmann::json& bill, std::size_t i = 0) {
  return bill["reminders"][i]["id"].get<std::int64_t>();
}

class MessagingOutboxTest : public MessagingTest {};

TEST_F(MessagingOutboxTest, APassSendsOneWhatsappTemplatePerDueReminderOnce) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Outbox Shop");
  configure(owner, whatsapp_settings(graph));
  nlohmann::json meera =
      due_bill(owner, "98765 41001", "Meera", true, false, {"Metformin 500", "Amlodipine 5"});
  nlohmann::json ravi = due_bill(owner, "9876541002", "Ravi", false, false);
  nlohmann::json unnamed = due_bill(owner, "9876541004", std::nullopt, true, false);
  // Not due yet: runs out in 60 days.
  ASSERT_EQ(
      client(owner)
          .post("/api/bills", {{"customer", {{"phone", "9876541003"}, {"whatsapp_consent", true}}},
                               {"customer_category", "regular_branded"},
                               {"was_contacted_before", false},
                               {"items",
                                {{{"medicine", "Later"},
                                  {"quantity", 1},
                                  {"unit_price_paise", 100},
                                  {"duration_days", 60}}}}})
          .status,
      201);
  EXPECT_EQ(call_list(owner).size(), 4u);

  const std::string now = ist_instant(1, "10:00");
  RemindSummary first = remind(server(), now);
  EXPECT_EQ(first.counts["queued"], 3) << first.counts;
  EXPECT_EQ(first.counts["sent"], 3) << first.counts;
  EXPECT_EQ(first.counts["failed"], 0) << first.counts;
  EXPECT_EQ(first.counts["skipped"], 1) << "Ravi gave no consent: he stays on the call list";

  const std::vector<RecordedRequest> requests = graph.requests();
  ASSERT_EQ(requests.size(), 3u);
  std::multiset<std::string> recipients;
  for (const RecordedRequest& r : requests) {
    EXPECT_EQ(r.method, "POST");
    EXPECT_EQ(r.path, "/v23.0/106540352242922/messages");
    EXPECT_EQ(r.authorization, "Bearer test-access-token");
    EXPECT_EQ(r.content_type, "application/json");
    EXPECT_EQ(r.body["messaging_product"], "whatsapp");
    EXPECT_EQ(r.body["recipient_type"], "individual");
    EXPECT_EQ(r.body["type"], "template");
    EXPECT_EQ(r.body["template"]["name"], "refill_reminder");
    EXPECT_EQ(r.body["template"]["language"]["code"], "en");
    EXPECT_EQ(r.body["template"]["components"][0]["type"], "body");
    recipients.insert(r.body["to"].get<std::string>());
    const nlohmann::json params = texts(r);
    ASSERT_EQ(params.size(), 3u) << "no medicine name unless the shop opts in: " << params;
    EXPECT_EQ(params[1], "Outbox Shop");
    if (r.body["to"] == "919876541001") {
      EXPECT_EQ(params[0], "Meera");
      EXPECT_EQ(params[2], readable(meera["reminders"][0]["runs_out_on"]));
    } else {
      EXPECT_EQ(params[0], "Customer") << "no name on file";
    }
    EXPECT_EQ(r.body.dump().find("Metformin"), std::string::npos);
  }
  EXPECT_EQ(recipients.count("919876541001"), 2u);
  EXPECT_EQ(recipients.count("919876541004"), 1u);

  // The outbox shows them sent; the call list keeps only Ravi.
  nlohmann::json outbox = messages(owner, "&status=sent&channel=whatsapp");
  ASSERT_EQ(outbox["total"], 3);
  for (const auto& m : outbox["items"]) {
    EXPECT_EQ(m["attempts"], 1);
    EXPECT_TRUE(m["provider_message_id"].get<std::string>().rfind("wamid.TEST", 0) == 0);
    EXPECT_TRUE(m["sent_at"].is_string());
    EXPECT_EQ(m["template"], "refill_reminder");
    EXPECT_FALSE(m.contains("parameters"));
  }
  nlohmann::json mine =
      messages(owner, "&reminder_id=" + std::to_string(reminder_id(meera, 0)))["items"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["customer_name"], "Meera");
  EXPECT_EQ(mine[0]["to_phone"], "+919876541001");
  EXPECT_EQ(mine[0]["customer_id"], meera["customer"]["id"]);
  EXPECT_EQ(call_list(owner), std::vector<std::int64_t>{reminder_id(ravi)});
  Response reminder =
      client(owner).get(kRefills + "?customer_id=" + meera["customer"]["id"].dump());
  for (const auto& r : reminder.body["items"]) {
    EXPECT_EQ(r["status"], "sent");
    EXPECT_EQ(r["sent_channel"], "whatsapp");
  }

  // Another pass, even an hour later, sends nothing more.
  RemindSummary second = remind(server(), plus_minutes(now, 60));
  EXPECT_EQ(second.counts["queued"], 0);
  EXPECT_EQ(second.counts["sent"], 0);
  EXPECT_EQ(graph.count(), 3u);

  // A shop that opts in to medicine names gets them as the fourth parameter.
  configure(owner, {{"include_medicine_names", true}});
  nlohmann::json asha = due_bill(owner, "9876541005", "Asha", true, false, {"Thyronorm 50"});
  remind(server(), plus_minutes(now, 90));
  ASSERT_EQ(graph.count(), 4u);
  EXPECT_EQ(texts(graph.requests()[3]),
            nlohmann::json({"Asha", "Outbox Shop", readable(asha["reminders"][0]["runs_out_on"]),
                            "Thyronorm 50"}));

  // Another shop sees none of this shop's messages.
  SignedInStaff other = create_shop(server(), "Outbox Other");
  EXPECT_EQ(messages(other)["total"], 0);
  SignedInStaff staff = add_staff(server(), owner, "staff");
  expect_error(client(staff).get("/api/messages"), 403, "forbidden");
}

TEST_F(MessagingOutboxTest, NothingGoesOutOutsideTheShopsSendWindowInItsTimeZone) {
  FakeGraphApi graph;
  SignedInStaff kolkata = create_shop(server(), "Kolkata Window");
  configure(kolkata, whatsapp_settings(graph));
  due_bill(kolkata, "9876542001", "Meera", true, false);
  SignedInStaff york = create_shop(server(), "New York Window");
  ASSERT_EQ(client(york).put("/api/shop", {{"time_zone", "America/New_York"}}).status, 200);
  configure(york, whatsapp_settings(graph));
  due_bill(york, "9876542002", "Ravi", true, false);

  // 22:00 in Kolkata is outside 09:00-20:00 there (and 11:30 or 12:30 in New York the same day,
  // inside its window).
  const std::string late = ist_instant(0, "22:00");
  RemindSummary evening = remind(server(), late);
  ASSERT_EQ(graph.count(), 1u) << evening.counts;
  EXPECT_EQ(graph.requests()[0].body["to"], "919876542002");
  EXPECT_EQ(messages(kolkata)["total"], 0) << "not even queued outside the window";
  EXPECT_EQ(evening.counts["skipped"], 1) << "Kolkata's reminder waits on the call list";

  // 09:15 the next morning in Kolkata is 22:45 or 23:45 the evening before in New York.
  const std::string morning = ist_instant(1, "09:15");
  RemindSummary next = remind(server(), morning);
  EXPECT_EQ(next.counts["sent"], 1) << next.counts;
  ASSERT_EQ(graph.count(), 2u);
  EXPECT_EQ(graph.requests()[1].body["to"], "919876542001");

  // A window that ends at 24:00 covers the late evening.
  configure(kolkata, {{"send_window_start", "00:00"}, {"send_window_end", "24:00"}});
  due_bill(kolkata, "9876542003", "Late", true, false);
  remind(server(), ist_instant(1, "23:50"));
  EXPECT_EQ(graph.count(), 3u);
}

TEST_F(MessagingOutboxTest, NotOnWhatsappFallsBackToSmsAndMarksTheNumberInactive) {
  FakeGraphApi graph;
  FakeMsg91 sms;
  SignedInStaff owner = create_shop(server(), "Fallback Shop");
  nlohmann::json settings = whatsapp_settings(graph);
  settings.update(sms_settings(sms));
  configure(owner, settings);
  // The number is also on a contact sheet: its record learns the WhatsApp status too.
  ASSERT_EQ(client(owner)
                .upload("/api/customer-tracking/contacts/upload", "file", "s.csv",
                        "Name,Phone\nMeera,9876543001\n")
                .status,
            201);
  nlohmann::json both = due_bill(owner, "9876543001", "Meera", true, true);
  nlohmann::json whatsapp_only = due_bill(owner, "9876543002", "Ravi", true, false);
  nlohmann::json sms_only = due_bill(owner, "9876543003", "Asha", false, true);
  graph.script({FakeGraphApi::error(131026), FakeGraphApi::error(131026)});

  RemindSummary pass = remind(server(), ist_instant(1, "11:00"));
  EXPECT_EQ(pass.counts["sent"], 2) << pass.counts;  // two SMS
  EXPECT_EQ(pass.counts["failed"], 2) << pass.counts;
  EXPECT_EQ(pass.counts["queued"], 4) << "two WhatsApp, one SMS, one SMS fallback";
  ASSERT_EQ(graph.count(), 2u);
  ASSERT_EQ(sms.count(), 2u);
  std::set<std::string> sms_to;
  for (const RecordedRequest& r : sms.requests()) {
    EXPECT_EQ(r.path, "/api/v5/flow");
    EXPECT_EQ(r.authkey, "test-auth-key");
    EXPECT_EQ(r.body["template_id"], "6543210fedcba");
    EXPECT_EQ(r.body["short_url"], "0");
    EXPECT_EQ(r.body["sender"], "RXSHOP");
    ASSERT_EQ(r.body["recipients"].size(), 1u);
    const nlohmann::json& to = r.body["recipients"][0];
    sms_to.insert(to["mobiles"].get<std::string>());
    EXPECT_EQ(to["var2"], "Fallback Shop");
    EXPECT_EQ(to["var3"], readable(both["reminders"][0]["runs_out_on"]));
    EXPECT_FALSE(to.contains("var4")) << "no medicine name";
  }
  EXPECT_EQ(sms_to, (std::set<std::string>{"919876543001", "919876543003"}));

  // Meera: WhatsApp failed 131026, inactive everywhere, reminder sent by SMS.
  nlohmann::json meera = messages(owner, "&reminder_id=" + std::to_string(reminder_id(both)));
  ASSERT_EQ(meera["total"], 2);
  for (const auto& m : meera["items"]) {
    if (m["channel"] == "whatsapp") {
      EXPECT_EQ(m["status"], "failed");
      EXPECT_EQ(m["error_code"], "131026");
      EXPECT_TRUE(m["failed_at"].is_string());
    } else {
      EXPECT_EQ(m["status"], "sent");
    }
  }
  Response customer = client(owner).get(kCustomers + "/" + both["customer"]["id"].dump());
  EXPECT_EQ(customer.body["whatsapp_status"], "inactive");
  EXPECT_EQ(customer.body["contact"]["whatsapp_status"], "inactive");
  Response reminders =
      client(owner).get(kRefills + "?customer_id=" + both["customer"]["id"].dump());
  EXPECT_EQ(reminders.body["items"][0]["sent_channel"], "sms");

  // Ravi: no SMS consent, so after the failure the reminder is back with the staff.
  EXPECT_EQ(call_list(owner), std::vector<std::int64_t>{reminder_id(whatsapp_only)});

  // Meera's next reminder goes straight to SMS: WhatsApp is known inactive.
  due_bill(owner, "9876543001", std::nullopt, true, true, {"Ecosprin 75"});
  RemindSummary later = remind(server(), ist_instant(1, "12:00"));
  EXPECT_EQ(later.counts["sent"], 1) << later.counts;
  EXPECT_EQ(graph.count(), 2u);
  EXPECT_EQ(sms.count(), 3u);
}

TEST_F(MessagingOutboxTest, RateLimitsAreRetriedWithBackoffThenSent) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Backoff Shop");
  configure(owner, whatsapp_settings(graph));
  nlohmann::json bill = due_bill(owner, "9876544001", "Meera", true, false);
  graph.script({FakeGraphApi::error(130429)});

  const std::string start = ist_instant(1, "10:00");
  RemindSummary first = remind(server(), start);
  EXPECT_EQ(first.counts["sent"], 0) << first.counts;
  EXPECT_EQ(first.counts["failed"], 0) << first.counts;
  ASSERT_EQ(graph.count(), 1u);
  nlohmann::json queued = messages(owner)["items"];
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_EQ(queued[0]["status"], "queued");
  EXPECT_EQ(queued[0]["attempts"], 1);
  EXPECT_EQ(queued[0]["error_code"], "130429");
  EXPECT_EQ(queued[0]["next_attempt_at"], plus_minutes(start, 1)) << "first backoff: 1 minute";
  EXPECT_TRUE(call_list(owner).empty()) << "off the call list while WhatsApp is under way";

  remind(server(), start);  // the same instant: still waiting
  EXPECT_EQ(graph.count(), 1u);
  RemindSummary retry = remind(server(), plus_minutes(start, 2));
  EXPECT_EQ(retry.counts["sent"], 1) << retry.counts;
  ASSERT_EQ(graph.count(), 2u);
  nlohmann::json sent = messages(owner)["items"][0];
  EXPECT_EQ(sent["status"], "sent");
  EXPECT_EQ(sent["attempts"], 2);
  EXPECT_TRUE(sent["error_code"].is_null());
  EXPECT_EQ(sent["provider_message_id"], FakeGraphApi::message_id(2));
}

// `remind` follows the provider address rule on its own: the URL was saved through a server that
// allows the fake's host, but a pass without --allow-provider-host does not connect to it.
TEST_F(MessagingOutboxTest, APassWithoutTheAllowFlagDoesNotReachALoopbackProvider) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Loopback Pass Shop");
  configure(owner, whatsapp_settings(graph));
  due_bill(owner, "9876544101", "Meera", true, false);

  const std::string start = ist_instant(1, "10:00");
  RemindSummary refused = remind(server(), start, {});
  EXPECT_EQ(refused.counts["sent"], 0) << refused.counts;
  EXPECT_EQ(graph.count(), 0u);
  nlohmann::json queued = messages(owner)["items"];
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_EQ(queued[0]["status"], "queued") << "no answer is retried, like a network failure";
  EXPECT_EQ(queued[0]["error_code"], "provider_unreachable");
  EXPECT_EQ(queued[0]["error_message"], "the provider could not be reached");

  RemindSummary allowed = remind(server(), plus_minutes(start, 2));
  EXPECT_EQ(allowed.counts["sent"], 1) << allowed.counts;
  EXPECT_EQ(graph.count(), 1u);
}

TEST_F(MessagingOutboxTest, ServerErrorsStopAfterTheLastAttemptAndTheReminderReturns) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Gives Up Shop");
  configure(owner, whatsapp_settings(graph));
  nlohmann::json bill = due_bill(owner, "9876544501", "Meera", true, false);
  std::vector<ScriptedAnswer> failures(6, ScriptedAnswer{500, R"({"error":{"code":1}})"});
  graph.script(failures);
  const std::string start = ist_instant(1, "09:30");
  for (int i = 0; i < 6; ++i) remind(server(), plus_minutes(start, 20 * i));
  EXPECT_EQ(graph.count(), 5u) << "five attempts, then it gives up";
  nlohmann::json m = messages(owner)["items"][0];
  EXPECT_EQ(m["status"], "failed");
  EXPECT_EQ(m["attempts"], 5);
  EXPECT_EQ(m["error_code"], "1");
  EXPECT_EQ(call_list(owner), std::vector<std::int64_t>{reminder_id(bill)});
}

TEST_F(MessagingOutboxTest, APermanentErrorIsNotRetried) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Template Missing Shop");
  configure(owner, whatsapp_settings(graph));
  nlohmann::json bill = due_bill(owner, "9876544601", "Meera", true, false);
  graph.script({FakeGraphApi::error(132001, 404)});
  const std::string start = ist_instant(1, "10:00");
  RemindSummary pass = remind(server(), start);
  EXPECT_EQ(pass.counts["failed"], 1);
  remind(server(), plus_minutes(start, 120));
  EXPECT_EQ(graph.count(), 1u);
  EXPECT_EQ(messages(owner)["items"][0]["error_code"], "132001");
  EXPECT_EQ(call_list(owner), std::vector<std::int64_t>{reminder_id(bill)});
  Response customer = client(owner).get(kCustomers + "/" + bill["customer"]["id"].dump());
  EXPECT_EQ(customer.body["whatsapp_status"], "unknown") << "only 131026 marks inactive";
}

TEST_F(MessagingOutboxTest, ASenderThatDiesMidSendIsNeverRepeated) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Crash Shop");
  configure(owner, whatsapp_settings(graph));
  nlohmann::json bill = due_bill(owner, "9876545001", "Meera", true, false);
  graph.hold();
  const std::string start = ist_instant(1, "10:00");
  {
    BackgroundCommand sender(
        with_fake_providers({"remind", "--db", server().db_url(), "--now", start}));
    ASSERT_TRUE(graph.wait_for(1, std::chrono::seconds(20)));
    sender.kill_now();  // claimed, request on the wire, never settled
  }
  graph.release();
  nlohmann::json stuck = messages(owner)["items"];
  ASSERT_EQ(stuck.size(), 1u);
  EXPECT_EQ(stuck[0]["status"], "sending");
  EXPECT_TRUE(call_list(owner).empty());

  // Within the lease nobody touches it; after it, it fails as interrupted and is not resent.
  remind(server(), plus_minutes(start, 1));
  EXPECT_EQ(messages(owner)["items"][0]["status"], "sending");
  RemindSummary after = remind(server(), plus_minutes(start, 10));
  EXPECT_EQ(after.counts["failed"], 1) << after.counts;
  EXPECT_EQ(after.counts["sent"], 0) << after.counts;
  nlohmann::json m = messages(owner)["items"];
  ASSERT_EQ(m.size(), 1u) << "no second message for the reminder";
  EXPECT_EQ(m[0]["status"], "failed");
  EXPECT_EQ(m[0]["error_code"], "interrupted");
  EXPECT_EQ(graph.count(), 1u);
  EXPECT_EQ(call_list(owner), std::vector<std::int64_t>{reminder_id(bill)});
  remind(server(), plus_minutes(start, 60));
  EXPECT_EQ(graph.count(), 1u);
}

TEST_F(MessagingOutboxTest, TwoSendersAtOnceSendEachReminderExactlyOnce) {
  FakeGraphApi graph;
  graph.set_delay(std::chrono::milliseconds(15));
  SignedInStaff owner = create_shop(server(), "Parallel Shop");
  nlohmann::json settings = whatsapp_settings(graph);
  settings["include_medicine_names"] = true;
  configure(owner, settings);
  constexpr int kCustomersCount = 15;
  for (int i = 0; i < kCustomersCount; ++i) {
    due_bill(owner, "98765460" + std::to_string(10 + i), "Customer " + std::to_string(i), true,
             false, {"Medicine A" + std::to_string(i), "Medicine B" + std::to_string(i)});
  }
  const std::string now = ist_instant(1, "10:00");
  auto [a, b] = remind_twice_at_once(server(), now);
  ASSERT_EQ(a.exit_code, 0) << a.out;
  ASSERT_EQ(b.exit_code, 0) << b.out;
  const nlohmann::json sa = nlohmann::json::parse(a.out);
  const nlohmann::json sb = nlohmann::json::parse(b.out);
  EXPECT_EQ(sa["sent"].get<int>() + sb["sent"].get<int>(), 2 * kCustomersCount) << a.out << b.out;
  EXPECT_EQ(sa["queued"].get<int>() + sb["queued"].get<int>(), 2 * kCustomersCount);

  const std::vector<RecordedRequest> requests = graph.requests();
  EXPECT_EQ(requests.size(), static_cast<std::size_t>(2 * kCustomersCount));
  std::set<std::string> medicines;
  for (const RecordedRequest& r : requests) medicines.insert(texts(r)[3].get<std::string>());
  EXPECT_EQ(medicines.size(), static_cast<std::size_t>(2 * kCustomersCount))
      << "every reminder once, none twice";
  EXPECT_EQ(messages(owner, "&status=sent")["total"], 2 * kCustomersCount);
  EXPECT_TRUE(call_list(owner).empty());
}

}  // namespace
}  // namespace rx::test
