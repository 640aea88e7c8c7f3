#include "shops/shop_routes.h"

#include "automation/refill_cadence.h"
#include "core/json_fields.h"
#include "core/time_zone.h"
#include "http/retry_after.h"
#include "phone/phone_normalizer.h"
#include "staff/staff_json.h"
#include "staff/staff_repository.h"
#include "staff/staff_rules.h"

namespace rx::shops {
namespace {

using core::Presence;

nlohmann::json to_json(const Shop& shop) {
  return {
      {"id", shop.id},
      {"name", shop.name},
      {"phone_region", shop.phone_region},
      {"time_zone", shop.time_zone},
      {"refill_lead_days", shop.refill_lead_days},
      {"call_window_start", shop.call_window_start},
      {"call_window_end", shop.call_window_end},
      {"refill_cadence", effective_cadence(shop).offsets},
      {"refill_cadence_is_default", !shop.refill_cadence.has_value()},
      {"max_call_attempts", shop.max_call_attempts},
      {"auto_assign", std::string(core::enum_name(shop.auto_assign))},
      {"reassign_after_days", shop.reassign_after_days ? nlohmann::json(*shop.reassign_after_days)
                                                       : nlohmann::json(nullptr)},
      {"outreach_approval", std::string(core::enum_name(shop.outreach_approval))}};
}

// auto_assign ("off" | "on_upload") and reassign_after_days (null: never, else 1..365).
void read_assignment_settings(const nlohmann::json& body, core::FieldReader& fields, Shop& shop) {
  if (fields.has("auto_assign")) {
    const auto mode = fields.text("auto_assign", Presence::kRequired, 20);
    const auto known = mode ? core::enum_from_name<contacts::AutoAssign>(*mode) : std::nullopt;
    if (known) {
      shop.auto_assign = *known;
    } else if (mode) {
      fields.fail("auto_assign", "must be off or on_upload");
    }
  } else if (body.is_object() && body.contains("auto_assign")) {
    fields.fail("auto_assign", "must be off or on_upload");
  }
  if (body.is_object() && body.contains("reassign_after_days")) {
    if (body.at("reassign_after_days").is_null()) {
      shop.reassign_after_days.reset();
    } else if (auto days = fields.integer("reassign_after_days", Presence::kRequired, 1, 365)) {
      shop.reassign_after_days = static_cast<int>(*days);
    }
  }
}

Shop read_changes(const nlohmann::json& body, Shop shop) {
  core::FieldReader fields(body);
  if (fields.has("name"))
    shop.name = fields.text("name", Presence::kRequired, 120).value_or(shop.name);
  if (fields.has("phone_region")) {
    shop.phone_region =
        core::trim(fields.text("phone_region", Presence::kRequired, 3).value_or(""));
    for (char& ch : shop.phone_region)
      ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  }
  if (fields.has("time_zone")) {
    shop.time_zone = fields.text("time_zone", Presence::kRequired, 64).value_or(shop.time_zone);
    if (!core::is_valid_time_zone(shop.time_zone)) fields.fail("time_zone", "unknown time zone");
  }
  if (fields.has("phone_region") && !phone::is_valid_region(shop.phone_region)) {
    fields.fail("phone_region", "unknown region code (e.g. IN)");
  }
  if (fields.has("refill_lead_days")) {
    shop.refill_lead_days =
        static_cast<int>(fields.integer("refill_lead_days", Presence::kRequired, 0, 60)
                             .value_or(shop.refill_lead_days));
  }
  if (fields.has("call_window_start")) {
    shop.call_window_start =
        static_cast<int>(fields.integer("call_window_start", Presence::kRequired, 0, 23)
                             .value_or(shop.call_window_start));
  }
  if (fields.has("call_window_end")) {
    shop.call_window_end =
        static_cast<int>(fields.integer("call_window_end", Presence::kRequired, 1, 24)
                             .value_or(shop.call_window_end));
  }
  if ((fields.has("call_window_start") || fields.has("call_window_end")) &&
      shop.call_window_start >= shop.call_window_end) {
    fields.fail(fields.has("call_window_end") ? "call_window_end" : "call_window_start",
                "the calling hours must end after they start");
  }
  // null goes back to the default, [-refill_lead_days].
  if (body.contains("refill_cadence") && body["refill_cadence"].is_null()) {
    shop.refill_cadence.reset();
  } else if (auto cadence = automation::read_refill_cadence(fields, "refill_cadence")) {
    shop.refill_cadence = std::move(*cadence);
  }
  if (fields.has("max_call_attempts")) {
    shop.max_call_attempts =
        static_cast<int>(fields.integer("max_call_attempts", Presence::kRequired, 1, 50)
                             .value_or(shop.max_call_attempts));
  }
  read_assignment_settings(body, fields, shop);
  if (fields.has("outreach_approval")) {
    const auto mode = fields.text("outreach_approval", Presence::kRequired, 20);
    const auto known =
        mode ? core::enum_from_name<automation::OutreachApproval>(*mode) : std::nullopt;
    if (known) {
      shop.outreach_approval = *known;
    } else if (mode) {
      fields.fail("outreach_approval", "must be automatic or review");
    }
  }
  fields.finish();
  return shop;
}

NewShop read_setup(const nlohmann::json& body) {
  core::FieldReader fields(body);
  NewShop shop;
  shop.shop_name = fields.text("shop_name", Presence::kRequired, 120).value_or("");
  shop.owner_name = fields.text("owner_name", Presence::kRequired, 120).value_or("");
  shop.owner_email = staff::read_email(fields, "email").value_or("");
  shop.owner_password = staff::read_password(fields, "password").value_or("");
  fields.finish();
  return shop;
}

}  // namespace

void register_shop_routes(http::Router& router, ShopService& shops, signin::AuthService& auth,
                          http::CookiePolicy cookies) {
  router.get("/api/shop", http::Access::kSignedIn,
             [&shops](http::RequestContext& ctx, httplib::Response& res) {
               http::reply_json(res, 200, to_json(shops.get(ctx.principal())));
             });

  router.put("/api/shop", http::Access::kOwner,
             [&shops](http::RequestContext& ctx, httplib::Response& res) {
               Shop changes = read_changes(ctx.json_body(), shops.get(ctx.principal()));
               http::reply_json(res, 200, to_json(shops.update(ctx.principal(), changes)));
             });

  router.get("/api/setup", http::Access::kPublic,
             [&shops](http::RequestContext&, httplib::Response& res) {
               http::reply_json(res, 200, {{"needed", shops.setup_needed()}});
             });

  router.post(
      "/api/setup", http::Access::kPublic,
      [&shops, &auth, cookies](http::RequestContext& ctx, httplib::Response& res) {
        NewShop request = read_setup(ctx.json_body());
        std::string token;
        nlohmann::json owner;
        http::with_retry_after(res, [&] {
          shops.set_up_first_shop(
              request, ctx.client_ip(), [&](storage::Connection& c, const CreatedShop& created) {
                token =
                    auth.start_first_session(c, created.shop_id, created.owner_id, ctx.client_ip());
                owner = staff::to_identity_json(
                    *staff::StaffRepository::find(c, created.shop_id, created.owner_id));
              });
        });
        http::set_session_cookie(res, cookies, token, auth.session_ttl_seconds());
        http::reply_json(res, 201, {{"token", token}, {"staff", owner}});
      });
}

}  // namespace rx::shops
