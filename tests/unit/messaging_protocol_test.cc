// The wire formats: webhook signatures, Cloud API and MSG91 bodies and answers, webhook payloads.
#include "messaging/sms_client.h"
#include "messaging/webhook_payload.h"
#include "messaging/webhook_signature.h"
#include "messaging/whatsapp_client.h"

#include <gtest/gtest.h>

namespace rx::messaging {
namespace {

using nlohmann::json;

TEST(WebhookSignatureTest, HmacSha256MatchesRfc4231) {
  // RFC 4231, test case 2.
  EXPECT_EQ(hmac_sha256_hex("what do ya want for nothing?", "Jefe"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(WebhookSignatureTest, OnlyTheExactSignatureOfTheRawBodyMatches) {
  const std::string body = R"({"object":"whatsapp_business_account","entry":[]})";
  const std::string secret = "app-secret-1";
  const std::string good = "sha256=" + hmac_sha256_hex(body, secret);
  EXPECT_TRUE(signature_matches(good, body, secret));
  std::string upper = good;
  for (std::size_t i = 7; i < upper.size(); ++i)
    upper[i] = static_cast<char>(std::toupper(upper[i]));
  EXPECT_TRUE(signature_matches(upper, body, secret)) << "hex case does not matter";
  EXPECT_FALSE(signature_matches(good, body + " ", secret)) << "one byte more";
  EXPECT_FALSE(signature_matches(good, body, "other-secret"));
  EXPECT_FALSE(signature_matches(good.substr(7), body, secret)) << "without sha256=";
  EXPECT_FALSE(signature_matches("sha1=" + hmac_sha256_hex(body, secret), body, secret));
  EXPECT_FALSE(signature_matches("", body, secret));
  EXPECT_FALSE(signature_matches(good.substr(0, good.size() - 1), body, secret));
  EXPECT_FALSE(signature_matches("sha256=" + hmac_sha256_hex(body, ""), body, ""))
      << "no app secret, no match";
}

TEST(WhatsappClientTest, TemplateBodyHasTheCloudApiShape) {
  const json body = whatsapp_template_body(TemplateMessage{
      "+919876543210", "refill_reminder", "en", {"Meera", "Shop", "5 Nov 2026"}, {}});
  const json expected = json::parse(R"({
    "messaging_product": "whatsapp", "recipient_type": "individual", "to": "919876543210",
    "type": "template",
    "template": {"name": "refill_reminder", "language": {"code": "en"},
                 "components": [{"type": "body", "parameters": [
                   {"type": "text", "text": "Meera"}, {"type": "text", "text": "Shop"},
                   {"type": "text", "text": "5 Nov 2026"}]}]}})");
  EXPECT_EQ(body, expected);
}

TEST(WhatsappClientTest, QuickRepliesAreButtonComponentsWithTheirIndexAndPayload) {
  const json body = whatsapp_template_body(TemplateMessage{
      "+919876543210", "refill_reminder", "en", {"Meera"}, {{0, "KEEP"}, {2, "STOP_ALL"}}});
  const json expected = json::parse(R"([
    {"type": "body", "parameters": [{"type": "text", "text": "Meera"}]},
    {"type": "button", "sub_type": "quick_reply", "index": "0",
     "parameters": [{"type": "payload", "payload": "KEEP"}]},
    {"type": "button", "sub_type": "quick_reply", "index": "2",
     "parameters": [{"type": "payload", "payload": "STOP_ALL"}]}])");
  EXPECT_EQ(body["template"]["components"], expected);
}

TEST(WhatsappClientTest, ReadsTheMessageIdOrTheErrorObject) {
  SendOutcome ok = read_whatsapp_answer(
      {200, R"({"messaging_product":"whatsapp","contacts":[{"input":"919876543210",
      "wa_id":"919876543210"}],"messages":[{"id":"wamid.ABC"}]})",
       ""});
  EXPECT_TRUE(ok.accepted);
  EXPECT_EQ(ok.provider_message_id, "wamid.ABC");

  SendOutcome error = read_whatsapp_answer(
      {400, R"({"error":{"message":"(#131026) Message undeliverable","type":"OAuthException",
      "code":131026,"error_data":{"messaging_product":"whatsapp","details":"not on WhatsApp"},
      "fbtrace_id":"x"}})",
       ""});
  EXPECT_FALSE(error.accepted);
  EXPECT_EQ(error.http_status, 400);
  EXPECT_EQ(error.error_code, "131026");
  EXPECT_EQ(error.error_message, "(#131026) Message undeliverable: not on WhatsApp");

  SendOutcome bare = read_whatsapp_answer({502, "<html>bad gateway</html>", ""});
  EXPECT_EQ(bare.error_code, "http_502");
  SendOutcome nothing = read_whatsapp_answer({0, "", "10.0.0.5:443: Connection refused"});
  EXPECT_EQ(nothing.error_code, "provider_unreachable");
  EXPECT_EQ(nothing.error_message, "the provider could not be reached");
  SendOutcome no_id = read_whatsapp_answer({200, R"({"messages":[]})", ""});
  EXPECT_FALSE(no_id.accepted);
  EXPECT_EQ(no_id.error_code, "no_message_id");
}

