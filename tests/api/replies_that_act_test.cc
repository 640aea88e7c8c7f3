// Replies that act: the refill template's quick-reply buttons, what each reply does to the
// reminder it answers (keep it ready, already bought, stop), SMS "1" and "2", one act per
// provider message id, and the counter's Keep ready list that a bill closes.
#include "messaging_support.h"

namespace rx::test {
namespace {

const std::string kPickups = "/api/customer-tracking/pickups";
constexpr const char* kKeep = "KEEP_READY";
constexpr const char* kBought = "ALREADY_BOUGHT";
constexpr const char* kStop = "STOP_REMINDERS";

class RepliesThatActTest : public MessagingTest {
 protected:
  // WhatsApp pointed at `graph`, with the three quick-reply payloads.
  static void configure_replies(const SignedInStaff& owner, const FakeGraphApi& graph) {
    nlohmann::json settings = whatsapp_settings(graph);
    settings["reply_payload_keep_ready"] = kKeep;
    settings["reply_payload_already_bought"] = kBought;
    settings["reply_payload_stop"] = kStop;
    configure(owner, settings);
  }
  static std::string webhook_key(const SignedInStaff& owner) {
    return client(owner).get("/api/shop/messaging").body["webhook_key"];
  }
  // A tap on a template's quick-reply button, quoting the message it answers.
  static nlohmann::json button_reply(const std::string& wamid, const std::string& from_digits,
                                     const std::string& payload, const std::string& text,
                                     const std::optional<std::string>& quoted) {
    nlohmann::json m = {{"from", from_digits},
                        {"id", wamid},
                        {"timestamp", "1764000000"},
                        {"type", "button"},
                        {"button", {{"payload", payload}, {"text", text}}}};
    if (quoted) m["context"] = {{"from", "15550783881"}, {"id", *quoted}};
    return m;
  }
  // The same choice made on an interactive message's reply button.
  static nlohmann::json interactive_reply(const std::string& wamid, const std::string& from_digits,
                                          const std::string& id, const std::string& title) {
    return {{"from", from_digits},
            {"id", wamid},
            {"timestamp", "1764000000"},
            {"type", "interactive"},
            {"interactive",
             {{"type", "button_reply"}, {"button_reply", {{"id", id}, {"title", title}}}}}};
  }
  static void post_reply(const SignedInStaff& owner, const nlohmann::json& message) {
    Response res =
        post_webhook(webhook_key(owner), webhook_payload({}, {message}), "test-app-secret");
    ASSERT_EQ(res.status, 200) << res.raw;
  }
  // The customer's reminders, whatever their status.
  static nlohmann::json reminders_of(const SignedInStaff& who, const nlohmann::json& bill) {
    Response res = client(who).get(kRefills + "?customer_id=" + bill["customer"]["id"].dump());
    EXPECT_EQ(res.status, 200) << res.raw;
    return res.body["items"];
  }
  static nlohmann::json pickups(const SignedInStaff& who, const std::string& query = "") {
    Response res = client(who).get(kPickups + query);
    EXPECT_EQ(res.status, 200) << res.raw;
    return res.body;
  }
  // A counter bill for the customer: one line of something else.
  static Response counter_bill(const SignedInStaff& who, const std::string& phone) {
    return client(who).post(
        "/api/bills",
        {{"customer", {{"phone", phone}}},
         {"customer_category", "regular_branded"},
         {"was_contacted_before", true},
         {"items",
          {{{"medicine", "Paracetamol 650"}, {"quantity", 1}, {"unit_price_paise", 3000}}}}});
  }
};

TEST_F(RepliesThatActTest, TheRefillTemplateCarriesTheQuickReplyPayloadsThatAreSet) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Buttons Shop");
  nlohmann::json settings = whatsapp_settings(graph);
  settings["reply_payload_keep_ready"] = kKeep;
  settings["reply_payload_stop"] = kStop;
  configure(owner, settings);
  Response shown = client(owner).get("/api/shop/messaging");
  EXPECT_EQ(shown.body["reply_payload_keep_ready"], kKeep);
  EXPECT_TRUE(shown.body["reply_payload_already_bought"].is_null());
  EXPECT_EQ(shown.body["reply_payload_stop"], kStop);

