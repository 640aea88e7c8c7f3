// The outbox after the fact: retrying a failed message, the counts per day, and the owner's
// "send a test message" against the fake Cloud API and SMS gateway.
#include "messaging_support.h"

namespace rx::test {
namespace {

class MessagingFollowupTest : public MessagingTest {
 protected:
  // The only message of a reminder.
  static nlohmann::json message_of(const SignedInStaff& who, const nlohmann::json& bill) {
    nlohmann::json items =
        messages(who, "&reminder_id=" + bill["reminders"][0]["id"].dump())["items"];
    EXPECT_EQ(items.size(), 1u) << items;
    return items.empty() ? nlohmann::json::object() : items[0];
  }
  static std::string retry_path(const nlohmann::json& message) {
    return "/api/messages/" + message["id"].dump() + "/retry";
  }
};

TEST_F(MessagingFollowupTest, RetryRequeuesAFailedMessageAndTheNextPassSendsItOnce) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Retry Shop");
  configure(owner, whatsapp_settings(graph));
  nlohmann::json bill = due_bill(owner, "9876542001", "Kiran", true, false);
  graph.script({FakeGraphApi::error(132001)});  // template missing: never retried by itself
  const std::string now = ist_instant(1, "10:00");
  RemindSummary first = remind(server(), now);
  EXPECT_EQ(first.counts["failed"], 1) << first.counts;
  nlohmann::json failed = message_of(owner, bill);
  ASSERT_EQ(failed["status"], "failed");
  EXPECT_EQ(failed["error_code"], "132001");
  EXPECT_EQ(graph.count(), 1u);

  // Another shop's owner, and this shop's staff, cannot retry it.
  SignedInStaff other = create_shop(server(), "Retry Other");
  expect_error(client(other).post(retry_path(failed), nlohmann::json::object()), 404, "not_found");
  SignedInStaff staff = add_staff(server(), owner, "staff");
  expect_error(client(staff).post(retry_path(failed), nlohmann::json::object()), 403, "forbidden");
  EXPECT_EQ(message_of(owner, bill)["status"], "failed");

  SignedInStaff manager = add_staff(server(), owner, "manager");
  Response retried = client(manager).post(retry_path(failed), nlohmann::json::object());
  ASSERT_EQ(retried.status, 200) << retried.raw;
  EXPECT_EQ(retried.body["id"], failed["id"]);
  EXPECT_EQ(retried.body["status"], "queued");
  EXPECT_EQ(retried.body["attempts"], 1);
  EXPECT_TRUE(retried.body["error_code"].is_null());
  EXPECT_TRUE(retried.body["error_message"].is_null());
  EXPECT_TRUE(retried.body["failed_at"].is_null());
  EXPECT_TRUE(retried.body["next_attempt_at"].is_string());
  EXPECT_EQ(retried.body["customer_name"], "Kiran");
  // Retrying it twice is a conflict: it is queued now.
  expect_error(client(owner).post(retry_path(failed), nlohmann::json::object()), 409, "conflict");

  RemindSummary second = remind(server(), plus_minutes(now, 5));
  EXPECT_EQ(second.counts["sent"], 1) << second.counts;
  EXPECT_EQ(second.counts["queued"], 0) << "the retry is the same row, not a new message";
  ASSERT_EQ(graph.count(), 2u);
  EXPECT_EQ(graph.requests()[1].body["to"], "919876542001");
  nlohmann::json sent = message_of(owner, bill);
  EXPECT_EQ(sent["status"], "sent");
  EXPECT_EQ(sent["attempts"], 2);
  EXPECT_EQ(sent["provider_message_id"], FakeGraphApi::message_id(2));
  RemindSummary third = remind(server(), plus_minutes(now, 10));
  EXPECT_EQ(third.counts["sent"], 0) << third.counts;
  EXPECT_EQ(graph.count(), 2u) << "sent exactly once";

  // A sent message is not retried.
  expect_error(client(owner).post(retry_path(sent), nlohmann::json::object()), 409, "conflict");
  // An id that names nothing.
  expect_error(client(owner).post("/api/messages/999999999/retry", nlohmann::json::object()), 404,
               "not_found");

