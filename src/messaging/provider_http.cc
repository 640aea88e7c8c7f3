#include "messaging/provider_http.h"

#include <fmt/format.h>
#include <httplib.h>
#include <netdb.h>
#include <netinet/in.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <mutex>

namespace rx::messaging {
namespace {

constexpr int kConnectTimeoutSeconds = 10;
constexpr int kReadTimeoutSeconds = 30;
constexpr int kWriteTimeoutSeconds = 30;

std::mutex allowed_mutex;
ProviderHostAllowList& allowed_hosts() {
  static ProviderHostAllowList allowed;
  return allowed;
}

HttpAnswer no_answer(std::string why) {
  HttpAnswer answer;
  answer.transport_error = std::move(why);
  return answer;
}

// The addresses to connect to, all checked, or why there are none. An address written in the
// URL is its own lookup. A lookup that returns any address outside the public internet is
// refused as a whole: a name that mixes public and internal addresses is not a provider's.
std::vector<IpAddress> checked_addresses(const ProviderNetwork& network, const ProviderUrl& url,
                                         std::string& refusal) {
  ResolvedHost found;
  const std::optional<IpAddress> literal = parse_numeric_host(url.host);
  if (literal) {
    found.addresses.push_back(*literal);
  } else {
    found = network.resolve(url.host);
  }
  if (found.addresses.empty()) {
    refusal = fmt::format("{} did not resolve: {}", url.host,
                          found.error.empty() ? "no address" : found.error);
    return {};
  }
  for (const IpAddress& address : found.addresses) {
    const AddressRange range = classify_address(address);
    if (range != AddressRange::kPublic) {
      refusal =
          literal ? fmt::format("{} is in the {} range; not connecting", url.host, describe(range))
                  : fmt::format("{} resolves to {}, in the {} range; not connecting", url.host,
                                address.to_string(), describe(range));
      return {};
    }
  }
  return found.addresses;
}

HttpAnswer post_once(const ProviderUrl& url, const std::optional<IpAddress>& address,
                     const std::string& path, const HeaderList& headers, const std::string& body,
                     httplib::Error& error) {
  httplib::Client client(url.origin());
  // httplib connects to the mapped address but keeps url.host for the Host header, for SNI and
  // for checking the certificate's names (ClientImpl::create_client_socket reads addr_map_;
  // SSLClient verifies host_), so the pinned connection is still to the named provider.
  if (address) client.set_hostname_addr_map({{url.host, address->to_string()}});
  client.set_follow_location(false);
  client.set_connection_timeout(kConnectTimeoutSeconds, 0);
  client.set_read_timeout(kReadTimeoutSeconds, 0);
  client.set_write_timeout(kWriteTimeoutSeconds, 0);
  httplib::Headers request_headers;
  for (const auto& [name, value] : headers) request_headers.emplace(name, value);
  request_headers.emplace("Accept", "application/json");
  httplib::Result result =
      client.Post(url.path_prefix + path, request_headers, body, "application/json");
  error = result.error();
  if (!result) {
    return no_answer(fmt::format("{} ({}): {}", url.origin(),
                                 address ? address->to_string() : std::string("system lookup"),
                                 httplib::to_string(result.error())));
  }
  HttpAnswer answer;
  answer.status = result->status;
  answer.body = result->body;
  return answer;
}

}  // namespace

ResolvedHost resolve_with_system(const std::string& host) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_ADDRCONFIG;
  addrinfo* found = nullptr;
  ResolvedHost out;
  if (const int status = getaddrinfo(host.c_str(), nullptr, &hints, &found); status != 0) {
    out.error = gai_strerror(status);
    return out;
  }
  for (const addrinfo* entry = found; entry; entry = entry->ai_next) {
    IpAddress address;
    if (entry->ai_family == AF_INET) {
      std::memcpy(address.bytes.data(),
                  &reinterpret_cast<const sockaddr_in*>(entry->ai_addr)->sin_addr, 4);
    } else if (entry->ai_family == AF_INET6) {
      address.v6 = true;
      std::memcpy(address.bytes.data(),
                  &reinterpret_cast<const sockaddr_in6*>(entry->ai_addr)->sin6_addr, 16);
    } else {
      continue;
    }
    if (std::find(out.addresses.begin(), out.addresses.end(), address) == out.addresses.end()) {
      out.addresses.push_back(address);
    }
  }
  freeaddrinfo(found);
  return out;
}

void set_allowed_provider_hosts(ProviderHostAllowList allowed) {
  std::lock_guard lock(allowed_mutex);
  allowed_hosts() = std::move(allowed);
}

ProviderHostAllowList allowed_provider_hosts() {
  std::lock_guard lock(allowed_mutex);
  return allowed_hosts();
}

HttpAnswer post_json_at(const ProviderUrl& url, const std::optional<IpAddress>& address,
                        const std::string& path, const HeaderList& headers,
                        const std::string& body) {
  httplib::Error ignored = httplib::Error::Success;
  return post_once(url, address, path, headers, body, ignored);
}

HttpAnswer post_json(const ProviderNetwork& network, const std::string& base_url,
                     const std::string& path, const HeaderList& headers, const std::string& body) {
  HttpAnswer answer;
  const std::optional<ProviderUrl> url = parse_provider_url(base_url);
  if (!url) {
    answer = no_answer(fmt::format("base URL {} refused: not a URL", base_url));
  } else if (network.allowed.allows(url->host, url->port)) {
    answer = post_json_at(*url, std::nullopt, path, headers, body);
  } else if (url->scheme != "https") {
    answer = no_answer(fmt::format("base URL {} refused: must be an https:// URL", base_url));
  } else {
    std::string refusal_after_lookup;
    const std::vector<IpAddress> addresses = checked_addresses(network, *url, refusal_after_lookup);
    answer = no_answer(refusal_after_lookup);
    // Each address in the resolver's order until one connects. Only a failure to connect moves
    // on: once a request may have been sent, it is not sent again.
    for (const IpAddress& address : addresses) {
      httplib::Error error = httplib::Error::Success;
      answer = post_once(*url, address, path, headers, body, error);
      if (error != httplib::Error::Connection && error != httplib::Error::ConnectionTimeout) break;
    }
  }
  if (answer.status == 0) spdlog::warn("provider unreachable: {}", answer.transport_error);
  return answer;
}

HttpAnswer post_json(const std::string& base_url, const std::string& path,
                     const HeaderList& headers, const std::string& body) {
  return post_json(ProviderNetwork{allowed_provider_hosts(), resolve_with_system}, base_url, path,
                   headers, body);
}

}  // namespace rx::messaging