  due_bill(owner, "9876548101", "Asha", true, false);
  remind(server(), ist_instant(1, "10:00"));
  ASSERT_EQ(graph.count(), 1u);
  const nlohmann::json components = graph.requests()[0].body["template"]["components"];
  const nlohmann::json expected = nlohmann::json::parse(R"([
    {"type": "button", "sub_type": "quick_reply", "index": "0",
     "parameters": [{"type": "payload", "payload": "KEEP_READY"}]},
    {"type": "button", "sub_type": "quick_reply", "index": "2",
     "parameters": [{"type": "payload", "payload": "STOP_REMINDERS"}]}])");
  ASSERT_EQ(components.size(), 3u) << components;
  EXPECT_EQ(components[0]["type"], "body");
  EXPECT_EQ(components[1], expected[0]);
  EXPECT_EQ(components[2], expected[1]);
  // The fake Cloud API accepted the shape: the message went out.
  EXPECT_EQ(messages(owner)["items"][0]["status"], "sent") << messages(owner);
}

TEST_F(RepliesThatActTest, PayloadSettingsAreValidatedAndMayBeCleared) {
  SignedInStaff owner = create_shop(server(), "Payload Rules Shop");
  ApiClient api = client(owner);
  Response too_long =
      api.put("/api/shop/messaging", {{"reply_payload_keep_ready", std::string(257, 'k')}});
  expect_error(too_long, 422, "validation_failed");
  EXPECT_TRUE(too_long.body["error"]["details"]["fields"].contains("reply_payload_keep_ready"))
      << too_long.raw;
  Response not_text = api.put("/api/shop/messaging", {{"reply_payload_stop", 7}});
  expect_error(not_text, 422, "validation_failed");
  EXPECT_TRUE(not_text.body["error"]["details"]["fields"].contains("reply_payload_stop"));

  ASSERT_EQ(api.put("/api/shop/messaging", {{"reply_payload_keep_ready", "SAME"}}).status, 200);
  Response same = api.put("/api/shop/messaging", {{"reply_payload_already_bought", "SAME"}});
  expect_error(same, 422, "validation_failed");
  EXPECT_TRUE(same.body["error"]["details"]["fields"].contains("reply_payload_already_bought"))
      << same.raw;
  EXPECT_TRUE(api.get("/api/shop/messaging").body["reply_payload_already_bought"].is_null())
      << "nothing was stored";

  Response cleared = api.put("/api/shop/messaging", {{"reply_payload_keep_ready", nullptr}});
  ASSERT_EQ(cleared.status, 200) << cleared.raw;
  EXPECT_TRUE(cleared.body["reply_payload_keep_ready"].is_null());
  EXPECT_EQ(api.put("/api/shop/messaging", {{"reply_payload_already_bought", "SAME"}}).status, 200);
}

