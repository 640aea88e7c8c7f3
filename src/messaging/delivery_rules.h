#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rx::messaging {

// What a provider said to one send request.
struct SendOutcome {
  bool accepted = false;
  std::string provider_message_id;  // wamid... or the SMS gateway's request id
  int http_status = 0;     // 0: no HTTP answer (address refused, connection refused, timeout)
  std::string error_code;  // the provider's code, or "http_<status>" / "provider_unreachable"
  std::string error_message;
};

enum class FailureKind {
  kRetry,                   // rate limits, 5xx, no answer: try again later
  kFinal,                   // will not succeed by repeating
  kRecipientNotOnWhatsapp,  // 131026: final, and the number is marked WhatsApp-inactive
};

// Cloud API: 130429 (throughput) and 131056 (pair rate) are rate limits; 131026 (undeliverable),
// 131047 (re-engagement) and 132001 (template missing) are never retried.
FailureKind classify_whatsapp_failure(const SendOutcome& outcome);
FailureKind classify_sms_failure(const SendOutcome& outcome);

inline constexpr int kMaxAttempts = 5;
// A row claimed longer ago than this was abandoned by a crashed sender (the HTTP timeouts of a
// send add up to well under a minute).
inline constexpr std::int64_t kSendingLeaseMs = 5 * 60 * 1000;

// Exponential backoff after the n-th failed attempt (n >= 1): 1, 2, 4, 8... minutes, at most
// an hour.
std::int64_t backoff_ms(int attempts);

// "HH:MM" from 00:00 to 23:59 (and 24:00 when `allow_end_of_day`): the minute of the day.
std::optional<int> parse_clock_time(std::string_view text, bool allow_end_of_day);
// Whether a shop-local minute of the day falls in [start, end); a window whose end is before its
// start runs over midnight.
bool in_send_window(int minute_of_day, int start, int end);
// The shop-local minute of the day of an instant.
int local_minute_of_day(std::int64_t epoch_ms, std::string_view time_zone);

// "2026-11-25" -> "25 Nov 2026", as dates read in a message.
std::string readable_date(std::string_view date);
// The opt-out keywords: STOP in any case, or one of the shop's own (compared trimmed, any case,
// inner spaces folded, punctuation at either end ignored: "Stop." and "band karo!" count).
bool is_opt_out_reply(std::string_view text, const std::vector<std::string>& shop_keywords);

}  // namespace rx::messaging
