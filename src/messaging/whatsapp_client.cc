#include "messaging/whatsapp_client.h"

#include <fmt/format.h>

namespace rx::messaging {

std::string digits_of(const std::string& e164) {
  std::string out;
  for (char ch : e164) {
    if (ch >= '0' && ch <= '9') out += ch;
  }
  return out;
}

nlohmann::json whatsapp_template_body(const TemplateMessage& message) {
  nlohmann::json parameters = nlohmann::json::array();
  for (const std::string& text : message.body_parameters) {
    parameters.push_back({{"type", "text"}, {"text", text}});
  }
  nlohmann::json components = nlohmann::json::array();
  components.push_back({{"type", "body"}, {"parameters", parameters}});
  for (const QuickReplyPayload& button : message.quick_replies) {
    components.push_back({{"type", "button"},
                          {"sub_type", "quick_reply"},
                          {"index", std::to_string(button.index)},
                          {"parameters", {{{"type", "payload"}, {"payload", button.payload}}}}});
  }
  return {{"messaging_product", "whatsapp"},
          {"recipient_type", "individual"},
          {"to", digits_of(message.to_e164)},
          {"type", "template"},
          {"template",
           {{"name", message.template_name},
            {"language", {{"code", message.language}}},
            {"components", components}}}};
}

SendOutcome read_whatsapp_answer(const HttpAnswer& answer) {
  SendOutcome out;
  out.http_status = answer.status;
  if (answer.status == 0) {
    out.error_code = kProviderUnreachableCode;
    out.error_message = kProviderUnreachableMessage;
    return out;
  }
  const nlohmann::json body = nlohmann::json::parse(answer.body, nullptr, false);
  if (answer.status >= 200 && answer.status < 300) {
    const nlohmann::json* id = nullptr;
    if (body.is_object() && body.contains("messages") && body["messages"].is_array() &&
        !body["messages"].empty() && body["messages"][0].is_object()) {
      auto it = body["messages"][0].find("id");
      if (it != body["messages"][0].end() && it->is_string()) id = &*it;
    }
    if (id) {
      out.accepted = true;
      out.provider_message_id = id->get<std::string>();
    } else {
      out.error_code = "no_message_id";
      out.error_message = "the Cloud API answered without a message id";
    }
    return out;
  }
  out.error_code = fmt::format("http_{}", answer.status);
  if (body.is_object() && body.contains("error") && body["error"].is_object()) {
    const nlohmann::json& error = body["error"];
    if (error.contains("code") && error["code"].is_number_integer()) {
      out.error_code = std::to_string(error["code"].get<long long>());
    }
    if (error.contains("message") && error["message"].is_string()) {
      out.error_message = error["message"].get<std::string>();
    }
    if (error.contains("error_data") && error["error_data"].is_object() &&
        error["error_data"].contains("details") && error["error_data"]["details"].is_string()) {
      out.error_message += out.error_message.empty() ? "" : ": ";
      out.error_message += error["error_data"]["details"].get<std::string>();
    }
  }
  return out;
}

SendOutcome send_whatsapp_template(const MessagingSettings& settings,
                                   const TemplateMessage& message) {
  const std::string path = fmt::format("/{}/{}/messages", settings.whatsapp_api_version,
                                       settings.whatsapp_phone_number_id.value_or(""));
  const HeaderList headers = {
      {"Authorization", fmt::format("Bearer {}", settings.whatsapp_access_token.value_or(""))}};
  return read_whatsapp_answer(
      post_json(settings.whatsapp_base_url, path, headers, whatsapp_template_body(message).dump()));
}

}  // namespace rx::messaging
