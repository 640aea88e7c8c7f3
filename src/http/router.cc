#include "http/router.h"

#include "core/error.h"
#include "http/access_log.h"
#include "http/error_response.h"

#include <spdlog/spdlog.h>

namespace rx::http {
namespace {

std::string cookie_value(const httplib::Request& req, std::string_view name) {
  const std::string header = req.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    std::size_t end = rest.find(';');
    std::string_view pair = rest.substr(0, end);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    std::size_t eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      return std::string(pair.substr(eq + 1));
    }
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  return {};
}

bool role_allows(Access access, auth::Role role) {
  switch (access) {
    case Access::kPublic:
    case Access::kSignedIn:
      return true;
    case Access::kManagerOrOwner:
      return auth::is_manager_or_owner(role);
    case Access::kOwner:
      return role == auth::Role::kOwner;
  }
  return false;
}

}  // namespace

std::optional<TokenSource> find_token(const httplib::Request& req) {
  const std::string authorization = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.size() > kBearer.size() &&
      authorization.compare(0, kBearer.size(), kBearer) == 0) {
    return TokenSource{authorization.substr(kBearer.size()), false};
  }
  std::string cookie = cookie_value(req, kSessionCookie);
  if (!cookie.empty()) return TokenSource{std::move(cookie), true};
  return std::nullopt;
}

Router::Router(httplib::Server& server, core::Authenticator& authenticator, bool trust_proxy,
               std::size_t active_handlers)
    : server_(server),
      authenticator_(authenticator),
      trust_proxy_(trust_proxy),
      gate_(active_handlers) {}

void Router::get(const std::string& pattern, Access access, Handler handler) {
  const Route& route = record("GET", pattern, BodyKind::kJson);
  server_.Get(pattern, wrap(access, std::move(handler), false, route.path_template));
}
void Router::post(const std::string& pattern, Access access, Handler handler, BodyKind body) {
  const Route& route = record("POST", pattern, body);
  server_.Post(pattern, wrap(access, std::move(handler), true, route.path_template));
}
void Router::put(const std::string& pattern, Access access, Handler handler, BodyKind body) {
  const Route& route = record("PUT", pattern, body);
  server_.Put(pattern, wrap(access, std::move(handler), true, route.path_template));
}
void Router::del(const std::string& pattern, Access access, Handler handler, BodyKind body) {
  const Route& route = record("DELETE", pattern, body);
  server_.Delete(pattern, wrap(access, std::move(handler), true, route.path_template));
}

// Turns the regex of a route into its path: each capture group becomes {id}, the placeholder
// for any path parameter (docs/openapi.yaml names each one, e.g. {phone}; openapi_test matches
// a documented path whatever its parameters are named).
const Router::Route& Router::record(std::string_view method, const std::string& pattern,
                                    BodyKind body) {
  std::string path;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '(') {
      i = pattern.find(')', i);
      path += "{id}";
    } else if (pattern[i] != '\\') {
      path += pattern[i];
    }
  }
  routes_.push_back(std::string(method) + " " + path);
  // httplib matches the decoded path against the same regex (std::regex_match, ECMAScript).
  table_.push_back(Route{std::string(method), std::regex(pattern), std::move(path), body});
  return table_.back();
}

const Router::Route* Router::find(const std::string& method, const std::string& path) const {
  for (const Route& route : table_) {
    if (route.method == method && std::regex_match(path, route.pattern)) return &route;
  }
  return nullptr;
}

std::string Router::client_ip(const httplib::Request& req) const {
  if (trust_proxy_) {
    std::string forwarded = req.get_header_value("X-Forwarded-For");
    if (!forwarded.empty()) return forwarded.substr(0, forwarded.find(','));
  }
  return req.remote_addr;
}

httplib::Server::Handler Router::wrap(Access access, Handler handler, bool is_write,
                                      std::string_view path_template) {
  return [this, access, handler = std::move(handler), is_write, path_template](
             const httplib::Request& req, httplib::Response& res) {
    note_route(path_template);
    // Reads take turns (FairGate). Writes do not: on SQLite they already queue for the one
    // writer in Database::grouped_write, and a group commits more of them the more are queued.
    std::optional<FairGate::Pass> turn;
    if (!is_write) turn.emplace(gate_);
    try {
      std::optional<auth::Principal> principal;
      if (access != Access::kPublic) {
        auto token = find_token(req);
        if (token) principal = authenticator_.authenticate(token->token);
        if (!principal) {
          throw core::AppError(core::ErrorCode::kUnauthorized, "sign in first");
        }
        // A cookie rides along on cross-site requests; a custom header cannot be sent
        // cross-site without a CORS preflight, which this server never grants.
        if (token->from_cookie && is_write &&
            req.get_header_value(std::string(kCsrfHeader)) != kCsrfHeaderValue) {
          throw core::AppError(core::ErrorCode::kCsrfRejected,
                               "missing the X-Requested-With: rxtrack header");
        }
        if (!role_allows(access, principal->role)) {
          throw core::AppError(core::ErrorCode::kForbidden, "your role may not do this");
        }
      }
      std::string from = client_ip(req);
      if (principal) principal->client_ip = from;
      RequestContext context(req, principal ? &*principal : nullptr, std::move(from));
      handler(context, res);
    } catch (const core::AppError& error) {
      res.headers.erase("Set-Cookie");
      write_error(res, error);
    } catch (const std::exception& error) {
      spdlog::error("unhandled error on {} {}: {}", req.method, path_template, error.what());
      write_error(res, core::ErrorCode::kInternal, "internal error");
    }
  };
}

}  // namespace rx::http
