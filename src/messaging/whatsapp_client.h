#pragma once

#include "messaging/delivery_rules.h"
#include "messaging/messaging_settings.h"
#include "messaging/provider_http.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace rx::messaging {

// The payload a template's quick-reply button at `index` (0-based, the template's button order)
// sends back when tapped.
struct QuickReplyPayload {
  int index = 0;
  std::string payload;
};

struct TemplateMessage {
  std::string to_e164;  // "+919876543210"
  std::string template_name;
  std::string language;
  std::vector<std::string> body_parameters;
  std::vector<QuickReplyPayload> quick_replies;
};

// The WhatsApp Cloud API: POST {base}/{version}/{phone_number_id}/messages with a Bearer token
// and a template message whose body parameters fill {{1}}, {{2}}..., and one button component
// per quick reply: {"type":"button","sub_type":"quick_reply","index":"<n>",
// "parameters":[{"type":"payload","payload":"..."}]}.
SendOutcome send_whatsapp_template(const MessagingSettings& settings,
                                   const TemplateMessage& message);

// The request body, and the reading of an answer (messages[0].id, or error.code/message).
nlohmann::json whatsapp_template_body(const TemplateMessage& message);
SendOutcome read_whatsapp_answer(const HttpAnswer& answer);

// "+919876543210" -> "919876543210": the Cloud API and MSG91 take digits with the country code.
std::string digits_of(const std::string& e164);

}  // namespace rx::messaging
