#pragma once

#include <nlohmann/json.hpp>
#include <tl/expected.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace rx::messaging {

// The fields of one inbound-SMS callback, by name: a GET query string, a form body, or a flat
// JSON object. The first value of a repeated name counts.
using CallbackFields = std::map<std::string, std::string, std::less<>>;

// An SMS a customer sent to the shop's MSG91 virtual number (long code), as MSG91 forwards it to
// the callback URL set for the number: messages to a virtual number reach the MSG91 inbox, email
// "and also your callback URL" (https://msg91.com/help/virtual-number). That page lists no
// fields, and the integrations that read these callbacks spell them differently (e.g.
// https://github.com/rusty1909/Navigator/blob/d161cb1b60f228b71a88376f1137c0d4d618ea04/Ver2.0/
// receivesms.php reads number, keyword and message from GET or POST; others read sender or
// mobile, content, msgId, received_at), so every spelling found is accepted:
//   sender | mobile | number   the customer's number, usually with the country code
//   message | content          the text; on a shared number it starts with the keyword
//   keyword                    the keyword MSG91 routed it by
//   inNumber                   the virtual number it was sent to
//   rcvd | received_at         when MSG91 received it, as MSG91 writes it
//   msgId | requestId          MSG91's id for it, when there is one
// Other fields (email, credits...) are ignored.
struct SmsInbound {
  std::string sender;   // trimmed, as sent ("919876543210", "+91 98765 43210", "9876543210")
  std::string message;  // the whole text
  std::optional<std::string> keyword;
  std::optional<std::string> in_number;
  std::optional<std::string> received;
  std::optional<std::string> message_id;
};

// The callback's SMS, or what is wrong with it (no sender, no message, text that is not UTF-8).
tl::expected<SmsInbound, std::string> read_msg91_inbound(const CallbackFields& fields);

// The fields of a JSON callback body: an object whose values are strings or numbers (numbers
// become their decimal text; null and nested values are left out). Anything else is an error.
tl::expected<CallbackFields, std::string> fields_of_json(const nlohmann::json& body);

// What the customer wrote: the message without the keyword that routed it ("RXSHOP STOP" ->
// "STOP"). A message that is only the keyword stays whole, so a shop whose keyword is STOP
// still hears STOP.
std::string reply_words(const SmsInbound& sms);

// When MSG91 received the SMS: Unix seconds or milliseconds, or "YYYY-MM-DD HH:MM:SS" (also with
// a "T") read in the shop's time zone; 0 when absent or unreadable.
std::int64_t received_at_ms(const SmsInbound& sms, std::string_view time_zone);

// The key that makes a redelivery the same message: "msg91:<id>" when MSG91 sent an id, else
// "msg91:sha256:<hex>" of the sender's number, the text and MSG91's received time, or of the
// number, the text and `arrival_date` (the shop-local date it arrived) when MSG91 gave no time.
std::string inbound_dedupe_key(const SmsInbound& sms, std::string_view phone,
                               std::string_view arrival_date);

}  // namespace rx::messaging