TEST(SmsClientTest, FlowBodyAndAnswers) {
  const json body = flow_sms_body(FlowSms{"+919876543210", "tmpl-1", "RXSHOP", {"Meera", "Shop"}});
  EXPECT_EQ(body, json::parse(R"({"template_id":"tmpl-1","short_url":"0","sender":"RXSHOP",
      "recipients":[{"mobiles":"919876543210","var1":"Meera","var2":"Shop"}]})"));
  EXPECT_FALSE(flow_sms_body(FlowSms{"+919876543210", "t", std::nullopt, {}}).contains("sender"));

  SendOutcome ok = read_flow_answer({200, R"({"type":"success","message":"3763646c6a3"})", ""});
  EXPECT_TRUE(ok.accepted);
  EXPECT_EQ(ok.provider_message_id, "3763646c6a3");
  SendOutcome rejected = read_flow_answer({200, R"({"type":"error","message":"bad key"})", ""});
  EXPECT_FALSE(rejected.accepted);
  EXPECT_EQ(rejected.error_code, "sms_rejected");
  EXPECT_EQ(rejected.error_message, "bad key");
  EXPECT_EQ(read_flow_answer({500, "", ""}).error_code, "http_500");
  const SendOutcome nothing = read_flow_answer({0, "", "10.0.0.5:443: Connection timed out"});
  EXPECT_EQ(nothing.error_code, "provider_unreachable");
  EXPECT_EQ(nothing.error_message, "the provider could not be reached");
}

TEST(WebhookPayloadTest, ReadsStatusesAndInboundMessages) {
  const json body = json::parse(R"({
    "object": "whatsapp_business_account",
    "entry": [{"id": "WABA", "changes": [{"field": "messages", "value": {
      "messaging_product": "whatsapp",
      "metadata": {"display_phone_number": "15550000000", "phone_number_id": "123"},
      "contacts": [{"profile": {"name": "Meera"}, "wa_id": "919876543210",
                    "user_id": "IN.1234"}],
      "messages": [{"from": "919876543210", "id": "wamid.IN1", "timestamp": "1764000000",
                    "type": "text", "text": {"body": " STOP "}}],
      "statuses": [
        {"id": "wamid.OUT1", "status": "delivered", "timestamp": "1764000100",
         "recipient_id": "919876543210"},
        {"id": "wamid.OUT2", "status": "failed", "timestamp": "1764000200",
         "errors": [{"code": 131026, "title": "Message undeliverable"}]},
        {"status": "read"}
      ]}}]}]})");
  const WebhookPayload payload = read_webhook_payload(body);
  ASSERT_EQ(payload.statuses.size(), 2u) << "a status without an id is skipped";
  EXPECT_EQ(payload.statuses[0].message_id, "wamid.OUT1");
  EXPECT_EQ(payload.statuses[0].status, "delivered");
  EXPECT_EQ(payload.statuses[0].at_ms, 1764000100000);
  EXPECT_FALSE(payload.statuses[0].error_code);
  EXPECT_EQ(payload.statuses[1].error_code, "131026");
  EXPECT_EQ(payload.statuses[1].error_message, "Message undeliverable");
  ASSERT_EQ(payload.messages.size(), 1u);
  const InboundMessage& m = payload.messages[0];
  EXPECT_EQ(m.from_phone, "+919876543210");
  EXPECT_EQ(m.from_user_id, "IN.1234");
  EXPECT_EQ(m.profile_name, "Meera");
  EXPECT_EQ(m.kind, "text");
  EXPECT_EQ(m.text, " STOP ");
  EXPECT_EQ(m.at_ms, 1764000000000);
}

TEST(WebhookPayloadTest, AUsernameSenderWithoutPhoneIsKeptByUserId) {
  const json body = json::parse(R"({"entry": [{"changes": [{"value": {
      "contacts": [{"profile": {"name": "Anon", "username": "@anon"}, "user_id": "IN.99"}],
      "messages": [{"from_user_id": "IN.99", "id": "wamid.IN2", "timestamp": "1764000000",
                    "type": "button", "button": {"text": "Remind me later"}}]}}]}]})");
  const WebhookPayload payload = read_webhook_payload(body);
  ASSERT_EQ(payload.messages.size(), 1u);
  EXPECT_FALSE(payload.messages[0].from_phone);
  EXPECT_EQ(payload.messages[0].from_user_id, "IN.99");
  EXPECT_EQ(payload.messages[0].profile_name, "Anon");
  EXPECT_EQ(payload.messages[0].text, "Remind me later");
  EXPECT_TRUE(read_webhook_payload(json::parse(R"({"entry": "x"})")).messages.empty());
}

TEST(WebhookPayloadTest, ButtonRepliesCarryTheirPayloadAndTheMessageTheyAnswer) {
  const json body = json::parse(R"({"entry": [{"changes": [{"value": {
      "messages": [
        {"from": "919876543210", "id": "wamid.B1", "type": "button",
         "context": {"from": "15550783881", "id": "wamid.OUT7"},
         "button": {"payload": "KEEP", "text": "Keep it ready"}},
        {"from": "919876543210", "id": "wamid.B2", "type": "interactive",
         "interactive": {"type": "button_reply",
                         "button_reply": {"id": "BOUGHT", "title": "Already bought"}}},
        {"from": "919876543210", "id": "wamid.B3", "type": "text", "text": {"body": "KEEP"}}]
      }}]}]})");
  const WebhookPayload payload = read_webhook_payload(body);
  ASSERT_EQ(payload.messages.size(), 3u);
  EXPECT_EQ(payload.messages[0].button_payload, "KEEP");
  EXPECT_EQ(payload.messages[0].text, "Keep it ready");
  EXPECT_EQ(payload.messages[0].context_message_id, "wamid.OUT7");
  EXPECT_EQ(payload.messages[1].button_payload, "BOUGHT");
  EXPECT_EQ(payload.messages[1].text, "Already bought");
  EXPECT_FALSE(payload.messages[1].context_message_id);
  EXPECT_FALSE(payload.messages[2].button_payload) << "typed words are not a button";
}

}  // namespace
}  // namespace rx::messaging
