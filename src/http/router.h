#pragma once

#include "core/identity/authenticator.h"
#include "http/body_policy.h"
#include "http/fair_gate.h"
#include "http/request_context.h"

#include <httplib.h>

#include <deque>
#include <functional>
#include <initializer_list>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace rx::http {

enum class Access {
  kPublic,    // no session needed (login, setup, health, webhooks)
  kSignedIn,  // any role
  kManagerOrOwner,
  kOwner,
};

using Handler = std::function<void(RequestContext&, httplib::Response&)>;

inline constexpr std::string_view kSessionCookie = "rxtrack_session";
inline constexpr std::string_view kCsrfHeader = "X-Requested-With";
inline constexpr std::string_view kCsrfHeaderValue = "rxtrack";

// Registers routes on the httplib server and wraps every handler with authentication, the CSRF
// check for cookie-authenticated writes, the role check, and the one place where exceptions
// become error responses.
class Router {
 public:
  // At most `active_handlers` reading handlers run at once, first come first served (see
  // FairGate).
  Router(httplib::Server& server, core::Authenticator& authenticator, bool trust_proxy,
         std::size_t active_handlers);

  // `body`: what the route takes as its request body (see BodyKind); JSON unless said otherwise.
  void get(const std::string& pattern, Access access, Handler handler);
  void post(const std::string& pattern, Access access, Handler handler,
            BodyKind body = BodyKind::kJson);
  void put(const std::string& pattern, Access access, Handler handler,
           BodyKind body = BodyKind::kJson);
  void del(const std::string& pattern, Access access, Handler handler,
           BodyKind body = BodyKind::kJson);

  // "METHOD /path/{id}" for every registered route, in registration order (the OpenAPI check);
  // {id} stands for every path parameter, whatever the document names it.
  const std::vector<std::string>& routes() const { return routes_; }

  struct Route {
    std::string method;
    std::regex pattern;
    std::string path_template;  // "/path/{id}": what the request log names
    BodyKind body;
  };
  // The route httplib will dispatch `method path` to (the first registered that matches), for
  // deciding about its body before httplib reads it; nullptr when none matches.
  const Route* find(const std::string& method, const std::string& path) const;

 private:
  const Route& record(std::string_view method, const std::string& pattern, BodyKind body);
  httplib::Server::Handler wrap(Access access, Handler handler, bool is_write,
                                std::string_view path_template);
  std::string client_ip(const httplib::Request& req) const;

  httplib::Server& server_;
  core::Authenticator& authenticator_;
  bool trust_proxy_;
  FairGate gate_;
  std::vector<std::string> routes_;
  // A deque: the log refers to templates by string_view, so elements never move.
  std::deque<Route> table_;
};

// The session token of a request: `Authorization: Bearer` first, then the session cookie.
struct TokenSource {
  std::string token;
  bool from_cookie = false;
};
std::optional<TokenSource> find_token(const httplib::Request& req);

}  // namespace rx::http
