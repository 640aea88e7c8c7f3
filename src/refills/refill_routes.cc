#include "refills/refill_routes.h"

#include "core/json_fields.h"
#include "http/list_params.h"
#include "http/query_params.h"
#include "refills/refill_json.h"

namespace rx::refills {
namespace {

using core::Presence;
using http::Access;
using http::RequestContext;

constexpr std::string_view kBase = "/api/customer-tracking/refill-reminders";

// {"<field>": the name of one value of E, "note"?}. Throws AppError(kValidation) naming the
// field (with `reason`) when it is missing or names no value.
template <core::NamedEnum E>
std::pair<E, std::optional<std::string>> read_choice(const RequestContext& ctx, const char* field,
                                                     const char* reason) {
  nlohmann::json body = ctx.json_body();
  core::FieldReader fields(body);
  const std::string text = fields.text(field, Presence::kRequired, 40).value_or("");
  const std::optional<E> value = core::enum_from_name<E>(text);
  if (!text.empty() && !value) fields.fail(field, reason);
  auto note = fields.text("note", Presence::kOptional, 2000);
  fields.finish();
  return {*value, note};
}

}  // namespace

void register_refill_routes(http::Router& router, RefillService& service) {
  const std::string base(kBase);
  router.get(base, Access::kSignedIn, [&service](RequestContext& ctx, httplib::Response& res) {
    const http::ListParams page = http::read_list_params(ctx);
    RefillFilter filter;
    filter.from = http::query_date(ctx, "from");
    filter.to = http::query_date(ctx, "to");
    if (auto status = http::query_choice(
            ctx, "status", {"pending", "sent", "responded", "refilled", "cancelled"})) {
      filter.status = core::enum_from_name<RefillStatus>(*status);
    }
    filter.customer_id = http::query_id(ctx, "customer_id");
    filter.medicine = ctx.query("medicine");
    // The day's to-do list unless a filter other than the medicine is given; the medicine alone
    // narrows that list (docs/openapi.yaml).
    const bool default_window = !filter.from && !filter.to && !filter.status && !filter.customer_id;
    RefillSort sort = RefillSort::kRemindOn;
    if (auto chosen = http::query_choice(ctx, "sort", {"remind_on", "risk"}))
      sort = *core::enum_from_name<RefillSort>(*chosen);
    RefillPage result =
        service.list(ctx.principal(), filter, default_window, page.limit, page.offset, sort);
    core::JsonWriter w;
    w.begin_object().key("items").begin_array();
    for (const auto& r : result.items) write_json(w, r, ctx.principal().time_zone, result.today);
    w.end_array().field("total", result.total).field("today", result.today).end_object();
    http::reply_json_text(res, 200, w.take());
  });

  router.post(base + R"(/([^/]+)/mark-sent)", Access::kSignedIn,
              [&service](RequestContext& ctx, httplib::Response& res) {
                const core::RefillReminderId id(ctx.path_id());
                auto [channel, note] =
                    read_choice<RefillChannel>(ctx, "channel", "must be whatsapp, call or sms");
                RefillReminder r = service.mark_sent(ctx.principal(), id, channel, note);
                http::reply_json(
                    res, 200,
                    to_json(r, ctx.principal().time_zone, service.today(ctx.principal())));
              });

  router.post(
      base + R"(/([^/]+)/response)", Access::kSignedIn,
      [&service](RequestContext& ctx, httplib::Response& res) {
        const core::RefillReminderId id(ctx.path_id());
        auto [response, note] =
            read_choice<RefillResponse>(ctx, "response",
                                        "must be will_visit, refilled_elsewhere, "
                                        "stopped_medicine, not_reachable, call_back or other");
        RefillReminder r = service.respond(ctx.principal(), id, response, note);
        http::reply_json(res, 200,
                         to_json(r, ctx.principal().time_zone, service.today(ctx.principal())));
      });

  router.post(
      base + R"(/([^/]+)/cancel)", Access::kSignedIn,
      [&service](RequestContext& ctx, httplib::Response& res) {
        RefillReminder r = service.cancel(ctx.principal(), core::RefillReminderId(ctx.path_id()));
        http::reply_json(res, 200,
                         to_json(r, ctx.principal().time_zone, service.today(ctx.principal())));
      });
}

}  // namespace rx::refills