TEST_F(RepliesThatActTest, KeepItReadyPutsTheRemindersMedicineOnTheKeepReadyListOnce) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Keep Ready Shop");
  configure_replies(owner, graph);
  // Two reminders, two messages: the reply quotes the first one's.
  const nlohmann::json bill =
      due_bill(owner, "9876548201", "Bina", true, false, {"Metformin 500", "Atorvastatin 10"});
  due_bill(owner, "9876548202", "Chitra", true, false, {"Amlodipine 5"});
  remind(server(), ist_instant(1, "10:00"));
  ASSERT_EQ(graph.count(), 3u);
  const nlohmann::json outbox = messages(owner);
  std::string metformin_wamid;
  for (const auto& m : outbox["items"]) {
    if (m["refill_reminder_id"] == bill["reminders"][0]["id"]) {
      metformin_wamid = m["provider_message_id"];
    }
  }
  ASSERT_FALSE(metformin_wamid.empty()) << outbox;
  EXPECT_EQ(pickups(owner)["total"], 0);

  const nlohmann::json reply =
      button_reply("wamid.REPLY1", "919876548201", kKeep, "Keep it ready", metformin_wamid);
  post_reply(owner, reply);
  const nlohmann::json list = pickups(owner);
  ASSERT_EQ(list["total"], 1) << list;
  const nlohmann::json pickup = list["items"][0];
  EXPECT_EQ(pickup["customer_id"], bill["customer"]["id"]);
  EXPECT_EQ(pickup["customer_name"], "Bina");
  EXPECT_EQ(pickup["refill_reminder_id"], bill["reminders"][0]["id"]);
  EXPECT_EQ(pickup["medicine"], "Metformin 500");
  EXPECT_EQ(pickup["status"], "waiting");
  EXPECT_EQ(pickup["channel"], "whatsapp");
  EXPECT_TRUE(pickup["bill_id"].is_null());
  const nlohmann::json reminders = reminders_of(owner, bill);
  ASSERT_EQ(reminders.size(), 2u);
  EXPECT_EQ(reminders[0]["status"], "responded");
  EXPECT_EQ(reminders[0]["response"], "will_visit");
  EXPECT_EQ(reminders[0]["response_note"], "WhatsApp reply: Keep it ready");
  EXPECT_TRUE(reminders[0]["next_step_on"].is_null());
  EXPECT_EQ(reminders[1]["status"], "sent") << "the reply answered the message it quotes";

  // The provider delivers the same reply again, after staff cancelled the pickup: nothing new.
  Response cancelled = client(owner).post(kPickups + "/" + pickup["id"].dump() + "/cancel", {});
  ASSERT_EQ(cancelled.status, 200) << cancelled.raw;
  post_reply(owner, reply);
  EXPECT_EQ(pickups(owner)["total"], 0) << "the replayed reply acted again";
  EXPECT_EQ(pickups(owner, "?status=cancelled")["total"], 1);
  // A tap quoting nothing answers the latest open reminder; one more while its pickup is open
  // adds none.
  post_reply(owner, button_reply("wamid.REPLY2", "919876548201", kKeep, "Keep it ready", {}));
  post_reply(owner, button_reply("wamid.REPLY3", "919876548201", kKeep, "Keep it ready", {}));
  const nlohmann::json after = pickups(owner);
  ASSERT_EQ(after["total"], 1) << after;
  EXPECT_EQ(after["items"][0]["medicine"], "Atorvastatin 10");
}

TEST_F(RepliesThatActTest, AlreadyBoughtOnAnInteractiveButtonStopsTheSteps) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Bought Shop");
  configure_replies(owner, graph);
  ASSERT_EQ(client(owner).put("/api/shop", {{"refill_cadence", {-5, 2}}}).status, 200);
  const nlohmann::json bill = due_bill(owner, "9876548301", "Deepa", true, false);
  remind(server(), ist_instant(1, "10:00"));
  ASSERT_EQ(graph.count(), 1u);
  ASSERT_TRUE(reminders_of(owner, bill)[0]["next_step_on"].is_string())
      << reminders_of(owner, bill);

  // No context: the customer's latest open reminder is the one answered.
  post_reply(owner, interactive_reply("wamid.BOUGHT1", "919876548301", kBought, "Already bought"));
  const nlohmann::json reminder = reminders_of(owner, bill)[0];
  EXPECT_EQ(reminder["status"], "responded");
  EXPECT_EQ(reminder["response"], "refilled_elsewhere");
  EXPECT_EQ(reminder["response_note"], "WhatsApp reply: Already bought");
  EXPECT_TRUE(reminder["next_step_on"].is_null()) << reminder;
  EXPECT_EQ(pickups(owner)["total"], 0);
  // The second step's day comes: nothing more is sent.
  remind(server(), ist_instant(8, "12:00"));
  EXPECT_EQ(graph.count(), 1u);
  EXPECT_EQ(reminders_of(owner, bill)[0]["step"], 1);
}

TEST_F(RepliesThatActTest, TheStopButtonOptsTheCustomerOut) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Stop Button Shop");
  configure_replies(owner, graph);
  const nlohmann::json bill = due_bill(owner, "9876548401", "Esha", true, false);
  remind(server(), ist_instant(1, "10:00"));
  const std::string customer = kCustomers + "/" + bill["customer"]["id"].dump();
  ASSERT_TRUE(client(owner).get(customer).body["opted_out_at"].is_null());

  post_reply(owner, button_reply("wamid.STOP1", "919876548401", kStop, "Stop reminders",
                                 FakeGraphApi::message_id(1)));
  const Response after = client(owner).get(customer);
  EXPECT_TRUE(after.body["opted_out_at"].is_string()) << after.raw;
  EXPECT_EQ(after.body["whatsapp_consent"], false) << after.raw;
  EXPECT_EQ(pickups(owner)["total"], 0);
  // A button whose payload is not the shop's is only logged.
  const nlohmann::json other = due_bill(owner, "9876548402", "Farah", true, false);
  post_reply(owner, button_reply("wamid.OTHER1", "919876548402", "SOMETHING_ELSE", "Later", {}));
  EXPECT_TRUE(client(owner)
                  .get(kCustomers + "/" + other["customer"]["id"].dump())
                  .body["opted_out_at"]
                  .is_null());
  EXPECT_TRUE(reminders_of(owner, other)[0]["response"].is_null());
}

