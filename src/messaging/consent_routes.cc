#include "messaging/consent_routes.h"

#include "core/json_fields.h"
#include "customers/customer_json.h"

namespace rx::messaging {
namespace {

using core::Presence;
using http::Access;
using http::RequestContext;

constexpr std::string_view kBase = "/api/customer-tracking/customers";
constexpr std::size_t kMaxNote = 2000;

ConsentChange read_change(const RequestContext& ctx) {
  const nlohmann::json body = ctx.json_body();
  core::FieldReader fields(body);
  ConsentChange change;
  const std::string channel = fields.text("channel", Presence::kRequired, 20).value_or("");
  if (auto known = core::enum_from_name<MessageChannel>(channel)) {
    change.channel = *known;
  } else if (!channel.empty()) {
    fields.fail("channel", "must be whatsapp or sms");
  }
  change.granted = fields.boolean("granted", Presence::kRequired).value_or(false);
  const std::string method = fields.text("method", Presence::kRequired, 20).value_or("");
  if (auto known = core::enum_from_name<ConsentMethod>(method)) {
    change.method = *known;
  } else if (!method.empty()) {
    fields.fail("method", "must be counter, form or staff");
  }
  change.note = fields.text("note", Presence::kOptional, kMaxNote);
  fields.finish();
  return change;
}

std::optional<std::string> read_note(const RequestContext& ctx) {
  if (ctx.request().body.empty()) return std::nullopt;
  const nlohmann::json body = ctx.json_body();
  core::FieldReader fields(body);
  auto note = fields.text("note", Presence::kOptional, kMaxNote);
  fields.finish();
  return note;
}

// The customer as GET .../customers/{id} shows it at the top level, with the consent history.
nlohmann::json view_json(const ConsentView& view, std::string_view time_zone) {
  nlohmann::json out = customers::to_json(view.customer, time_zone);
  out["consent_history"] = customers::to_json(view.history, time_zone);
  return out;
}

}  // namespace

void register_consent_routes(http::Router& router, ConsentService& service) {
  const std::string base(kBase);
  router.post(base + R"(/([^/]+)/consent)", Access::kSignedIn,
              [&service](RequestContext& ctx, httplib::Response& res) {
                const core::CustomerId id(ctx.path_id());
                const ConsentChange change = read_change(ctx);
                http::reply_json(res, 200,
                                 view_json(service.record(ctx.principal(), id, change),
                                           ctx.principal().time_zone));
              });
  router.post(base + R"(/([^/]+)/opt-out)", Access::kSignedIn,
              [&service](RequestContext& ctx, httplib::Response& res) {
                const core::CustomerId id(ctx.path_id());
                const auto note = read_note(ctx);
                http::reply_json(res, 200,
                                 view_json(service.opt_out(ctx.principal(), id, note),
                                           ctx.principal().time_zone));
              });
}

}  // namespace rx::messaging
