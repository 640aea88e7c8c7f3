// The pure rules of messaging: retry classification, backoff, the send window, opt-out words.
#include "core/time_zone.h"
#include "messaging/delivery_rules.h"
#include "messaging/reply_action.h"

#include <gtest/gtest.h>

namespace rx::messaging {
namespace {

SendOutcome failure(int http_status, std::string code) {
  SendOutcome out;
  out.http_status = http_status;
  out.error_code = std::move(code);
  return out;
}

TEST(DeliveryRulesTest, WhatsappFailuresAreRetriedOnlyWhenWaitingCanHelp) {
  struct Case {
    int http;
    const char* code;
    FailureKind expected;
  };
  const Case cases[] = {
      {400, "130429", FailureKind::kRetry},  // throughput limit
      {400, "131056", FailureKind::kRetry},  // pair rate limit
      {500, "http_500", FailureKind::kRetry},
      {503, "131000", FailureKind::kRetry},
      {0, "connection", FailureKind::kRetry},
      {429, "http_429", FailureKind::kRetry},
      {400, "131026", FailureKind::kRecipientNotOnWhatsapp},
      {400, "131047", FailureKind::kFinal},
      {404, "132001", FailureKind::kFinal},
      {401, "190", FailureKind::kFinal},
      {400, "100", FailureKind::kFinal},
      // A code that says "never retry" wins over a 5xx status.
      {500, "131026", FailureKind::kRecipientNotOnWhatsapp},
      {500, "132001", FailureKind::kFinal},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(classify_whatsapp_failure(failure(c.http, c.code)), c.expected)
        << c.http << " " << c.code;
  }
}

TEST(DeliveryRulesTest, SmsFailuresAreRetriedOnServerAndConnectionErrors) {
  EXPECT_EQ(classify_sms_failure(failure(0, "connection")), FailureKind::kRetry);
  EXPECT_EQ(classify_sms_failure(failure(502, "http_502")), FailureKind::kRetry);
  EXPECT_EQ(classify_sms_failure(failure(429, "http_429")), FailureKind::kRetry);
  EXPECT_EQ(classify_sms_failure(failure(401, "http_401")), FailureKind::kFinal);
  EXPECT_EQ(classify_sms_failure(failure(200, "sms_rejected")), FailureKind::kFinal);
}

TEST(DeliveryRulesTest, BackoffDoublesUpToAnHour) {
  EXPECT_EQ(backoff_ms(1), 60'000);
  EXPECT_EQ(backoff_ms(2), 120'000);
  EXPECT_EQ(backoff_ms(3), 240'000);
  EXPECT_EQ(backoff_ms(4), 480'000);
  EXPECT_EQ(backoff_ms(7), 3'600'000);
  EXPECT_EQ(backoff_ms(40), 3'600'000);
}

TEST(DeliveryRulesTest, ClockTimesAreStrictHoursAndMinutes) {
  EXPECT_EQ(parse_clock_time("09:00", false), 540);
  EXPECT_EQ(parse_clock_time("23:59", false), 1439);
  EXPECT_EQ(parse_clock_time("00:00", false), 0);
  EXPECT_EQ(parse_clock_time("24:00", true), 1440);
  EXPECT_FALSE(parse_clock_time("24:00", false));
  EXPECT_FALSE(parse_clock_time("24:01", true));
  EXPECT_FALSE(parse_clock_time("9:00", false));
  EXPECT_FALSE(parse_clock_time("09:60", false));
  EXPECT_FALSE(parse_clock_time("09-00", false));
  EXPECT_FALSE(parse_clock_time("ab:cd", false));
}

TEST(DeliveryRulesTest, SendWindowIncludesItsStartAndExcludesItsEnd) {
  const int nine = 9 * 60;
  const int eight_pm = 20 * 60;
  EXPECT_TRUE(in_send_window(nine, nine, eight_pm));
  EXPECT_TRUE(in_send_window(eight_pm - 1, nine, eight_pm));
  EXPECT_FALSE(in_send_window(eight_pm, nine, eight_pm));
  EXPECT_FALSE(in_send_window(nine - 1, nine, eight_pm));
  EXPECT_TRUE(in_send_window(0, 0, 1440));
  EXPECT_TRUE(in_send_window(1439, 0, 1440));
  // 22:00-06:00 runs over midnight.
  EXPECT_TRUE(in_send_window(23 * 60, 22 * 60, 6 * 60));
  EXPECT_TRUE(in_send_window(5 * 60, 22 * 60, 6 * 60));
  EXPECT_FALSE(in_send_window(12 * 60, 22 * 60, 6 * 60));
}

TEST(DeliveryRulesTest, MinuteOfDayIsTheShopsLocalTime) {
  // 2026-11-25T03:40:00Z is 09:10 in Kolkata (+05:30) and 22:40 the day before in New York.
  const std::int64_t instant = *core::parse_instant("2026-11-25T03:40:00Z", "UTC");
  EXPECT_EQ(local_minute_of_day(instant, "Asia/Kolkata"), 9 * 60 + 10);
  EXPECT_EQ(local_minute_of_day(instant, "America/New_York"), 22 * 60 + 40);
  EXPECT_EQ(local_minute_of_day(instant, "UTC"), 3 * 60 + 40);
}

TEST(DeliveryRulesTest, ReadableDates) {
  EXPECT_EQ(readable_date("2026-11-05"), "5 Nov 2026");
  EXPECT_EQ(readable_date("2027-01-31"), "31 Jan 2027");
  EXPECT_EQ(readable_date("not a date"), "not a date");
}

TEST(DeliveryRulesTest, OptOutRepliesAreStopOrTheShopsWords) {
  const std::vector<std::string> keywords = {"band karo", "unsubscribe"};
  EXPECT_TRUE(is_opt_out_reply("STOP", keywords));
  EXPECT_TRUE(is_opt_out_reply("  stop \n", keywords));
  EXPECT_TRUE(is_opt_out_reply("Stop", {}));
  EXPECT_TRUE(is_opt_out_reply("Band   Karo", keywords));
  EXPECT_TRUE(is_opt_out_reply("UNSUBSCRIBE", keywords));
  EXPECT_FALSE(is_opt_out_reply("please don't stop", keywords));
  EXPECT_FALSE(is_opt_out_reply("band karo", {}));
  EXPECT_FALSE(is_opt_out_reply("", keywords));
}

TEST(DeliveryRulesTest, PunctuationAroundAnOptOutWordIsIgnored) {
  const std::vector<std::string> keywords = {"band karo"};
  EXPECT_TRUE(is_opt_out_reply("stop.", {}));
  EXPECT_TRUE(is_opt_out_reply("STOP!!", {}));
  EXPECT_TRUE(is_opt_out_reply("\"Stop\"", {}));
  EXPECT_TRUE(is_opt_out_reply(" stop ! ", {}));
  EXPECT_TRUE(is_opt_out_reply("Band karo.", keywords));
  EXPECT_TRUE(is_opt_out_reply("band karo\xE0\xA5\xA4", keywords)) << "a Devanagari full stop";
  EXPECT_FALSE(is_opt_out_reply("st.op", {}));
  EXPECT_FALSE(is_opt_out_reply("stop it", {}));
  EXPECT_FALSE(is_opt_out_reply("...", {}));
  EXPECT_FALSE(is_opt_out_reply("\xE0\xA5\xA4", {}));
}

TEST(ReplyActionTest, ButtonPayloadsAndSmsDigitsNameTheirAct) {
  MessagingSettings settings;
  settings.reply_payload_keep_ready = "KEEP";
  settings.reply_payload_already_bought = "BOUGHT";
  settings.reply_payload_stop = "STOP_REMINDERS";
  const auto button = [](std::optional<std::string> payload, std::optional<std::string> text) {
    InboundMessage m;
    m.kind = "button";
    m.button_payload = std::move(payload);
    m.text = std::move(text);
    return m;
  };
  const auto wa = MessageChannel::kWhatsapp;
  EXPECT_EQ(reply_action(settings, wa, button("KEEP", "Keep it ready")), ReplyAction::kKeepReady);
  EXPECT_EQ(reply_action(settings, wa, button("BOUGHT", "x")), ReplyAction::kAlreadyBought);
  EXPECT_EQ(reply_action(settings, wa, button("STOP_REMINDERS", "x")), ReplyAction::kStop);
  EXPECT_FALSE(reply_action(settings, wa, button("keep", "x"))) << "payloads match exactly";
  EXPECT_FALSE(reply_action(settings, wa, button(std::nullopt, "KEEP"))) << "typed, not tapped";
  EXPECT_FALSE(reply_action(settings, wa, button(std::nullopt, "1"))) << "digits are for SMS";

  const auto sms = [](std::string words) {
    InboundMessage m;
    m.kind = "text";
    m.text = std::move(words);
    return m;
  };
  EXPECT_EQ(reply_action(settings, MessageChannel::kSms, sms(" 1 ")), ReplyAction::kKeepReady);
  EXPECT_EQ(reply_action(settings, MessageChannel::kSms, sms("2")), ReplyAction::kAlreadyBought);
  EXPECT_FALSE(reply_action(settings, MessageChannel::kSms, sms("3")));
  EXPECT_FALSE(reply_action(settings, MessageChannel::kSms, sms("12")));
  EXPECT_FALSE(reply_action(settings, MessageChannel::kSms, sms("KEEP")));

  MessagingSettings unset;
  EXPECT_FALSE(reply_action(unset, wa, button("KEEP", "Keep it ready")))
      << "a shop without payloads only logs button replies";
}

}  // namespace
}  // namespace rx::messaging
