#include "messaging/sms_inbound_payload.h"

#include "core/json_fields.h"
#include "core/time_zone.h"
#include "import/text_decoder.h"

#include <fmt/format.h>
#include <sodium.h>

#include <array>
#include <cctype>
#include <charconv>
#include <initializer_list>

namespace rx::messaging {
namespace {

// Unix seconds have 10 digits until 2286; milliseconds have 13.
constexpr std::size_t kMaxSecondsDigits = 11;
// MSG91's ids are a few dozen characters; the id becomes our dedupe key.
constexpr std::size_t kMaxMessageIdLength = 200;

// The first of `names` present, trimmed.
std::optional<std::string> field(const CallbackFields& fields,
                                 std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    auto it = fields.find(name);
    if (it != fields.end()) return core::trim(it->second);
  }
  return std::nullopt;
}

std::optional<std::string> non_empty(std::optional<std::string> text) {
  if (text && text->empty()) return std::nullopt;
  return text;
}

// PostgreSQL TEXT takes neither invalid UTF-8 nor NUL.
bool storable(std::string_view text) {
  return import::is_valid_utf8(text) && text.find('\0') == std::string_view::npos;
}

bool is_decimal(std::string_view text) {
  if (text.empty()) return false;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return false;
  }
  return true;
}

std::string sha256_hex(std::string_view bytes) {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), crypto_hash_sha256_BYTES * 2);
}

}  // namespace

tl::expected<SmsInbound, std::string> read_msg91_inbound(const CallbackFields& fields) {
  for (const auto& [name, value] : fields) {
    if (!storable(name) || !storable(value)) {
      return tl::unexpected(std::string("the callback's fields are not UTF-8 text"));
    }
  }
  SmsInbound sms;
  auto sender = non_empty(field(fields, {"sender", "mobile", "number"}));
  if (!sender) return tl::unexpected(std::string("the sender's number (sender) is missing"));
  auto message = field(fields, {"message", "content"});
  if (!message) return tl::unexpected(std::string("the text (message) is missing"));
  sms.sender = std::move(*sender);
  sms.message = std::move(*message);
  sms.keyword = non_empty(field(fields, {"keyword"}));
  sms.in_number = non_empty(field(fields, {"inNumber"}));
  sms.received = non_empty(field(fields, {"rcvd", "received_at"}));
  sms.message_id = non_empty(field(fields, {"msgId", "requestId"}));
  if (sms.message_id && sms.message_id->size() > kMaxMessageIdLength) {
    return tl::unexpected(std::string("the message id (msgId) is too long"));
  }
  return sms;
}

tl::expected<CallbackFields, std::string> fields_of_json(const nlohmann::json& body) {
  if (!body.is_object()) return tl::unexpected(std::string("the body is not a JSON object"));
  CallbackFields fields;
  for (const auto& [name, value] : body.items()) {
    if (value.is_string()) {
      fields.emplace(name, value.get<std::string>());
    } else if (value.is_number_integer()) {
      fields.emplace(name, value.dump());
    }
  }
  return fields;
}

std::string reply_words(const SmsInbound& sms) {
  if (!sms.keyword) return sms.message;
  const std::string& keyword = *sms.keyword;
  const std::string& message = sms.message;
  if (message.size() <= keyword.size() ||
      core::to_lower(message.substr(0, keyword.size())) != core::to_lower(keyword) ||
      !std::isspace(static_cast<unsigned char>(message[keyword.size()]))) {
    return message;
  }
  return core::trim(std::string_view(message).substr(keyword.size()));
}

std::int64_t received_at_ms(const SmsInbound& sms, std::string_view time_zone) {
  if (!sms.received) return 0;
  const std::string& text = *sms.received;
  if (is_decimal(text)) {
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return 0;
    return text.size() <= kMaxSecondsDigits ? value * 1000 : value;
  }
  std::string iso = text;
  if (iso.size() > 10 && iso[10] == ' ') iso[10] = 'T';
  return core::parse_instant(iso, time_zone).value_or(0);
}

std::string inbound_dedupe_key(const SmsInbound& sms, std::string_view phone,
                               std::string_view arrival_date) {
  if (sms.message_id) return fmt::format("msg91:{}", *sms.message_id);
  const std::string_view when = sms.received ? std::string_view(*sms.received) : arrival_date;
  // Unit separators keep ("a", "bc") and ("ab", "c") apart.
  return fmt::format("msg91:sha256:{}",
                     sha256_hex(fmt::format("{}\x1f{}\x1f{}", phone, sms.message, when)));
}

}  // namespace rx::messaging