  // The retry is in the audit log.
  Response audit = client(owner).get("/api/audit?action=message.retry");
  ASSERT_EQ(audit.status, 200) << audit.raw;
  ASSERT_EQ(audit.body["items"].size(), 1u) << audit.raw;
  EXPECT_EQ(audit.body["items"][0]["entity_id"], failed["id"]) << audit.raw;
}

TEST_F(MessagingFollowupTest, RetryIsRefusedWhenTheCustomerMayNoLongerBeMessaged) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Retry Consent Shop");
  configure(owner, whatsapp_settings(graph));
  nlohmann::json opted = due_bill(owner, "9876542101", "Opted", true, false);
  nlohmann::json withdrawn = due_bill(owner, "9876542102", "Withdrawn", true, false);
  graph.script({FakeGraphApi::error(132001), FakeGraphApi::error(132001)});
  remind(server(), ist_instant(1, "10:00"));
  nlohmann::json first = message_of(owner, opted);
  nlohmann::json second = message_of(owner, withdrawn);
  ASSERT_EQ(first["status"], "failed");
  ASSERT_EQ(second["status"], "failed");

  ASSERT_EQ(client(owner)
                .post(kCustomers + "/" + opted["customer"]["id"].dump() + "/opt-out",
                      nlohmann::json::object())
                .status,
            200);
  Response refused = client(owner).post(retry_path(first), nlohmann::json::object());
  expect_error(refused, 409, "conflict");
  EXPECT_NE(refused.body["error"]["message"].get<std::string>().find("opted out"),
            std::string::npos)
      << refused.raw;

  Response consent =
      client(owner).post(kCustomers + "/" + withdrawn["customer"]["id"].dump() + "/consent",
                         {{"channel", "whatsapp"}, {"granted", false}, {"method", "counter"}});
  ASSERT_EQ(consent.status, 200) << consent.raw;
  refused = client(owner).post(retry_path(second), nlohmann::json::object());
  expect_error(refused, 409, "conflict");
  EXPECT_NE(refused.body["error"]["message"].get<std::string>().find("consent"), std::string::npos)
      << refused.raw;
  EXPECT_EQ(message_of(owner, opted)["status"], "failed");
  EXPECT_EQ(message_of(owner, withdrawn)["status"], "failed");
  remind(server(), ist_instant(1, "10:30"));
  EXPECT_EQ(graph.count(), 2u);
}