TEST_F(RepliesThatActTest, AnSmsReplyOfOneOrTwoCountsAsTheFirstTwoButtons) {
  FakeMsg91 sms;
  SignedInStaff owner = create_shop(server(), "Sms Reply Shop");
  configure(owner, sms_settings(sms));
  const nlohmann::json keep = due_bill(owner, "9876548501", "Gita", false, true);
  const nlohmann::json bought = due_bill(owner, "9876548502", "Hema", false, true);
  const nlohmann::json other = due_bill(owner, "9876548503", "Indu", false, true);
  remind(server(), ist_instant(1, "10:00"));
  ASSERT_EQ(sms.count(), 3u);
  const std::string path =
      client(owner).get("/api/shop/messaging").body["sms_webhook_url_path"].get<std::string>();
  const auto post_sms = [&](const std::string& sender, const std::string& text,
                            const std::string& id) {
    Response res = ApiClient(server().port())
                       .post(path, {{"sender", sender},
                                    {"message", text},
                                    {"inNumber", "919220592205"},
                                    {"rcvd", "2026-11-25 10:30:00"},
                                    {"msgId", id}});
    ASSERT_EQ(res.status, 200) << res.raw;
  };
  post_sms("919876548501", " 1 ", "sms-in-1");
  post_sms("919876548501", " 1 ", "sms-in-1");  // redelivered
  post_sms("919876548502", "2", "sms-in-2");
  post_sms("919876548503", "3", "sms-in-3");

  const nlohmann::json list = pickups(owner);
  ASSERT_EQ(list["total"], 1) << list;
  EXPECT_EQ(list["items"][0]["customer_id"], keep["customer"]["id"]);
  EXPECT_EQ(list["items"][0]["channel"], "sms");
  EXPECT_EQ(reminders_of(owner, keep)[0]["response"], "will_visit");
  EXPECT_EQ(reminders_of(owner, keep)[0]["response_note"], "SMS reply: 1");
  EXPECT_EQ(reminders_of(owner, bought)[0]["response"], "refilled_elsewhere");
  EXPECT_TRUE(reminders_of(owner, other)[0]["response"].is_null()) << "3 is only logged";
}

