#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rx::messaging {

// One IPv4 or IPv6 address in network byte order (IPv4 uses the first four bytes).
struct IpAddress {
  bool v6 = false;
  std::array<std::uint8_t, 16> bytes{};

  std::string to_string() const;
  bool operator==(const IpAddress&) const = default;
};

// A host written as an address, in every spelling the system resolver also reads as one
// ("203.0.113.7", "::1", "::ffff:10.0.0.1", and IPv4 shorthands such as "127.1", "0x7f.1" or
// "2130706433"); nullopt for a name. Never looks anything up.
std::optional<IpAddress> parse_numeric_host(const std::string& host);

// Where an address lies, as far as reaching a messaging provider is concerned.
enum class AddressRange {
  kPublic,         // global unicast: a provider may be here
  kUnspecified,    // 0.0.0.0/8, ::
  kLoopback,       // 127/8, ::1
  kPrivate,        // 10/8, 172.16/12, 192.168/16, fc00::/7
  kLinkLocal,      // 169.254/16, fe80::/10
  kSharedCgnat,    // 100.64/10 (carrier-grade NAT)
  kMulticast,      // 224/4, ff00::/8
  kReserved,       // documentation, benchmarking, 240/4, broadcast, other non-global IPv6
  kCloudMetadata,  // 169.254.169.254, fd00:ec2::254, 100.100.100.200, 192.0.0.192
};

// The range an address lies in. An IPv4 address carried in IPv6 (mapped ::ffff:a.b.c.d, NAT64
// 64:ff9b::/96, 6to4 2002::/16) is judged by that IPv4 address.
AddressRange classify_address(const IpAddress& address);

// "loopback", "private", ... for log lines and validation messages.
std::string_view describe(AddressRange range);

// Whether a messaging provider may be reached at the address: public unicast only, so that a
// base URL cannot make rxtrack call into the operator's own network or a cloud metadata service.
inline bool provider_may_use(const IpAddress& address) {
  return classify_address(address) == AddressRange::kPublic;
}

}  // namespace rx::messaging
