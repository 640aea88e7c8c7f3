#include "messaging/provider_address_policy.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>
#include <initializer_list>

namespace rx::messaging {
namespace {

struct Rule {
  std::array<std::uint8_t, 16> network;
  int prefix_bits;
  AddressRange range;
};

constexpr std::array<std::uint8_t, 16> v4(std::uint8_t a, std::uint8_t b = 0, std::uint8_t c = 0,
                                          std::uint8_t d = 0) {
  return {a, b, c, d};
}

bool matches(const std::array<std::uint8_t, 16>& bytes, const Rule& rule) {
  int bits = rule.prefix_bits;
  for (std::size_t i = 0; bits > 0; ++i, bits -= 8) {
    const std::uint8_t mask = bits >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - bits));
    if ((bytes[i] & mask) != (rule.network[i] & mask)) return false;
  }
  return true;
}

AddressRange first_match(const std::array<std::uint8_t, 16>& bytes,
                         std::initializer_list<Rule> rules, AddressRange otherwise) {
  for (const Rule& rule : rules) {
    if (matches(bytes, rule)) return rule.range;
  }
  return otherwise;
}

// IANA's IPv4 special-purpose registry, narrowed to what matters for an outgoing call. The
// metadata addresses come first so that they are named as such.
AddressRange classify_v4(const std::array<std::uint8_t, 16>& bytes) {
  using enum AddressRange;
  return first_match(bytes,
                     {
                         {v4(169, 254, 169, 254), 32, kCloudMetadata},  // AWS, GCP, Azure
                         {v4(100, 100, 100, 200), 32, kCloudMetadata},  // Alibaba Cloud
                         {v4(192, 0, 0, 192), 32, kCloudMetadata},      // Oracle Cloud
                         {v4(0), 8, kUnspecified},
                         {v4(10), 8, kPrivate},
                         {v4(100, 64), 10, kSharedCgnat},
                         {v4(127), 8, kLoopback},
                         {v4(169, 254), 16, kLinkLocal},
                         {v4(172, 16), 12, kPrivate},
                         {v4(192, 0, 0), 24, kReserved},    // IETF protocol assignments
                         {v4(192, 0, 2), 24, kReserved},    // documentation
                         {v4(192, 88, 99), 24, kReserved},  // 6to4 relay anycast
                         {v4(192, 168), 16, kPrivate},
                         {v4(198, 18), 15, kReserved},       // benchmarking
                         {v4(198, 51, 100), 24, kReserved},  // documentation
                         {v4(203, 0, 113), 24, kReserved},   // documentation
                         {v4(224), 4, kMulticast},
                         {v4(240), 4, kReserved},  // future use and 255.255.255.255
                     },
                     kPublic);
}

std::array<std::uint8_t, 16> embedded_v4(const std::array<std::uint8_t, 16>& bytes,
                                         std::size_t at) {
  return v4(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
}

AddressRange classify_v6(const std::array<std::uint8_t, 16>& bytes) {
  using enum AddressRange;
  constexpr std::array<std::uint8_t, 16> kUnspecifiedV6{};
  constexpr std::array<std::uint8_t, 16> kLoopbackV6{0, 0, 0, 0, 0, 0, 0, 0,
                                                     0, 0, 0, 0, 0, 0, 0, 1};
  constexpr std::array<std::uint8_t, 16> kMapped{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  constexpr std::array<std::uint8_t, 16> kNat64{0, 0x64, 0xff, 0x9b};
  constexpr std::array<std::uint8_t, 16> kSixToFour{0x20, 0x02};
  constexpr std::array<std::uint8_t, 16> kAwsMetadata{0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0,    0,
                                                      0,    0,    0,    0,    0, 0, 0x02, 0x54};
  if (bytes == kUnspecifiedV6) return kUnspecified;
  if (bytes == kLoopbackV6) return kLoopback;
  if (bytes == kAwsMetadata) return kCloudMetadata;
  if (matches(bytes, {kMapped, 96, kPublic}) || matches(bytes, {kNat64, 96, kPublic})) {
    return classify_v4(embedded_v4(bytes, 12));
  }
  if (matches(bytes, {kSixToFour, 16, kPublic})) return classify_v4(embedded_v4(bytes, 2));
  return first_match(bytes,
                     {
                         {{0xfc}, 7, kPrivate},           // unique local
                         {{0xfe, 0x80}, 10, kLinkLocal},  //
                         {{0xfe, 0xc0}, 10, kPrivate},    // site-local (deprecated, private in use)
                         {{0xff}, 8, kMulticast},         //
                         {{0x20, 0x01, 0x0d, 0xb8}, 32, kReserved},  // documentation
                         {{0x20, 0x01}, 23, kReserved},  // IETF protocol assignments (Teredo...)
                         {{0x20}, 3, kPublic},           // global unicast
                     },
                     kReserved);  // everything else, IPv4-compatible ::a.b.c.d included
}

}  // namespace

std::string IpAddress::to_string() const {
  char text[INET6_ADDRSTRLEN] = {};
  inet_ntop(v6 ? AF_INET6 : AF_INET, bytes.data(), text, sizeof text);
  return text;
}

std::optional<IpAddress> parse_numeric_host(const std::string& host) {
  addrinfo hints{};
  hints.ai_flags = AI_NUMERICHOST;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), nullptr, &hints, &found) != 0 || !found) return std::nullopt;
  IpAddress out;
  if (found->ai_family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(found->ai_addr);
    std::memcpy(out.bytes.data(), &in->sin_addr, 4);
  } else {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(found->ai_addr);
    out.v6 = true;
    std::memcpy(out.bytes.data(), &in6->sin6_addr, 16);
  }
  freeaddrinfo(found);
  return out;
}

AddressRange classify_address(const IpAddress& address) {
  return address.v6 ? classify_v6(address.bytes) : classify_v4(address.bytes);
}

std::string_view describe(AddressRange range) {
  switch (range) {
    case AddressRange::kPublic:
      return "public";
    case AddressRange::kUnspecified:
      return "unspecified";
    case AddressRange::kLoopback:
      return "loopback";
    case AddressRange::kPrivate:
      return "private";
    case AddressRange::kLinkLocal:
      return "link-local";
    case AddressRange::kSharedCgnat:
      return "shared (carrier-grade NAT)";
    case AddressRange::kMulticast:
      return "multicast";
    case AddressRange::kReserved:
      return "reserved";
    case AddressRange::kCloudMetadata:
      return "cloud metadata";
  }
  return "reserved";
}

}  // namespace rx::messaging