TEST_F(RepliesThatActTest, ReadyAndCancelMoveAPickupAndTheNextBillCollectsIt) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Counter Shop");
  SignedInStaff worker = add_staff(server(), owner, "staff");
  configure_replies(owner, graph);
  const nlohmann::json first = due_bill(owner, "9876548601", "Jaya", true, false);
  const nlohmann::json second = due_bill(owner, "9876548602", "Kavya", true, false);
  remind(server(), ist_instant(1, "10:00"));
  post_reply(owner, button_reply("wamid.K1", "919876548601", kKeep, "Keep it ready", {}));
  post_reply(owner, button_reply("wamid.K2", "919876548602", kKeep, "Keep it ready", {}));
  const nlohmann::json list = pickups(worker);
  ASSERT_EQ(list["total"], 2) << list;
  const std::string jaya = kPickups + "/" + list["items"][0]["id"].dump();
  const std::string kavya = kPickups + "/" + list["items"][1]["id"].dump();

  // Staff at the counter set Jaya's medicine aside; a second press changes nothing.
  Response ready = client(worker).post(jaya + "/ready", {});
  ASSERT_EQ(ready.status, 200) << ready.raw;
  EXPECT_EQ(ready.body["status"], "ready");
  EXPECT_TRUE(ready.body["ready_at"].is_string());
  EXPECT_EQ(ready.body["ready_by"], worker.id);
  Response again = client(worker).post(jaya + "/ready", {});
  ASSERT_EQ(again.status, 200) << again.raw;
  EXPECT_EQ(again.body["ready_at"], ready.body["ready_at"]);
  EXPECT_EQ(pickups(worker, "?status=ready")["total"], 1);

  // Jaya comes in: the bill collects the pickup in its own transaction.
  Response bill = counter_bill(worker, "9876548601");
  ASSERT_EQ(bill.status, 201) << bill.raw;
  EXPECT_EQ(bill.body["collected_pickup_ids"], nlohmann::json::array({list["items"][0]["id"]}));
  Response collected = client(owner).get(kPickups + "?status=collected");
  ASSERT_EQ(collected.body["total"], 1) << collected.raw;
  EXPECT_EQ(collected.body["items"][0]["bill_id"], bill.body["bill"]["id"]);
  EXPECT_TRUE(collected.body["items"][0]["closed_at"].is_string());
  expect_error(client(worker).post(jaya + "/ready", {}), 409, "conflict");
  expect_error(client(worker).post(jaya + "/cancel", {}), 409, "conflict");
  // Her next bill has nothing left to collect.
  Response later = counter_bill(worker, "9876548601");
  ASSERT_EQ(later.status, 201) << later.raw;
  EXPECT_EQ(later.body["collected_pickup_ids"], nlohmann::json::array());

  // Kavya's is cancelled; cancelling again changes nothing, and it cannot be made ready.
  Response cancel = client(worker).post(kavya + "/cancel", {});
  ASSERT_EQ(cancel.status, 200) << cancel.raw;
  EXPECT_EQ(cancel.body["status"], "cancelled");
  EXPECT_EQ(cancel.body["closed_by"], worker.id);
  EXPECT_EQ(client(worker).post(kavya + "/cancel", {}).status, 200);
  expect_error(client(worker).post(kavya + "/ready", {}), 409, "conflict");
  // A cancelled pickup is not collected by a bill.
  Response kavya_bill = counter_bill(owner, "9876548602");
  ASSERT_EQ(kavya_bill.status, 201) << kavya_bill.raw;
  EXPECT_EQ(kavya_bill.body["collected_pickup_ids"], nlohmann::json::array());
  EXPECT_EQ(pickups(owner)["total"], 0);
  (void)first;
  (void)second;
}

TEST_F(RepliesThatActTest, AnotherShopsPickupsAndBadIdsAnswer404And422) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Shop With Pickups");
  SignedInStaff stranger = create_shop(server(), "Other Shop");
  configure_replies(owner, graph);
  due_bill(owner, "9876548701", "Lata", true, false);
  remind(server(), ist_instant(1, "10:00"));
  post_reply(owner, button_reply("wamid.L1", "919876548701", kKeep, "Keep it ready", {}));
  const nlohmann::json list = pickups(owner);
  ASSERT_EQ(list["total"], 1) << list;
  const std::string id = list["items"][0]["id"].dump();

  EXPECT_EQ(pickups(stranger)["total"], 0);
  expect_error(client(stranger).post(kPickups + "/" + id + "/ready", {}), 404, "not_found");
  expect_error(client(stranger).post(kPickups + "/" + id + "/cancel", {}), 404, "not_found");
  EXPECT_EQ(pickups(owner)["items"][0]["status"], "waiting") << "the other shop changed nothing";

  for (const std::string bad : {"abc", "0", "-1", "99999999999", "1.5"}) {
    expect_error(client(owner).post(kPickups + "/" + bad + "/ready", {}), 404, "not_found");
    expect_error(client(owner).post(kPickups + "/" + bad + "/cancel", {}), 404, "not_found");
  }
  Response bad_status = client(owner).get(kPickups + "?status=lost");
  expect_error(bad_status, 422, "validation_failed");
  Response bad_limit = client(owner).get(kPickups + "?limit=0");
  expect_error(bad_limit, 422, "validation_failed");
  Response bad_customer = client(owner).get(kPickups + "?customer_id=x");
  expect_error(bad_customer, 422, "validation_failed");
  EXPECT_EQ(pickups(owner, "?customer_id=" + list["items"][0]["customer_id"].dump())["total"], 1);
}

}  // namespace
}  // namespace rx::test
