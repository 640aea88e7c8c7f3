#pragma once

#include "messaging/provider_host_allow_list.h"

#include <optional>
#include <string>
#include <string_view>

namespace rx::messaging {

// A provider's base URL taken apart: "https://api.example.com:8443/gw/" ->
// {"https", "api.example.com", 8443, "/gw"}.
struct ProviderUrl {
  std::string scheme;  // "http" or "https", lower case
  std::string host;    // a name or an IPv4 address as written
  int port = 0;        // given, or the scheme's
  std::string path_prefix;

  // "https://api.example.com:8443"
  std::string origin() const;
};

// nullopt unless `url` is http(s)://HOST[:PORT][/PATH] with a host of letters, digits, dots and
// hyphens and a port from 1 to 65535.
std::optional<ProviderUrl> parse_provider_url(std::string_view url);

// Why a base URL may not be used as it is written, before any name is looked up: not a URL, not
// https, or a host that is (or spells) an address outside the public internet, or "localhost".
// Empty when it may (a name still has to resolve to public addresses when it is used). A host on
// the operator's allow list may be anything and use http.
std::string refusal_before_lookup(std::string_view url, const ProviderHostAllowList& allowed);

}  // namespace rx::messaging
