#include "messaging/sms_client.h"

#include "messaging/whatsapp_client.h"

#include <fmt/format.h>

namespace rx::messaging {

nlohmann::json flow_sms_body(const FlowSms& sms) {
  nlohmann::json recipient = {{"mobiles", digits_of(sms.to_e164)}};
  for (std::size_t i = 0; i < sms.variables.size(); ++i) {
    recipient[fmt::format("var{}", i + 1)] = sms.variables[i];
  }
  nlohmann::json body = {{"template_id", sms.template_id},
                         {"short_url", "0"},
                         {"recipients", nlohmann::json::array({recipient})}};
  if (sms.sender) body["sender"] = *sms.sender;
  return body;
}

SendOutcome read_flow_answer(const HttpAnswer& answer) {
  SendOutcome out;
  out.http_status = answer.status;
  if (answer.status == 0) {
    out.error_code = kProviderUnreachableCode;
    out.error_message = kProviderUnreachableMessage;
    return out;
  }
  const nlohmann::json body = nlohmann::json::parse(answer.body, nullptr, false);
  const bool has_type = body.is_object() && body.contains("type") && body["type"].is_string();
  const std::string message =
      body.is_object() && body.contains("message") && body["message"].is_string()
          ? body["message"].get<std::string>()
          : std::string();
  if (answer.status >= 200 && answer.status < 300 && has_type &&
      body["type"].get<std::string>() == "success") {
    out.accepted = true;
    out.provider_message_id = message;
    return out;
  }
  out.error_code = answer.status >= 200 && answer.status < 300
                       ? "sms_rejected"
                       : fmt::format("http_{}", answer.status);
  if (body.is_object() && body.contains("code") &&
      (body["code"].is_string() || body["code"].is_number_integer())) {
    out.error_code = body["code"].is_string() ? body["code"].get<std::string>()
                                              : std::to_string(body["code"].get<long long>());
  }
  out.error_message = message;
  return out;
}

SendOutcome send_flow_sms(const MessagingSettings& settings, const FlowSms& sms) {
  const HeaderList headers = {{"authkey", settings.sms_auth_key.value_or("")}};
  return read_flow_answer(post_json(settings.sms_base_url.value_or(""), "/api/v5/flow", headers,
                                    flow_sms_body(sms).dump()));
}

}  // namespace rx::messaging
