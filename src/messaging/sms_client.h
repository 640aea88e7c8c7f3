#pragma once

#include "messaging/delivery_rules.h"
#include "messaging/messaging_settings.h"
#include "messaging/provider_http.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace rx::messaging {

struct FlowSms {
  std::string to_e164;
  std::string template_id;
  std::optional<std::string> sender;
  std::vector<std::string> variables;  // var1, var2...
};

// An MSG91-style Flow API: POST {sms_base_url}/api/v5/flow with the `authkey` header and
// {"template_id","short_url":"0","recipients":[{"mobiles":"91...","var1":...}]}; it answers
// {"type":"success","message":"<request id>"} or {"type":"error","message":...}.
SendOutcome send_flow_sms(const MessagingSettings& settings, const FlowSms& sms);

nlohmann::json flow_sms_body(const FlowSms& sms);
SendOutcome read_flow_answer(const HttpAnswer& answer);

}  // namespace rx::messaging