TEST_F(MessagingFollowupTest, DailyCountsAreExactPerShopLocalDayAndZeroFilled) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Daily Shop");
  configure(owner, whatsapp_settings(graph));
  due_bill(owner, "9876543001", "One", true, false);
  due_bill(owner, "9876543002", "Two", true, false);
  due_bill(owner, "9876543003", "Three", true, false);
  // Day 1: two sent (one of them then delivered through the webhook), one failed.
  graph.script({FakeGraphApi::error(132001)});
  remind(server(), ist_instant(1, "10:00"));
  // Day 3: one more customer, sent; the others are not sent again.
  due_bill(owner, "9876543004", "Four", true, false);
  remind(server(), ist_instant(3, "11:00"));
  ASSERT_EQ(graph.count(), 4u);
  nlohmann::json sent = messages(owner, "&status=sent")["items"];
  ASSERT_EQ(sent.size(), 3u) << sent;
  // One of day 1's sent messages reports delivered.
  const std::string wamid = sent[2]["provider_message_id"];
  Response settings = client(owner).get("/api/shop/messaging");
  const std::string key = settings.body["webhook_key"];
  ASSERT_EQ(post_webhook(key, webhook_payload({status_report(wamid, "delivered", 1)}, {}),
                         "test-app-secret")
                .status,
            200);
  // Today: a test message.
  ASSERT_EQ(
      client(owner)
          .post("/api/shop/messaging/test", {{"channel", "whatsapp"}, {"phone", "9876543005"}})
          .status,
      201);

  Response daily =
      client(owner).get("/api/messages/daily?from=" + ist_date(-1) + "&to=" + ist_date(4));
  ASSERT_EQ(daily.status, 200) << daily.raw;
  EXPECT_EQ(daily.body["from"], ist_date(-1));
  EXPECT_EQ(daily.body["to"], ist_date(4));
  const nlohmann::json& days = daily.body["days"];
  ASSERT_EQ(days.size(), 6u) << daily.raw;
  auto day = [](const std::string& date, int queued, int sent_n, int delivered, int read,
                int failed) {
    return nlohmann::json{
        {"date", date},           {"queued", queued},
        {"sent", sent_n},         {"delivered", delivered},
        {"read", read},           {"failed", failed},
        {"awaiting_approval", 0},  // review mode only (outreach_approval_test)
        {"expired", 0},           {"total", queued + sent_n + delivered + read + failed}};
  };
  EXPECT_EQ(days[0], day(ist_date(-1), 0, 0, 0, 0, 0));
  EXPECT_EQ(days[1], day(ist_date(0), 0, 1, 0, 0, 0));
  EXPECT_EQ(days[2], day(ist_date(1), 0, 1, 1, 0, 1));
  EXPECT_EQ(days[3], day(ist_date(2), 0, 0, 0, 0, 0));
  EXPECT_EQ(days[4], day(ist_date(3), 0, 1, 0, 0, 0));
  EXPECT_EQ(days[5], day(ist_date(4), 0, 0, 0, 0, 0));

  // Defaults: the 14 days ending today.
  Response fallback = client(owner).get("/api/messages/daily");
  ASSERT_EQ(fallback.status, 200) << fallback.raw;
  EXPECT_EQ(fallback.body["to"], ist_date(0));
  EXPECT_EQ(fallback.body["from"], ist_date(-13));
  ASSERT_EQ(fallback.body["days"].size(), 14u);
  EXPECT_EQ(fallback.body["days"][13], day(ist_date(0), 0, 1, 0, 0, 0));

  // Bad windows.
  expect_error(client(owner).get("/api/messages/daily?from=" + ist_date(2) + "&to=" + ist_date(1)),
               422, "validation_failed");
  expect_error(
      client(owner).get("/api/messages/daily?from=" + ist_date(-367) + "&to=" + ist_date(0)), 422,
      "validation_failed");
  EXPECT_EQ(client(owner)
                .get("/api/messages/daily?from=" + ist_date(-365) + "&to=" + ist_date(0))
                .body["days"]
                .size(),
            366u);
  expect_error(client(owner).get("/api/messages/daily?from=yesterday"), 422, "validation_failed");

  // Another shop counts nothing of this; staff may not look.
  SignedInStaff other = create_shop(server(), "Daily Other");
  Response theirs =
      client(other).get("/api/messages/daily?from=" + ist_date(-1) + "&to=" + ist_date(4));
  ASSERT_EQ(theirs.status, 200);
  for (const auto& d : theirs.body["days"]) EXPECT_EQ(d["total"], 0) << d;
  SignedInStaff staff = add_staff(server(), owner, "staff");
  expect_error(client(staff).get("/api/messages/daily"), 403, "forbidden");
}

