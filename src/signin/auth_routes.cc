#include "signin/auth_routes.h"

#include "core/error.h"
#include "core/json_fields.h"
#include "http/retry_after.h"
#include "staff/staff_json.h"

namespace rx::signin {

void register_auth_routes(http::Router& router, AuthService& service, http::CookiePolicy cookies) {
  router.post(
      "/api/auth/login", http::Access::kPublic,
      [&service, cookies](http::RequestContext& ctx, httplib::Response& res) {
        nlohmann::json body = ctx.json_body();
        core::FieldReader fields(body);
        auto email = fields.text("email", core::Presence::kRequired, 254);
        const nlohmann::json* password = fields.raw("password");
        if (!password || !password->is_string()) fields.fail("password", "required");
        fields.finish();
        SignedIn signed_in;
        http::with_retry_after(res, [&] {
          signed_in = service.login(*email, password->get<std::string>(), ctx.client_ip());
        });
        http::set_session_cookie(res, cookies, signed_in.token, service.session_ttl_seconds());
        http::reply_json(
            res, 200,
            {{"token", signed_in.token}, {"staff", staff::to_identity_json(signed_in.staff)}});
      });

  router.post("/api/auth/logout", http::Access::kSignedIn,
              [&service, cookies](http::RequestContext& ctx, httplib::Response& res) {
                if (auto token = http::find_token(ctx.request())) service.logout(token->token);
                http::clear_session_cookie(res, cookies);
                http::reply_no_content(res);
              });

  router.get("/api/me", http::Access::kSignedIn,
             [](http::RequestContext& ctx, httplib::Response& res) {
               const core::Principal& me = ctx.principal();
               http::reply_json(res, 200,
                                {{"id", me.staff_id},
                                 {"shop_id", me.shop_id},
                                 {"name", me.name},
                                 {"email", me.email},
                                 {"role", to_string(me.role)}});
             });
}

}  // namespace rx::signin
