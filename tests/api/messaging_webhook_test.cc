// The WhatsApp webhook: the verify handshake, signatures, delivery statuses and inbound replies.
#include "api_paths.h"
#include "messaging_support.h"

#include <thread>

namespace rx::test {
namespace {

constexpr long long kT0 = 1764000000;  // a webhook timestamp (Unix seconds)

class MessagingWebhookTest : public MessagingTest {
 protected:
  static std::string webhook_key(const SignedInStaff& owner) {
    return client(owner).get("/api/shop/messaging").body["webhook_key"];
  }
  static nlohmann::json only_message(const SignedInStaff& owner) {
    nlohmann::json all = messages(owner);
    EXPECT_EQ(all["total"], 1) << all;
    return all["items"][0];
  }
};

TEST_F(MessagingWebhookTest, HandshakeEchoesTheChallengeOnlyForTheShopsVerifyToken) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Handshake Shop");
  configure(owner, whatsapp_settings(graph));
  const std::string path = "/api/webhooks/whatsapp/" + webhook_key(owner);
  ApiClient anonymous(server().port());

  Response ok = anonymous.get(path +
                              "?hub.mode=subscribe&hub.verify_token=test-verify-token"
                              "&hub.challenge=1158201444");
  ASSERT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(ok.raw, "1158201444");
  EXPECT_EQ(ok.header("Content-Type").rfind("text/plain", 0), 0u) << ok.header("Content-Type");

  expect_error(anonymous.get(path + "?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1"),
               403, "forbidden");
  expect_error(anonymous.get(path + "?hub.mode=unsubscribe&hub.verify_token=test-verify-token"
                                    "&hub.challenge=1"),
               403, "forbidden");
  expect_error(anonymous.get(path + "?hub.challenge=1"), 403, "forbidden");
  expect_error(anonymous.get("/api/webhooks/whatsapp/0123456789abcdef0123456789abcdef"
                             "?hub.mode=subscribe&hub.verify_token=test-verify-token"),
               404, "not_found");
  // A shop that set no verify token accepts no handshake, even an empty token.
  SignedInStaff bare = create_shop(server(), "No Token Shop");
  expect_error(anonymous.get("/api/webhooks/whatsapp/" + webhook_key(bare) +
                             "?hub.mode=subscribe&hub.verify_token=&hub.challenge=1"),
               403, "forbidden");
}

TEST_F(MessagingWebhookTest, StatusesNeedTheSignatureAndOnlyEverMoveForward) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Status Shop");
  configure(owner, whatsapp_settings(graph));
  ASSERT_EQ(client(owner)
                .upload(kContacts + "/upload", "file", "s.csv", "Name,Phone\nMeera,9876547001\n")
                .status,
            201);
  nlohmann::json bill = due_bill(owner, "9876547001", "Meera", true, false);
  remind(server(), ist_instant(1, "10:00"));
  const std::string wamid = FakeGraphApi::message_id(1);
  ASSERT_EQ(only_message(owner)["provider_message_id"], wamid);
  const std::string key = webhook_key(owner);
  const std::string customer = kCustomers + "/" + bill["customer"]["id"].dump();

  const nlohmann::json delivered = webhook_payload({status_report(wamid, "delivered", kT0)}, {});
  expect_error(post_webhook(key, delivered, ""), 401, "unauthorized");
  expect_error(post_webhook(key, delivered, "not-the-app-secret"), 401, "unauthorized");
  // A signature of other bytes does not carry over to this body.
  Response tampered =
      ApiClient(server().port())
          .post_raw("/api/webhooks/whatsapp/" + key, delivered.dump() + " ", "application/json",
                    {{"X-Hub-Signature-256", hub_signature(delivered.dump(), "test-app-secret")}});
  expect_error(tampered, 401, "unauthorized");
  EXPECT_EQ(only_message(owner)["status"], "sent") << "nothing changed";
  EXPECT_EQ(client(owner).get(customer).body["whatsapp_status"], "unknown");
  expect_error(post_webhook("0123456789abcdef0123456789abcdef", delivered, "test-app-secret"), 404,
               "not_found");

  Response accepted = post_webhook(key, delivered, "test-app-secret");
  ASSERT_EQ(accepted.status, 200) << accepted.raw;
  EXPECT_EQ(accepted.body["statuses_applied"], 1);
  nlohmann::json m = only_message(owner);
  EXPECT_EQ(m["status"], "delivered");
  EXPECT_TRUE(m["delivered_at"].is_string());
  Response profile = client(owner).get(customer);
  EXPECT_EQ(profile.body["whatsapp_status"], "active");
  EXPECT_EQ(profile.body["contact"]["whatsapp_status"], "active");
  EXPECT_EQ(profile.body["contact"]["whatsapp_status_source"], "delivery");

