#include "messaging/webhook_payload.h"

#include <charconv>

namespace rx::messaging {
namespace {

using nlohmann::json;

const json kEmptyArray = json::array();

const json& json_array(const json& object, const char* name) {
  if (!object.is_object()) return kEmptyArray;
  auto it = object.find(name);
  return it != object.end() && it->is_array() ? *it : kEmptyArray;
}

std::optional<std::string> json_text(const json& object, const char* name) {
  if (!object.is_object()) return std::nullopt;
  auto it = object.find(name);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

// Webhook timestamps are Unix seconds as text.
std::int64_t millis_of(const std::optional<std::string>& seconds) {
  if (!seconds) return 0;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(seconds->data(), seconds->data() + seconds->size(), value);
  if (ec != std::errc() || end != seconds->data() + seconds->size() || value < 0) return 0;
  return value * 1000;
}

// A WhatsApp id is the phone number's digits: at most 15 (E.164).
bool is_wa_id_digits(const std::string& text) {
  if (text.empty() || text.size() > 15) return false;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return false;
  }
  return true;
}

std::optional<std::string> code_text(const json& error) {
  if (!error.is_object() || !error.contains("code")) return std::nullopt;
  const json& code = error["code"];
  if (code.is_number_integer()) return std::to_string(code.get<long long>());
  if (code.is_string()) return code.get<std::string>();
  return std::nullopt;
}

StatusReport read_status(const json& s) {
  StatusReport out;
  out.message_id = json_text(s, "id").value_or("");
  out.status = json_text(s, "status").value_or("");
  out.at_ms = millis_of(json_text(s, "timestamp"));
  const json& errors = json_array(s, "errors");
  if (!errors.empty()) {
    out.error_code = code_text(errors[0]);
    out.error_message = json_text(errors[0], "message");
    if (!out.error_message) out.error_message = json_text(errors[0], "title");
  }
  return out;
}

// The words of a reply: a text's body, a quick-reply button's text, an interactive choice.
std::optional<std::string> words_of(const json& m, const std::string& kind) {
  if (kind == "text" && m.contains("text")) return json_text(m["text"], "body");
  if (kind == "button" && m.contains("button")) return json_text(m["button"], "text");
  if (kind == "interactive" && m.contains("interactive") && m["interactive"].is_object()) {
    for (const char* reply : {"button_reply", "list_reply"}) {
      if (m["interactive"].contains(reply)) return json_text(m["interactive"][reply], "title");
    }
  }
  return std::nullopt;
}

// The payload of a tapped button: a template quick-reply's, or an interactive reply button's id.
std::optional<std::string> button_payload_of(const json& m, const std::string& kind) {
  if (kind == "button" && m.contains("button")) return json_text(m["button"], "payload");
  if (kind == "interactive" && m.contains("interactive") && m["interactive"].is_object() &&
      m["interactive"].contains("button_reply")) {
    return json_text(m["interactive"]["button_reply"], "id");
  }
  return std::nullopt;
}

InboundMessage read_message(const json& m, const json& contacts) {
  InboundMessage out;
  out.message_id = json_text(m, "id").value_or("");
  out.kind = json_text(m, "type").value_or("unknown");
  out.at_ms = millis_of(json_text(m, "timestamp"));
  out.text = words_of(m, out.kind);
  out.button_payload = button_payload_of(m, out.kind);
  if (m.contains("context")) out.context_message_id = json_text(m["context"], "id");
  const std::optional<std::string> from = json_text(m, "from");
  if (from && is_wa_id_digits(*from)) {
    out.from_phone = "+" + *from;
  } else if (from && !from->empty()) {
    out.from_user_id = from;
  }
  if (auto user_id = json_text(m, "from_user_id")) out.from_user_id = user_id;
  // The sender's contact card: the one naming the same number or user id, else the only one.
  for (const json& contact : contacts) {
    const auto wa_id = json_text(contact, "wa_id");
    const auto user_id = json_text(contact, "user_id");
    const bool same = (from && wa_id == from) || (out.from_user_id && user_id == out.from_user_id);
    if (!same && contacts.size() != 1) continue;
    if (!out.from_user_id && user_id) out.from_user_id = user_id;
    if (contact.contains("profile")) out.profile_name = json_text(contact["profile"], "name");
    break;
  }
  return out;
}

}  // namespace

WebhookPayload read_webhook_payload(const json& body) {
  WebhookPayload out;
  for (const json& entry : json_array(body, "entry")) {
    for (const json& change : json_array(entry, "changes")) {
      if (!change.is_object() || !change.contains("value")) continue;
      const json& value = change["value"];
      for (const json& s : json_array(value, "statuses")) {
        StatusReport report = read_status(s);
        if (!report.message_id.empty() && !report.status.empty()) {
          out.statuses.push_back(std::move(report));
        }
      }
      const json& contacts = json_array(value, "contacts");
      for (const json& m : json_array(value, "messages")) {
        InboundMessage message = read_message(m, contacts);
        if (!message.message_id.empty()) out.messages.push_back(std::move(message));
      }
    }
  }
  return out;
}

}  // namespace rx::messaging
