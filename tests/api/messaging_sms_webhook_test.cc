// The inbound-SMS webhook: MSG91 forwards an SMS sent to the shop's virtual number; STOP (or a
// shop keyword) opts the customer out on every channel, anything else is logged.
#include "api_paths.h"
#include "messaging_support.h"
#include "raw_http.h"

#include <cctype>
#include <cstdio>
#include <utility>

namespace rx::test {
namespace {

const std::string kUnknownKey = "0123456789abcdef0123456789abcdef";

using Fields = std::vector<std::pair<std::string, std::string>>;

// application/x-www-form-urlencoded, as MSG91 posts a form and as a query string is written.
std::string form_encode(const Fields& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += '&';
    for (const std::string* part : {&name, &value}) {
      for (unsigned char ch : *part) {
        if (std::isalnum(ch) || ch == '-' || ch == '_' || ch == '.' || ch == '~') {
          out += static_cast<char>(ch);
        } else if (ch == ' ') {
          out += '+';
        } else {
          char hex[4];
          std::snprintf(hex, sizeof hex, "%%%02X", ch);
          out += hex;
        }
      }
      if (part == &name) out += '=';
    }
  }
  return out;
}

// An SMS as MSG91 forwards it from the shop's virtual number: the sender with the country code,
// the text, the number it reached, when MSG91 received it and MSG91's id for it.
Fields msg91_sms(const std::string& sender, const std::string& message, const std::string& id) {
  return {{"sender", sender},
          {"message", message},
          {"inNumber", "919220592205"},
          {"rcvd", "2026-11-25 10:30:00"},
          {"msgId", id},
          {"email", "owner@example.in"}};
}

class SmsWebhookTest : public MessagingTest {
 protected:
  static std::string sms_path(const SignedInStaff& owner) {
    Response settings = client(owner).get("/api/shop/messaging");
    EXPECT_EQ(settings.status, 200) << settings.raw;
    const std::string path = settings.body["sms_webhook_url_path"];
    EXPECT_EQ(path, "/api/webhooks/sms/" + settings.body["sms_webhook_key"].get<std::string>());
    EXPECT_NE(settings.body["sms_webhook_key"], settings.body["webhook_key"]);
    return path;
  }
  static Response post_form(const std::string& path, const Fields& fields) {
    return ApiClient(server().port())
        .post_raw(path, form_encode(fields), "application/x-www-form-urlencoded");
  }
  // Over a raw connection: an HTTP client library would encode the query's '+' (a space in a
  // form-encoded query, as MSG91 writes one) as %2B.
  static Response get_query(const std::string& path, const Fields& fields) {
    const std::string raw = raw_request(
        server().port(), "GET " + path + "?" + form_encode(fields) +
                             " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    Response res;
    res.status = raw_status(raw);
    res.raw = raw;
    const std::size_t body = raw.find("\r\n\r\n");
    if (body != std::string::npos) {
      res.body = nlohmann::json::parse(raw.substr(body + 4), nullptr, false);
    }
    return res;
  }
  static Response post_json(const std::string& path, const nlohmann::json& body) {
    return ApiClient(server().port()).post(path, body);
  }
  static nlohmann::json customer(const SignedInStaff& who, const nlohmann::json& bill) {
    Response res = client(who).get(kCustomers + "/" + bill["customer"]["id"].dump());
    EXPECT_EQ(res.status, 200) << res.raw;
    return res.body;
  }
  static void expect_opted_out(const nlohmann::json& c, const std::string& note) {
    EXPECT_TRUE(c["opted_out_at"].is_string()) << c;
    EXPECT_EQ(c["whatsapp_consent"], false) << c;
    EXPECT_EQ(c["sms_consent"], false) << c;
    const nlohmann::json& latest = c["consent_history"][0];
    EXPECT_EQ(latest["method"], "reply") << c;
    EXPECT_EQ(latest["channel"], "all") << c;
    EXPECT_EQ(latest["granted"], false) << c;
    EXPECT_TRUE(latest["staff_id"].is_null()) << c;
    EXPECT_EQ(latest["note"], note) << c;
  }
  static void expect_taken(const Response& res, int stored) {
    ASSERT_EQ(res.status, 200) << res.raw;
    EXPECT_EQ(res.body, nlohmann::json({{"messages_stored", stored}})) << res.raw;
  }
  static nlohmann::json interactions(const SignedInStaff& who, const nlohmann::json& contact_id) {
    Response res = client(who).get(kContacts + "/" + contact_id.dump() + "/interactions");
    EXPECT_EQ(res.status, 200) << res.raw;
    return res.body["items"];
  }
};

TEST_F(SmsWebhookTest, StopOptsOutOfEveryChannelAndKeepsTheHistory) {
  FakeGraphApi graph;
  FakeMsg91 sms;
  SignedInStaff owner = create_shop(server(), "Sms Stop Shop");
  nlohmann::json settings = whatsapp_settings(graph);
  settings.update(sms_settings(sms));
  configure(owner, settings);
  nlohmann::json bill = due_bill(owner, "9876541001", "Asha", true, true);
  const nlohmann::json before = customer(owner, bill);
  ASSERT_EQ(before["whatsapp_consent"], true) << before;
  ASSERT_EQ(before["sms_consent"], true) << before;
  const std::size_t grants = before["consent_history"].size();
  ASSERT_GE(grants, 2u) << "the counter's grants of both channels";

  expect_taken(post_form(sms_path(owner), msg91_sms("919876541001", "STOP", "in-1001")), 1);

  const nlohmann::json after = customer(owner, bill);
  expect_opted_out(after, "SMS reply: STOP");
  ASSERT_EQ(after["consent_history"].size(), grants + 1) << "earlier consent stays on record";
  for (std::size_t i = 1; i < after["consent_history"].size(); ++i) {
    EXPECT_EQ(after["consent_history"][i]["granted"], true) << after["consent_history"];
  }
  EXPECT_EQ(after["whatsapp_status"], "unknown") << "an SMS says nothing about WhatsApp";

  // The opt-out holds for the scheduler on both channels: the reminder stays with the staff.
  RemindSummary pass = remind(server(), ist_instant(1, "10:00"));
  EXPECT_EQ(pass.counts["sent"], 0) << pass.counts;
  EXPECT_EQ(pass.counts["skipped"], 1) << pass.counts;
  EXPECT_EQ(graph.count(), 0u);
  EXPECT_EQ(sms.count(), 0u);
}

TEST_F(SmsWebhookTest, StopInAnyCaseWithPunctuationOrAfterTheKeywordAndShopKeywordsOptOut) {
  SignedInStaff owner = create_shop(server(), "Sms Variants Shop");
  configure(owner, {{"opt_out_keywords", nlohmann::json::array({"band karo"})}});
  const std::string path = sms_path(owner);
  nlohmann::json dotted = due_bill(owner, "9876542001", "Dotted", true, true);
  nlohmann::json capital = due_bill(owner, "9876542002", "Capital", true, true);
  nlohmann::json routed = due_bill(owner, "9876542003", "Routed", true, true);
  nlohmann::json hindi = due_bill(owner, "9876542004", "Hindi", true, true);
  nlohmann::json national = due_bill(owner, "9876542005", "National", true, true);

  // GET with a query string, a JSON object, the keyword a shared number routes by, the other
  // spellings of the fields, and a number written without the country code.
  expect_taken(get_query(path, msg91_sms("+919876542001", " stop. ", "in-2001")), 1);
  expect_taken(post_json(path, {{"sender", "919876542002"},
                                {"message", "Stop"},
                                {"rcvd", "1795582800"},
                                {"msgId", "in-2002"}}),
               1);
  Fields with_keyword = msg91_sms("919876542003", "RXSHOP STOP", "in-2003");
  with_keyword.emplace_back("keyword", "RXSHOP");
  expect_taken(post_form(path, with_keyword), 1);
  expect_taken(post_form(path, {{"mobile", "+91 98765 42004"}, {"content", "Band Karo!"}}), 1);
  expect_taken(post_json(path, {{"number", 9876542005LL}, {"message", "STOP"}}), 1);

  expect_opted_out(customer(owner, dotted), "SMS reply: stop.");
  expect_opted_out(customer(owner, capital), "SMS reply: Stop");
  expect_opted_out(customer(owner, routed), "SMS reply: STOP");
  expect_opted_out(customer(owner, hindi), "SMS reply: Band Karo!");
  expect_opted_out(customer(owner, national), "SMS reply: STOP");
}

TEST_F(SmsWebhookTest, OtherTextIsLoggedWithoutOptingOutAndUnknownNumbersBecomeContacts) {
  SignedInStaff owner = create_shop(server(), "Sms Reply Shop");
  const std::string path = sms_path(owner);
  nlohmann::json bill = due_bill(owner, "9876543001", "Chatty", true, true);
  const std::int64_t pending_before =
      client(owner).get(kContacts + "?status=pending").body["total"];

  expect_taken(post_form(path, msg91_sms("919876543001", "Please don't stop, I will come tomorrow",
                                         "in-3001")),
               1);
  const nlohmann::json talker = customer(owner, bill);
  EXPECT_TRUE(talker["opted_out_at"].is_null()) << talker;
  EXPECT_EQ(talker["whatsapp_consent"], true);
  EXPECT_EQ(talker["sms_consent"], true);
  EXPECT_EQ(talker["consent_history"][0]["method"], "counter") << "no new consent event";
  ASSERT_TRUE(talker["contact"].is_object()) << "the reply created a contact record" << talker;
  EXPECT_EQ(talker["contact"]["whatsapp_status"], "unknown") << "an SMS proves no WhatsApp";
  const nlohmann::json logged = interactions(owner, talker["contact"]["id"]);
  ASSERT_EQ(logged.size(), 1u) << logged;
  EXPECT_EQ(logged[0]["kind"], "sms");
  EXPECT_EQ(logged[0]["outcome"], "answered");
  EXPECT_EQ(logged[0]["notes"], "Please don't stop, I will come tomorrow");
  EXPECT_TRUE(logged[0]["staff_id"].is_null());

  // A number the shop has never seen: kept as a new pending contact with the message on it.
  expect_taken(post_form(path, msg91_sms("919876543999", "Do you have Crocin?", "in-3002")), 1);
  Response stranger = client(owner).get(kContacts + "?q=9876543999");
  ASSERT_EQ(stranger.body["total"], 1) << stranger.raw;
  const nlohmann::json contact = stranger.body["items"][0];
  EXPECT_EQ(contact["phone"], "+919876543999");
  EXPECT_EQ(contact["status"], "pending");
  EXPECT_EQ(contact["whatsapp_status"], "unknown");
  EXPECT_TRUE(contact["assigned_staff_id"].is_null());
  const nlohmann::json asked = interactions(owner, contact["id"]);
  ASSERT_EQ(asked.size(), 1u) << asked;
  EXPECT_EQ(asked[0]["notes"], "Do you have Crocin?");
  EXPECT_EQ(client(owner).get(kContacts + "?status=pending").body["total"], pending_before + 2)
      << "both new contacts are counted";

  // A second message from the same number goes on the same contact.
  expect_taken(post_form(path, msg91_sms("919876543999", "And Dolo 650?", "in-3003")), 1);
  EXPECT_EQ(interactions(owner, contact["id"]).size(), 2u);
  EXPECT_EQ(client(owner).get(kContacts + "?q=9876543999").body["total"], 1);

  // A sender that is no phone number is stored and otherwise left alone.
  expect_taken(post_form(path, msg91_sms("VM-RXSHOP", "STOP", "in-3004")), 1);
  EXPECT_EQ(client(owner).get(kContacts + "?status=pending").body["total"], pending_before + 2);
}

TEST_F(SmsWebhookTest, TheKeyNamesTheShopAndOnlyItsCustomerOptsOut) {
  SignedInStaff a = create_shop(server(), "Sms Shop A");
  SignedInStaff b = create_shop(server(), "Sms Shop B");
  nlohmann::json in_a = due_bill(a, "9876544001", "Same Person", true, true);
  nlohmann::json in_b = due_bill(b, "9876544001", "Same Person", true, true);
  const std::size_t b_events = customer(b, in_b)["consent_history"].size();

  expect_taken(post_form(sms_path(a), msg91_sms("919876544001", "STOP", "in-4001")), 1);

  expect_opted_out(customer(a, in_a), "SMS reply: STOP");
  const nlohmann::json untouched = customer(b, in_b);
  EXPECT_TRUE(untouched["opted_out_at"].is_null()) << untouched;
  EXPECT_EQ(untouched["whatsapp_consent"], true);
  EXPECT_EQ(untouched["sms_consent"], true);
  EXPECT_EQ(untouched["consent_history"].size(), b_events);
  EXPECT_EQ(client(b).get(kContacts + "?q=9876544001").body["total"], 0)
      << "nothing was logged in shop B";

  // The same message id in the other shop is that shop's own message.
  expect_taken(post_form(sms_path(b), msg91_sms("919876544001", "STOP", "in-4001")), 1);
  expect_opted_out(customer(b, in_b), "SMS reply: STOP");
}

TEST_F(SmsWebhookTest, RedeliveriesAreTakenOnce) {
  SignedInStaff owner = create_shop(server(), "Sms Redelivery Shop");
  const std::string path = sms_path(owner);
  nlohmann::json stopper = due_bill(owner, "9876545001", "Stopper", true, true);
  nlohmann::json talker = due_bill(owner, "9876545002", "Talker", true, true);

  // With MSG91's id: the same id is the same message, whatever else came with it.
  expect_taken(post_form(path, msg91_sms("919876545001", "STOP", "in-5001")), 1);
  const std::size_t events = customer(owner, stopper)["consent_history"].size();
  expect_taken(post_form(path, msg91_sms("919876545001", "STOP", "in-5001")), 0);
  expect_taken(get_query(path, msg91_sms("919876545001", "STOP", "in-5001")), 0);
  EXPECT_EQ(customer(owner, stopper)["consent_history"].size(), events);

  // Without an id: the number, the text and MSG91's received time make the message.
  const Fields timed = {
      {"sender", "919876545002"}, {"message", "Coming at 6"}, {"rcvd", "2026-11-25 17:00:00"}};
  expect_taken(post_form(path, timed), 1);
  expect_taken(post_form(path, timed), 0);
  Fields again_later = timed;
  again_later[2].second = "2026-11-25 17:05:00";
  expect_taken(post_form(path, again_later), 1);
  // Without a time either: once per number and text a day.
  const Fields bare = {{"sender", "919876545002"}, {"message", "Thanks"}};
  expect_taken(post_form(path, bare), 1);
  expect_taken(post_form(path, bare), 0);
  const nlohmann::json contact = customer(owner, talker)["contact"];
  ASSERT_TRUE(contact.is_object());
  EXPECT_EQ(interactions(owner, contact["id"]).size(), 3u);
}

TEST_F(SmsWebhookTest, UnknownKeysAre404AndMalformedCallbacks400WithNothingChanged) {
  SignedInStaff owner = create_shop(server(), "Sms Refusal Shop");
  const std::string path = sms_path(owner);
  nlohmann::json bill = due_bill(owner, "9876546001", "Careful", true, true);
  const Fields stop = msg91_sms("919876546001", "STOP", "in-6001");

  expect_error(post_form("/api/webhooks/sms/" + kUnknownKey, stop), 404, "not_found");
  expect_error(get_query("/api/webhooks/sms/" + kUnknownKey, stop), 404, "not_found");
  expect_error(post_json("/api/webhooks/sms/" + kUnknownKey, {{"message", "no sender"}}), 404,
               "not_found");
  expect_error(ApiClient(server().port()).get(path), 400, "bad_request");
  expect_error(ApiClient(server().port()).get(path + "?sender=919876546001"), 400, "bad_request");
  expect_error(post_form(path, {{"message", "STOP"}, {"msgId", "in-6002"}}), 400, "bad_request");
  expect_error(post_form(path, {{"sender", "919876546001"}, {"msgId", "in-6003"}}), 400,
               "bad_request");
  expect_error(ApiClient(server().port()).post_raw(path, "{not json", "application/json"), 400,
               "bad_request");
  expect_error(post_json(path, nlohmann::json::parse(R"([{"sender":"919876546001"}])")), 400,
               "bad_request");
  expect_error(ApiClient(server().port())
                   .post_raw(path, "sender=919876546001&message=ST%FFOP",
                             "application/x-www-form-urlencoded"),
               400, "bad_request");

  const nlohmann::json c = customer(owner, bill);
  EXPECT_TRUE(c["opted_out_at"].is_null()) << c;
  EXPECT_EQ(c["sms_consent"], true);
  EXPECT_TRUE(c["contact"].is_null()) << "nothing was logged";

  // Phone numbers and words in the query string stay out of the request log.
  expect_taken(get_query(path, stop), 1);
  const std::string log = server().log();
  EXPECT_NE(log.find("/api/webhooks/sms/"), std::string::npos) << log;
  EXPECT_EQ(log.find("9876546001"), std::string::npos) << log;
  EXPECT_EQ(log.find("STOP"), std::string::npos) << log;
}

}  // namespace
}  // namespace rx::test
