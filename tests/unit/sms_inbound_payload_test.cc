// MSG91's inbound-SMS callback: the field spellings, the keyword, the received time and the key
// that makes a redelivery the same message.
#include "messaging/sms_inbound_payload.h"

#include <gtest/gtest.h>

namespace rx::messaging {
namespace {

constexpr std::int64_t kNov25At1030Ist = 1795582800000;  // 2026-11-25T10:30:00+05:30

SmsInbound read(const CallbackFields& fields) {
  auto sms = read_msg91_inbound(fields);
  EXPECT_TRUE(sms.has_value()) << (sms ? "" : sms.error());
  return sms ? *sms : SmsInbound{};
}

TEST(SmsInboundPayloadTest, ReadsMsg91sFields) {
  const SmsInbound sms = read({{"sender", " 919876543210 "},
                               {"message", "RXSHOP STOP"},
                               {"keyword", "RXSHOP"},
                               {"inNumber", "919220592205"},
                               {"rcvd", "2026-11-25 10:30:00"},
                               {"msgId", "3566706b4e61383633323533"},
                               {"email", "owner@example.in"}});
  EXPECT_EQ(sms.sender, "919876543210");
  EXPECT_EQ(sms.message, "RXSHOP STOP");
  EXPECT_EQ(sms.keyword, "RXSHOP");
  EXPECT_EQ(sms.in_number, "919220592205");
  EXPECT_EQ(sms.received, "2026-11-25 10:30:00");
  EXPECT_EQ(sms.message_id, "3566706b4e61383633323533");
}

TEST(SmsInboundPayloadTest, AcceptsEveryPublishedSpellingAndPrefersTheFirst) {
  const SmsInbound other = read({{"mobile", "9876543210"},
                                 {"content", "Stop"},
                                 {"received_at", "1795582800"},
                                 {"requestId", "req-1"}});
  EXPECT_EQ(other.sender, "9876543210");
  EXPECT_EQ(other.message, "Stop");
  EXPECT_EQ(other.received, "1795582800");
  EXPECT_EQ(other.message_id, "req-1");
  EXPECT_FALSE(other.keyword.has_value());
  EXPECT_FALSE(other.in_number.has_value());

  EXPECT_EQ(read({{"number", "919876543210"}, {"message", "hi"}}).sender, "919876543210");
  const SmsInbound both = read({{"sender", "911111111111"},
                                {"mobile", "912222222222"},
                                {"message", "first"},
                                {"content", "second"}});
  EXPECT_EQ(both.sender, "911111111111");
  EXPECT_EQ(both.message, "first");
  // Empty optional fields count as absent; an empty SMS is still an SMS.
  const SmsInbound blank = read({{"sender", "919876543210"}, {"message", ""}, {"keyword", ""}});
  EXPECT_EQ(blank.message, "");
  EXPECT_FALSE(blank.keyword.has_value());
}

TEST(SmsInboundPayloadTest, RefusesCallbacksWithoutSenderOrTextOrWithBinaryText) {
  EXPECT_FALSE(read_msg91_inbound({{"message", "STOP"}}).has_value());
  EXPECT_FALSE(read_msg91_inbound({{"sender", "  "}, {"message", "STOP"}}).has_value());
  EXPECT_FALSE(read_msg91_inbound({{"sender", "919876543210"}}).has_value());
  EXPECT_FALSE(read_msg91_inbound({}).has_value());
  EXPECT_FALSE(
      read_msg91_inbound({{"sender", "919876543210"}, {"message", "ST\xFFOP"}}).has_value());
  EXPECT_FALSE(read_msg91_inbound({{"sender", "919876543210"}, {"message", std::string("a\0b", 3)}})
                   .has_value());
  EXPECT_FALSE(
      read_msg91_inbound(
          {{"sender", "919876543210"}, {"message", "STOP"}, {"msgId", std::string(201, 'x')}})
          .has_value());
  // Hindi is text like any other.
  EXPECT_TRUE(read_msg91_inbound({{"sender", "919876543210"}, {"message", "बंद करो"}}).has_value());
}

TEST(SmsInboundPayloadTest, JsonBodiesAreFlatObjectsOfStringsAndNumbers) {
  auto fields = fields_of_json(nlohmann::json::parse(
      R"({"sender":919876543210,"message":"STOP","keyword":null,"extra":{"a":1},"ok":true})"));
  ASSERT_TRUE(fields.has_value());
  EXPECT_EQ(*fields, (CallbackFields{{"sender", "919876543210"}, {"message", "STOP"}}));
  EXPECT_FALSE(fields_of_json(nlohmann::json::parse(R"([{"sender":"1"}])")).has_value());
  EXPECT_FALSE(fields_of_json(nlohmann::json("STOP")).has_value());
}

TEST(SmsInboundPayloadTest, TheReplyIsTheTextAfterTheRoutingKeyword) {
  auto words = [](std::string message, std::optional<std::string> keyword) {
    SmsInbound sms;
    sms.message = std::move(message);
    sms.keyword = std::move(keyword);
    return reply_words(sms);
  };
  EXPECT_EQ(words("RXSHOP STOP", "RXSHOP"), "STOP");
  EXPECT_EQ(words("rxshop   band karo ", "RXSHOP"), "band karo");
  EXPECT_EQ(words("STOP", "STOP"), "STOP") << "a message that is only the keyword stays whole";
  EXPECT_EQ(words("RXSHOPSTOP", "RXSHOP"), "RXSHOPSTOP");
  EXPECT_EQ(words("Please STOP", "RXSHOP"), "Please STOP");
  EXPECT_EQ(words("STOP", std::nullopt), "STOP");
}

TEST(SmsInboundPayloadTest, ReceivedTimesAreUnixTimeOrShopLocalDateTimes) {
  auto at = [](std::optional<std::string> received) {
    SmsInbound sms;
    sms.received = std::move(received);
    return received_at_ms(sms, "Asia/Kolkata");
  };
  EXPECT_EQ(at("1795582800"), kNov25At1030Ist);
  EXPECT_EQ(at("1795582800000"), kNov25At1030Ist);
  EXPECT_EQ(at("2026-11-25 10:30:00"), kNov25At1030Ist);
  EXPECT_EQ(at("2026-11-25T10:30:00"), kNov25At1030Ist);
  EXPECT_EQ(at("25/11/2026 10:30"), 0);
  EXPECT_EQ(at("99999999999999999999999"), 0);
  EXPECT_EQ(at(std::nullopt), 0);
}

TEST(SmsInboundPayloadTest, RedeliveriesShareAKeyAndDifferentMessagesDoNot) {
  SmsInbound with_id;
  with_id.message = "STOP";
  with_id.message_id = "3566706b4e61383633323533";
  EXPECT_EQ(inbound_dedupe_key(with_id, "+919876543210", "2026-11-25"),
            "msg91:3566706b4e61383633323533");

  SmsInbound sms;
  sms.message = "STOP";
  sms.received = "2026-11-25 10:30:00";
  const std::string key = inbound_dedupe_key(sms, "+919876543210", "2026-11-25");
  EXPECT_EQ(key.rfind("msg91:sha256:", 0), 0u) << key;
  EXPECT_EQ(key.size(), std::string("msg91:sha256:").size() + 64);
  EXPECT_EQ(inbound_dedupe_key(sms, "+919876543210", "2026-11-26"), key)
      << "MSG91's own time decides, not the day it reached us";
  EXPECT_NE(inbound_dedupe_key(sms, "+919876543211", "2026-11-25"), key);
  SmsInbound later = sms;
  later.received = "2026-11-25 10:31:00";
  EXPECT_NE(inbound_dedupe_key(later, "+919876543210", "2026-11-25"), key);
  SmsInbound other_text = sms;
  other_text.message = "STOP.";
  EXPECT_NE(inbound_dedupe_key(other_text, "+919876543210", "2026-11-25"), key);

  SmsInbound untimed;
  untimed.message = "STOP";
  const std::string today = inbound_dedupe_key(untimed, "+919876543210", "2026-11-25");
  EXPECT_EQ(inbound_dedupe_key(untimed, "+919876543210", "2026-11-25"), today);
  EXPECT_NE(inbound_dedupe_key(untimed, "+919876543210", "2026-11-26"), today);
}

}  // namespace
}  // namespace rx::messaging
