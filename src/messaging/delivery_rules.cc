#include "messaging/delivery_rules.h"

#include "core/json_fields.h"
#include "core/time_zone.h"

#include <array>
#include <cctype>

namespace rx::messaging {
namespace {

constexpr std::int64_t kFirstBackoffMs = 60 * 1000;
constexpr std::int64_t kMaxBackoffMs = 60 * 60 * 1000;

bool transient_http(const SendOutcome& outcome) {
  return outcome.http_status == 0 || outcome.http_status == 429 || outcome.http_status >= 500;
}

int two_digits(std::string_view text) {
  if (text.size() != 2 || text[0] < '0' || text[0] > '9' || text[1] < '0' || text[1] > '9') {
    return -1;
  }
  return (text[0] - '0') * 10 + (text[1] - '0');
}

// The Devanagari full stops, U+0964 and U+0965, in UTF-8: how a Hindi sentence ends.
constexpr std::string_view kDanda = "\xE0\xA5\xA4";
constexpr std::string_view kDoubleDanda = "\xE0\xA5\xA5";

bool strip_prefix(std::string_view& text, std::string_view prefix) {
  if (text.substr(0, prefix.size()) != prefix) return false;
  text.remove_prefix(prefix.size());
  return true;
}

bool strip_suffix(std::string_view& text, std::string_view suffix) {
  if (text.size() < suffix.size() || text.substr(text.size() - suffix.size()) != suffix) {
    return false;
  }
  text.remove_suffix(suffix.size());
  return true;
}

bool strip_one_end(std::string_view& text) {
  auto ignorable = [](char ch) {
    return std::ispunct(static_cast<unsigned char>(ch)) || ch == ' ';
  };
  if (!text.empty() && ignorable(text.front())) {
    text.remove_prefix(1);
    return true;
  }
  if (!text.empty() && ignorable(text.back())) {
    text.remove_suffix(1);
    return true;
  }
  return strip_prefix(text, kDanda) || strip_prefix(text, kDoubleDanda) ||
         strip_suffix(text, kDanda) || strip_suffix(text, kDoubleDanda);
}

// A reply as keywords are compared: folded (trimmed, lower-case, single spaces) and without the
// punctuation people put around a word ("Stop.", "STOP!!", "band karo।").
std::string reply_key(std::string_view text) {
  const std::string folded = core::folded_key(text);
  std::string_view key = folded;
  while (strip_one_end(key)) {
  }
  return std::string(key);
}

}  // namespace

FailureKind classify_whatsapp_failure(const SendOutcome& outcome) {
  const std::string& code = outcome.error_code;
  if (code == "131026") return FailureKind::kRecipientNotOnWhatsapp;
  if (code == "131047" || code == "132001") return FailureKind::kFinal;
  if (code == "130429" || code == "131056") return FailureKind::kRetry;
  return transient_http(outcome) ? FailureKind::kRetry : FailureKind::kFinal;
}

FailureKind classify_sms_failure(const SendOutcome& outcome) {
  return transient_http(outcome) ? FailureKind::kRetry : FailureKind::kFinal;
}

std::int64_t backoff_ms(int attempts) {
  std::int64_t delay = kFirstBackoffMs;
  for (int i = 1; i < attempts && delay < kMaxBackoffMs; ++i) delay *= 2;
  return delay < kMaxBackoffMs ? delay : kMaxBackoffMs;
}

std::optional<int> parse_clock_time(std::string_view text, bool allow_end_of_day) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  const int hours = two_digits(text.substr(0, 2));
  const int minutes = two_digits(text.substr(3, 2));
  if (hours < 0 || minutes < 0 || minutes > 59) return std::nullopt;
  if (hours == 24 && minutes == 0 && allow_end_of_day) return 24 * 60;
  if (hours > 23) return std::nullopt;
  return hours * 60 + minutes;
}

bool in_send_window(int minute_of_day, int start, int end) {
  if (start <= end) return minute_of_day >= start && minute_of_day < end;
  return minute_of_day >= start || minute_of_day < end;
}

int local_minute_of_day(std::int64_t epoch_ms, std::string_view time_zone) {
  // "2026-11-25T21:40:16+05:30": hours and minutes sit at fixed positions.
  const std::string text = core::format_instant(epoch_ms, time_zone);
  return two_digits(std::string_view(text).substr(11, 2)) * 60 +
         two_digits(std::string_view(text).substr(14, 2));
}

std::string readable_date(std::string_view date) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (!core::is_valid_date(date)) return std::string(date);
  const int month = two_digits(date.substr(5, 2));
  std::string out(date.substr(8, 2));
  if (out.front() == '0') out.erase(0, 1);
  out += ' ';
  out += kMonths[static_cast<std::size_t>(month - 1)];
  out += ' ';
  out += date.substr(0, 4);
  return out;
}

bool is_opt_out_reply(std::string_view text, const std::vector<std::string>& shop_keywords) {
  const std::string reply = reply_key(text);
  if (reply.empty()) return false;
  if (reply == "stop") return true;
  for (const std::string& keyword : shop_keywords) {
    if (reply == reply_key(keyword)) return true;
  }
  return false;
}

}  // namespace rx::messaging
