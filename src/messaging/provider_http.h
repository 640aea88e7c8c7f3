#pragma once

#include "messaging/provider_address_policy.h"
#include "messaging/provider_host_allow_list.h"
#include "messaging/provider_url.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rx::messaging {

// What came back from a provider: an HTTP status and body, or status 0 when there was no
// answer at all (address refused, name not found, connection refused, reset, timed out).
struct HttpAnswer {
  int status = 0;
  std::string body;
  // Why there was no answer, for the server's log only: which hosts resolve, which ports refuse
  // and which time out would map the operator's network, so it is never shown to a user.
  std::string transport_error;
};

// How a send without an answer is reported wherever a user can see it (outbox rows, the test
// message endpoint): one code and message for every cause, the cause itself only in the log.
inline constexpr std::string_view kProviderUnreachableCode = "provider_unreachable";
inline constexpr std::string_view kProviderUnreachableMessage = "the provider could not be reached";

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// What looking up a provider's host found: its addresses, or why there are none.
struct ResolvedHost {
  std::vector<IpAddress> addresses;
  std::string error;
};
using HostResolver = std::function<ResolvedHost(const std::string& host)>;

// getaddrinfo: every TCP address of the host.
ResolvedHost resolve_with_system(const std::string& host);

// The rules provider connections follow: the operator's allowed hosts and how names resolve.
struct ProviderNetwork {
  ProviderHostAllowList allowed;
  HostResolver resolve = resolve_with_system;
};

// The process's allowed hosts (`--allow-provider-host`), installed once at start-up by `serve`
// and `remind` before anything is sent; none until then. Settings validation and every send
// read them.
void set_allowed_provider_hosts(ProviderHostAllowList allowed);
ProviderHostAllowList allowed_provider_hosts();

// POSTs a JSON body to `base_url` (optionally with a path prefix) followed by `path`. HTTPS
// verifies the server's certificate against the system's CA store; redirects are not followed.
// Unless the URL's host is allowed, the URL must be https and its host is looked up afresh for
// every request: each address found must be public (provider_address_policy.h), and the
// connection goes to an address that was checked while the Host header, SNI and the
// certificate check keep the host name. A name that resolves into the operator's network when
// a message is sent (DNS rebinding included) is refused as well as one that did so when saved.
HttpAnswer post_json(const std::string& base_url, const std::string& path,
                     const HeaderList& headers, const std::string& body);
HttpAnswer post_json(const ProviderNetwork& network, const std::string& base_url,
                     const std::string& path, const HeaderList& headers, const std::string& body);

// One request to `url`, connecting to `address` when one is given (httplib's host-to-address
// map) and otherwise to whatever the system resolves `url.host` to. No checks of its own.
HttpAnswer post_json_at(const ProviderUrl& url, const std::optional<IpAddress>& address,
                        const std::string& path, const HeaderList& headers,
                        const std::string& body);

}  // namespace rx::messaging
