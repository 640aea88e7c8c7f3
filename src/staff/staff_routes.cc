#include "staff/staff_routes.h"

#include "core/error.h"
#include "core/json_fields.h"
#include "core/time_zone.h"
#include "http/list_params.h"
#include "http/retry_after.h"
#include "phone/phone_normalizer.h"
#include "staff/staff_json.h"
#include "staff/staff_rules.h"

namespace rx::staff {
namespace {

using core::Presence;
using http::Access;

std::optional<auth::Role> read_role(core::FieldReader& fields, Presence presence) {
  auto text = fields.text("role", presence, 20);
  if (!text) return std::nullopt;
  auto role = auth::parse_role(*text);
  if (!role) fields.fail("role", "must be owner, manager or staff");
  return role;
}

// A staff phone is stored in E.164 like every other phone, read in the shop's region.
std::optional<std::string> read_phone(core::FieldReader& fields, const std::string& region) {
  auto text = fields.text("phone", Presence::kOptional, 40);
  if (!text || text->empty()) return std::nullopt;
  auto phone = phone::PhoneNormalizer(region).normalize(*text);
  if (!phone) {
    fields.fail("phone", phone.error());
    return std::nullopt;
  }
  return phone->e164;
}

CreateStaffRequest read_create(const nlohmann::json& body, const std::string& region) {
  core::FieldReader fields(body);
  CreateStaffRequest request;
  request.name = fields.text("name", Presence::kRequired, 120).value_or("");
  request.email = read_email(fields, "email").value_or("");
  request.password = read_password(fields, "password").value_or("");
  request.role = read_role(fields, Presence::kRequired).value_or(auth::Role::kStaff);
  request.phone = read_phone(fields, region);
  fields.finish();
  return request;
}

// A shop-local day, YYYY-MM-DD, or null to clear it.
std::optional<std::optional<std::string>> read_day(const nlohmann::json& body,
                                                   core::FieldReader& fields,
                                                   std::string_view name) {
  const auto found = body.find(name);
  if (found == body.end()) return std::nullopt;
  if (found->is_null()) return std::optional<std::string>();
  auto text = fields.text(name, Presence::kRequired, 10);
  if (text && !core::is_valid_date(*text)) {
    fields.fail(name, "must be a date like 2026-12-24");
    return std::nullopt;
  }
  return text ? std::optional<std::optional<std::string>>(*text) : std::nullopt;
}

// max_open_contacts (null: no limit, else at least 1), away_from and away_until.
void read_assignment_limits(const nlohmann::json& body, core::FieldReader& fields,
                            StaffChanges& changes) {
  if (!body.is_object()) return;
  if (const auto limit_field = body.find("max_open_contacts"); limit_field != body.end()) {
    if (limit_field->is_null()) {
      changes.max_open_contacts = std::optional<std::int64_t>();
    } else if (auto limit =
                   fields.integer("max_open_contacts", Presence::kRequired, 1, 1'000'000)) {
      changes.max_open_contacts = limit;
    }
  }
  changes.away_from = read_day(body, fields, "away_from");
  changes.away_until = read_day(body, fields, "away_until");
}

StaffChanges read_changes(const nlohmann::json& body, const std::string& region) {
  core::FieldReader fields(body);
  StaffChanges changes;
  if (fields.has("name")) changes.name = fields.text("name", Presence::kRequired, 120);
  if (body.is_object() && body.contains("phone")) {
    changes.phone = read_phone(fields, region);
  }
  if (fields.has("role")) changes.role = read_role(fields, Presence::kRequired);
  if (fields.has("active")) changes.active = fields.boolean("active", Presence::kRequired);
  read_assignment_limits(body, fields, changes);
  fields.finish();
  return changes;
}

}  // namespace

void register_staff_routes(http::Router& router, StaffService& service) {
  router.get("/api/staff", Access::kManagerOrOwner,
             [&service](http::RequestContext& ctx, httplib::Response& res) {
               const http::ListParams page = http::read_list_params(ctx);
               std::optional<bool> active;
               if (auto value = ctx.query("active")) {
                 if (*value != "true" && *value != "false") {
                   throw core::AppError(core::ErrorCode::kValidation,
                                        "active must be true or false",
                                        {{"fields", {{"active", "must be true or false"}}}});
                 }
                 active = *value == "true";
               }
               StaffPage result = service.list(ctx.principal(), active, page.limit, page.offset);
               nlohmann::json items = nlohmann::json::array();
               for (const auto& m : result.items)
                 items.push_back(to_json(m, ctx.principal().time_zone));
               http::reply_json(res, 200, {{"items", items}, {"total", result.total}});
             });

  router.post("/api/staff", Access::kManagerOrOwner,
              [&service](http::RequestContext& ctx, httplib::Response& res) {
                StaffMember created = service.create(
                    ctx.principal(), read_create(ctx.json_body(), ctx.principal().phone_region));
                http::reply_json(res, 201, to_json(created, ctx.principal().time_zone));
              });

  router.get(R"(/api/staff/([^/]+))", Access::kManagerOrOwner,
             [&service](http::RequestContext& ctx, httplib::Response& res) {
               StaffMember found = service.get(ctx.principal(), ctx.path_id());
               http::reply_json(res, 200, to_json(found, ctx.principal().time_zone));
             });

  router.put(R"(/api/staff/([^/]+))", Access::kManagerOrOwner,
             [&service](http::RequestContext& ctx, httplib::Response& res) {
               const std::int64_t id = ctx.path_id();
               StaffMember updated =
                   service.update(ctx.principal(), id,
                                  read_changes(ctx.json_body(), ctx.principal().phone_region));
               http::reply_json(res, 200, to_json(updated, ctx.principal().time_zone));
             });

  router.put("/api/me/password", Access::kSignedIn,
             [&service](http::RequestContext& ctx, httplib::Response& res) {
               nlohmann::json body = ctx.json_body();
               core::FieldReader fields(body);
               const nlohmann::json* current = fields.raw("current_password");
               if (!current || !current->is_string()) fields.fail("current_password", "required");
               auto replacement = read_password(fields, "new_password");
               fields.finish();
               http::with_retry_after(res, [&] {
                 service.change_own_password(ctx.principal(), current->get<std::string>(),
                                             *replacement);
               });
               http::reply_no_content(res);
             });
}

}  // namespace rx::staff