TEST_F(MessagingFollowupTest, TestMessageGoesOutThroughTheConfiguredProvider) {
  FakeGraphApi graph;
  FakeMsg91 sms;
  SignedInStaff owner = create_shop(server(), "Test Send Shop");
  // Nothing configured yet.
  Response unconfigured = client(owner).post("/api/shop/messaging/test",
                                             {{"channel", "whatsapp"}, {"phone", "9876544001"}});
  expect_error(unconfigured, 422, "validation_failed");
  EXPECT_EQ(unconfigured.body["error"]["details"]["fields"]["channel"], "not configured");
  configure(owner, whatsapp_settings(graph));
  unconfigured =
      client(owner).post("/api/shop/messaging/test", {{"channel", "sms"}, {"phone", "9876544001"}});
  expect_error(unconfigured, 422, "validation_failed");
  EXPECT_EQ(unconfigured.body["error"]["details"]["fields"]["channel"], "not configured");
  Response bad_phone =
      client(owner).post("/api/shop/messaging/test", {{"channel", "whatsapp"}, {"phone", "12"}});
  expect_error(bad_phone, 422, "validation_failed");
  EXPECT_TRUE(bad_phone.body["error"]["details"]["fields"].contains("phone")) << bad_phone.raw;
  expect_error(
      client(owner).post("/api/shop/messaging/test", {{"channel", "fax"}, {"phone", "9876544001"}}),
      422, "validation_failed");
  SignedInStaff manager = add_staff(server(), owner, "manager");
  expect_error(client(manager).post("/api/shop/messaging/test",
                                    {{"channel", "whatsapp"}, {"phone", "9876544001"}}),
               403, "forbidden");
  EXPECT_EQ(graph.count(), 0u);
  EXPECT_EQ(messages(owner)["total"], 0);

  Response sent = client(owner).post("/api/shop/messaging/test",
                                     {{"channel", "whatsapp"}, {"phone", "098765 44001"}});
  ASSERT_EQ(sent.status, 201) << sent.raw;
  const nlohmann::json& m = sent.body["message"];
  EXPECT_EQ(m["status"], "sent");
  EXPECT_EQ(m["channel"], "whatsapp");
  EXPECT_EQ(m["to_phone"], "+919876544001");
  EXPECT_TRUE(m["customer_id"].is_null());
  EXPECT_EQ(m["template"], "refill_reminder");
  EXPECT_EQ(m["provider_message_id"], FakeGraphApi::message_id(1));
  EXPECT_EQ(m["attempts"], 1);
  ASSERT_EQ(graph.count(), 1u);
  const RecordedRequest request = graph.requests()[0];
  EXPECT_EQ(request.path, "/v23.0/106540352242922/messages");
  EXPECT_EQ(request.authorization, "Bearer test-access-token");
  EXPECT_EQ(request.body["to"], "919876544001");
  EXPECT_EQ(request.body["type"], "template");
  EXPECT_EQ(request.body["template"]["name"], "refill_reminder");
  nlohmann::json texts = nlohmann::json::array();
  for (const auto& p : request.body["template"]["components"][0]["parameters"]) {
    texts.push_back(p["text"]);
  }
  EXPECT_EQ(texts, nlohmann::json({"Test", "Test Send Shop", readable(ist_date(0))}));
  nlohmann::json outbox = messages(owner);
  ASSERT_EQ(outbox["total"], 1);
  EXPECT_EQ(outbox["items"][0]["id"], m["id"]);
  EXPECT_EQ(outbox["items"][0]["status"], "sent");
  // The scheduler does not send it again.
  remind(server(), ist_instant(1, "10:00"));
  EXPECT_EQ(graph.count(), 1u);

  // The provider refuses: 502 with its code, and the row is failed.
  graph.script({FakeGraphApi::error(131026)});
  Response refused = client(owner).post("/api/shop/messaging/test",
                                        {{"channel", "whatsapp"}, {"phone", "9876544002"}});
  expect_error(refused, 502, "provider_error");
  EXPECT_EQ(refused.body["error"]["details"]["provider_code"], "131026") << refused.raw;
  // The Cloud API's message with its error_data details, as the client reads it.
  EXPECT_EQ(refused.body["error"]["message"], "(#131026) scripted failure: scripted by the test");
  nlohmann::json failed = messages(owner, "&status=failed")["items"];
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0]["to_phone"], "+919876544002");
  EXPECT_EQ(failed[0]["error_code"], "131026");
  EXPECT_TRUE(failed[0]["failed_at"].is_string());
  EXPECT_EQ(graph.count(), 2u);

  // SMS through the flow API, with the same variables.
  configure(owner, sms_settings(sms));
  Response by_sms =
      client(owner).post("/api/shop/messaging/test", {{"channel", "sms"}, {"phone", "9876544003"}});
  ASSERT_EQ(by_sms.status, 201) << by_sms.raw;
  EXPECT_EQ(by_sms.body["message"]["status"], "sent");
  EXPECT_EQ(by_sms.body["message"]["channel"], "sms");
  EXPECT_EQ(by_sms.body["message"]["template"], "6543210fedcba");
  ASSERT_EQ(sms.count(), 1u);
  const RecordedRequest flow = sms.requests()[0];
  EXPECT_EQ(flow.path, "/api/v5/flow");
  EXPECT_EQ(flow.authkey, "test-auth-key");
  EXPECT_EQ(flow.body["template_id"], "6543210fedcba");
  EXPECT_EQ(flow.body["recipients"][0]["mobiles"], "919876544003");
  EXPECT_EQ(flow.body["recipients"][0]["var1"], "Test");
  EXPECT_EQ(flow.body["recipients"][0]["var2"], "Test Send Shop");
  EXPECT_EQ(flow.body["recipients"][0]["var3"], readable(ist_date(0)));
  EXPECT_EQ(by_sms.body["message"]["provider_message_id"], "376300000001");
  EXPECT_EQ(messages(owner)["total"], 3);
  // Another shop sees none of them.
  SignedInStaff other = create_shop(server(), "Test Send Other");
  EXPECT_EQ(messages(other)["total"], 0);
}

}  // namespace
}  // namespace rx::test