  // read, then a late delivered, a repeated read and a failed: read stays.
  Response read = post_webhook(key, webhook_payload({status_report(wamid, "read", kT0 + 60)}, {}),
                               "test-app-secret");
  EXPECT_EQ(read.body["statuses_applied"], 1);
  Response late = post_webhook(key,
                               webhook_payload({status_report(wamid, "delivered", kT0 + 30),
                                                status_report(wamid, "read", kT0 + 60),
                                                status_report(wamid, "failed", kT0 + 90, 131026),
                                                status_report("wamid.UNKNOWN", "read", kT0)},
                                               {}),
                               "test-app-secret");
  ASSERT_EQ(late.status, 200) << late.raw;
  EXPECT_EQ(late.body["statuses_applied"], 0);
  m = only_message(owner);
  EXPECT_EQ(m["status"], "read");
  EXPECT_TRUE(m["read_at"].is_string());
  EXPECT_TRUE(m["error_code"].is_null());
  EXPECT_EQ(client(owner).get(customer).body["whatsapp_status"], "active")
      << "a failure after delivery is ignored";

  Response junk =
      ApiClient(server().port())
          .post_raw("/api/webhooks/whatsapp/" + key, "{not json", "application/json",
                    {{"X-Hub-Signature-256", hub_signature("{not json", "test-app-secret")}});
  expect_error(junk, 400, "bad_request");
}

TEST_F(MessagingWebhookTest, AFailureReportedLaterSendsTheReminderBackAndToSms) {
  FakeGraphApi graph;
  FakeMsg91 sms;
  SignedInStaff owner = create_shop(server(), "Late Failure Shop");
  nlohmann::json settings = whatsapp_settings(graph);
  settings.update(sms_settings(sms));
  configure(owner, settings);
  nlohmann::json bill = due_bill(owner, "9876547101", "Ravi", true, true);
  const std::string start = ist_instant(1, "10:00");
  remind(server(), start);
  ASSERT_EQ(graph.count(), 1u);
  EXPECT_TRUE(call_list(owner).empty());

  Response failed = post_webhook(
      webhook_key(owner),
      webhook_payload({status_report(FakeGraphApi::message_id(1), "failed", kT0, 131026)}, {}),
      "test-app-secret");
  ASSERT_EQ(failed.status, 200) << failed.raw;
  EXPECT_EQ(failed.body["statuses_applied"], 1);
  nlohmann::json m = only_message(owner);
  EXPECT_EQ(m["status"], "failed");
  EXPECT_EQ(m["error_code"], "131026");
  const std::int64_t reminder = bill["reminders"][0]["id"];
  EXPECT_EQ(call_list(owner), std::vector<std::int64_t>{reminder});
  EXPECT_EQ(
      client(owner).get(kCustomers + "/" + bill["customer"]["id"].dump()).body["whatsapp_status"],
      "inactive");

  RemindSummary next = remind(server(), plus_minutes(start, 5));
  EXPECT_EQ(next.counts["sent"], 1) << next.counts;
  EXPECT_EQ(graph.count(), 1u) << "no second WhatsApp";
  ASSERT_EQ(sms.count(), 1u);
  EXPECT_EQ(sms.requests()[0].body["recipients"][0]["mobiles"], "919876547101");
  EXPECT_TRUE(call_list(owner).empty());
}

