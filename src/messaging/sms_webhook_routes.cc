#include "messaging/sms_webhook_routes.h"

#include <string_view>

namespace rx::messaging {
namespace {

using http::Access;
using http::RequestContext;

// Adds the fields of form-encoded text (application/x-www-form-urlencoded: '+' is a space) that
// `fields` does not hold yet. httplib's own query parameters keep '+' as it is, so the raw query
// string is read here the way MSG91 (and PHP, which such callbacks are written for) encodes it.
void add_form_fields(std::string_view text, CallbackFields& fields) {
  while (!text.empty()) {
    const std::size_t amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    const std::string name = httplib::detail::decode_url(std::string(pair.substr(0, eq)), true);
    const std::string value =
        eq == std::string_view::npos
            ? std::string()
            : httplib::detail::decode_url(std::string(pair.substr(eq + 1)), true);
    fields.emplace(name, value);
  }
}

bool has_type(const httplib::Request& request, std::string_view type) {
  return request.get_header_value("Content-Type").rfind(type, 0) == 0;
}

// A form body first (it wins over the query string), then the query string.
CallbackFields fields_of(const httplib::Request& request) {
  CallbackFields fields;
  if (has_type(request, "application/x-www-form-urlencoded")) add_form_fields(request.body, fields);
  const std::size_t query = request.target.find('?');
  if (query != std::string::npos) {
    add_form_fields(std::string_view(request.target).substr(query + 1), fields);
  }
  return fields;
}

std::optional<std::string> json_body_of(const httplib::Request& request) {
  if (!has_type(request, "application/json")) return std::nullopt;
  return request.body;
}

}  // namespace

void register_sms_webhook_routes(http::Router& router, SmsWebhookService& service) {
  const std::string path = R"(/api/webhooks/sms/([A-Za-z0-9_\-]+))";
  const http::Handler handler = [&service](RequestContext& ctx, httplib::Response& res) {
    const int stored =
        service.receive(ctx.path_param(), fields_of(ctx.request()), json_body_of(ctx.request()));
    http::reply_json(res, 200, {{"messages_stored", stored}});
  };
  router.get(path, Access::kPublic, handler);
  // MSG91 may post a form or JSON (or nothing, with the fields in the query string).
  router.post(path, Access::kPublic, handler, http::BodyKind::kAnyType);
}

}  // namespace rx::messaging
