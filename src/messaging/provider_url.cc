#include "messaging/provider_url.h"

#include "core/json_fields.h"
#include "messaging/provider_address_policy.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace rx::messaging {
namespace {

bool host_character(unsigned char ch) { return std::isalnum(ch) || ch == '.' || ch == '-'; }

// RFC 6761: "localhost" and every name under it are loopback, whatever a resolver says.
bool is_localhost_name(const std::string& host) {
  const std::string name = host.ends_with('.') ? host.substr(0, host.size() - 1) : host;
  return name == "localhost" || name.ends_with(".localhost");
}

}  // namespace

std::string ProviderUrl::origin() const { return fmt::format("{}://{}:{}", scheme, host, port); }

std::optional<ProviderUrl> parse_provider_url(std::string_view url) {
  ProviderUrl out;
  const std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  out.scheme = core::to_lower(url.substr(0, scheme_end));
  if (out.scheme != "http" && out.scheme != "https") return std::nullopt;
  std::string_view rest = url.substr(scheme_end + 3);
  const std::size_t path_start = rest.find('/');
  std::string_view authority = rest.substr(0, path_start);
  if (path_start != std::string_view::npos) {
    out.path_prefix = std::string(rest.substr(path_start));
    while (!out.path_prefix.empty() && out.path_prefix.back() == '/') out.path_prefix.pop_back();
  }
  out.port = out.scheme == "https" ? 443 : 80;
  const std::size_t colon = authority.find(':');
  if (colon != std::string_view::npos) {
    const std::string_view port = authority.substr(colon + 1);
    const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), out.port);
    if (error != std::errc() || end != port.data() + port.size() || out.port < 1 ||
        out.port > 65535) {
      return std::nullopt;
    }
    authority = authority.substr(0, colon);
  }
  if (authority.empty() || !std::all_of(authority.begin(), authority.end(), host_character)) {
    return std::nullopt;
  }
  out.host = core::to_lower(authority);
  return out;
}

std::string refusal_before_lookup(std::string_view url, const ProviderHostAllowList& allowed) {
  const std::optional<ProviderUrl> parsed = parse_provider_url(url);
  if (!parsed) return "must be an https:// URL";
  if (allowed.allows(parsed->host, parsed->port)) return "";
  if (parsed->scheme != "https") return "must be an https:// URL";
  if (is_localhost_name(parsed->host)) return "may not name an address in the loopback range";
  if (const std::optional<IpAddress> address = parse_numeric_host(parsed->host)) {
    const AddressRange range = classify_address(*address);
    if (range != AddressRange::kPublic) {
      return fmt::format("may not name an address in the {} range", describe(range));
    }
  }
  return "";
}

}  // namespace rx::messaging