TEST_F(MessagingWebhookTest, RepliesOptOutOrAreLoggedAndEveryMessageIsKeptOnce) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Reply Shop");
  nlohmann::json settings = whatsapp_settings(graph);
  settings["opt_out_keywords"] = {"band karo"};
  configure(owner, settings);
  nlohmann::json stop = due_bill(owner, "9876548001", "Stopper", true, true);
  nlohmann::json keyword = due_bill(owner, "9876548002", "Keyword", true, false);
  nlohmann::json chatty = due_bill(owner, "9876548003", "Chatty", true, false);

  const nlohmann::json payload =
      webhook_payload({},
                      {inbound_text("wamid.IN1", "919876548001", "  stop "),
                       inbound_text("wamid.IN2", "919876548002", "Band Karo"),
                       inbound_text("wamid.IN3", "919876548003", "Thank you, I will come tomorrow"),
                       inbound_text("wamid.IN4", "919876548999", "Hello, do you have Crocin?"),
                       {{"from_user_id", "IN.13491208655302741918"},
                        {"id", "wamid.IN5"},
                        {"timestamp", "1764000000"},
                        {"type", "text"},
                        {"text", {{"body", "hi"}}}}},
                      {{{"profile", {{"name", "New Person"}}}, {"wa_id", "919876548999"}}});
  Response first = post_webhook(webhook_key(owner), payload, "test-app-secret");
  ASSERT_EQ(first.status, 200) << first.raw;
  EXPECT_EQ(first.body["messages_stored"], 5);

  for (const nlohmann::json* who : {&stop, &keyword}) {
    Response c = client(owner).get(kCustomers + "/" + (*who)["customer"]["id"].dump());
    EXPECT_TRUE(c.body["opted_out_at"].is_string()) << c.raw;
    EXPECT_EQ(c.body["whatsapp_consent"], false);
    EXPECT_EQ(c.body["sms_consent"], false);
    EXPECT_EQ(c.body["consent_history"][0]["method"], "reply");
    EXPECT_EQ(c.body["consent_history"][0]["channel"], "all");
    EXPECT_TRUE(c.body["consent_history"][0]["staff_id"].is_null());
  }
  Response talker = client(owner).get(kCustomers + "/" + chatty["customer"]["id"].dump());
  EXPECT_TRUE(talker.body["opted_out_at"].is_null());
  EXPECT_EQ(talker.body["whatsapp_status"], "active") << "a reply proves WhatsApp";
  ASSERT_TRUE(talker.body["contact"].is_object()) << "the reply created a contact record";
  Response logged =
      client(owner).get(kContacts + "/" + talker.body["contact"]["id"].dump() + "/interactions");
  ASSERT_EQ(logged.status, 200) << logged.raw;
  ASSERT_EQ(logged.body["items"].size(), 1u);
  EXPECT_EQ(logged.body["items"][0]["kind"], "whatsapp");
  EXPECT_EQ(logged.body["items"][0]["notes"], "Thank you, I will come tomorrow");

  Response stranger = client(owner).get(kContacts + "?q=9876548999");
  ASSERT_EQ(stranger.body["total"], 1) << stranger.raw;
  EXPECT_EQ(stranger.body["items"][0]["name"], "New Person");
  EXPECT_EQ(stranger.body["items"][0]["whatsapp_status"], "active");
  EXPECT_EQ(client(owner).get(kContacts + "?status=pending").body["total"], 2)
      << "the contacts replies made are counted (Chatty's and the stranger's)";

  // Meta redelivers: nothing happens twice.
  const std::size_t events = client(owner)
                                 .get(kCustomers + "/" + stop["customer"]["id"].dump())
                                 .body["consent_history"]
                                 .size();
  Response again = post_webhook(webhook_key(owner), payload, "test-app-secret");
  EXPECT_EQ(again.body["messages_stored"], 0);
  EXPECT_EQ(client(owner)
                .get(kCustomers + "/" + stop["customer"]["id"].dump())
                .body["consent_history"]
                .size(),
            events);

  // The opt-outs hold for the scheduler: only Chatty is messaged.
  RemindSummary pass = remind(server(), ist_instant(1, "10:00"));
  EXPECT_EQ(pass.counts["sent"], 1) << pass.counts;
  ASSERT_EQ(graph.count(), 1u);
  EXPECT_EQ(graph.requests()[0].body["to"], "919876548003");
  EXPECT_EQ(pass.counts["skipped"], 2) << "the two who opted out stay with the staff";
}

// The scheduler thread inside `rxtrack serve`: it sends on its own and stops with the server.
class SchedulerThreadTest : public MessagingTest {
 protected:
  std::vector<std::string> server_args() const override {
    return with_fake_providers({"--scheduler-interval", "1"});
  }
};

TEST_F(SchedulerThreadTest, ServeSendsDueRemindersAndStopsCleanly) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Serve Scheduler Shop");
  nlohmann::json settings = whatsapp_settings(graph);
  settings["send_window_start"] = "00:00";  // any time of day the test runs
  settings["send_window_end"] = "24:00";
  configure(owner, settings);
  due_bill(owner, "9876549001", "Meera", true, false);
  ASSERT_TRUE(graph.wait_for(1, std::chrono::seconds(20)));
  for (int i = 0; i < 100 && messages(owner, "&status=sent")["total"] != 1; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(messages(owner, "&status=sent")["total"], 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  EXPECT_EQ(graph.count(), 1u) << "later passes send nothing again";
  EXPECT_EQ(server().stop(), 0);
}

}  // namespace
}  // namespace rx::test
