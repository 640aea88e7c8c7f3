#include "messaging/provider_address_policy.h"
#include "core/error.h"
#include "messaging/provider_host_allow_list.h"
#include "messaging/provider_url.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rx::messaging {
namespace {

AddressRange range_of(const std::string& text) {
  const std::optional<IpAddress> address = parse_numeric_host(text);
  EXPECT_TRUE(address.has_value()) << text;
  return address ? classify_address(*address) : AddressRange::kPublic;
}

struct Case {
  const char* address;
  AddressRange range;
};

TEST(ProviderAddressPolicyTest, Ipv4RangesAreClassified) {
  using enum AddressRange;
  const std::vector<Case> cases = {
      {"8.8.8.8", kPublic},
      {"1.1.1.1", kPublic},
      {"157.240.1.1", kPublic},  // a Meta address
      {"9.255.255.255", kPublic},
      {"11.0.0.0", kPublic},
      {"0.0.0.0", kUnspecified},
      {"0.1.2.3", kUnspecified},
      {"127.0.0.1", kLoopback},
      {"127.255.255.254", kLoopback},
      {"10.0.0.0", kPrivate},
      {"10.255.255.255", kPrivate},
      {"172.15.255.255", kPublic},
      {"172.16.0.0", kPrivate},
      {"172.31.255.255", kPrivate},
      {"172.32.0.0", kPublic},
      {"192.168.0.1", kPrivate},
      {"192.169.0.1", kPublic},
      {"169.254.0.1", kLinkLocal},
      {"169.254.169.253", kLinkLocal},
      {"169.254.169.254", kCloudMetadata},
      {"100.63.255.255", kPublic},
      {"100.64.0.0", kSharedCgnat},
      {"100.127.255.255", kSharedCgnat},
      {"100.128.0.0", kPublic},
      {"100.100.100.200", kCloudMetadata},
      {"192.0.0.192", kCloudMetadata},
      {"192.0.0.8", kReserved},
      {"192.0.2.10", kReserved},
      {"198.18.0.1", kReserved},
      {"198.19.255.255", kReserved},
      {"198.20.0.0", kPublic},
      {"198.51.100.7", kReserved},
      {"203.0.113.7", kReserved},
      {"224.0.0.1", kMulticast},
      {"239.255.255.250", kMulticast},
      {"240.0.0.1", kReserved},
      {"255.255.255.255", kReserved},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(range_of(c.address), c.range) << c.address;
  }
}

TEST(ProviderAddressPolicyTest, Ipv6RangesAndIpv4InsideIpv6AreClassified) {
  using enum AddressRange;
  const std::vector<Case> cases = {
      {"2a03:2880:f12f:83:face:b00c:0:25de", kPublic},  // a Meta address
      {"2001:4860:4860::8888", kPublic},
      {"::", kUnspecified},
      {"::1", kLoopback},
      {"fc00::1", kPrivate},
      {"fd12:3456:789a::1", kPrivate},
      {"fd00:ec2::254", kCloudMetadata},
      {"fd00:ec2::253", kPrivate},
      {"fe80::1", kLinkLocal},
      {"febf:ffff::1", kLinkLocal},
      {"fec0::1", kPrivate},
      {"ff02::1", kMulticast},
      {"2001:db8::1", kReserved},
      {"2001::1", kReserved},  // Teredo
      {"100::1", kReserved},   // discard
      {"::ffff:127.0.0.1", kLoopback},
      {"::ffff:10.1.2.3", kPrivate},
      {"::ffff:169.254.169.254", kCloudMetadata},
      {"::ffff:100.64.0.1", kSharedCgnat},
      {"::ffff:0.0.0.0", kUnspecified},
      {"::ffff:8.8.8.8", kPublic},
      {"::127.0.0.1", kReserved},      // IPv4-compatible: deprecated, never a provider
      {"64:ff9b::a00:1", kPrivate},    // NAT64 of 10.0.0.1
      {"64:ff9b::808:808", kPublic},   // NAT64 of 8.8.8.8
      {"2002:7f00:1::", kLoopback},    // 6to4 of 127.0.0.1
      {"2002:c0a8:101::1", kPrivate},  // 6to4 of 192.168.1.1
      {"2002:808:808::1", kPublic},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(range_of(c.address), c.range) << c.address;
  }
}

TEST(ProviderAddressPolicyTest, NumericHostsAreReadInEverySpellingTheResolverAccepts) {
  for (const char* loopback :
       {"127.1", "0x7f.1", "0x7f000001", "2130706433", "0177.0.0.1", "017700000001", "127.0.1"}) {
    const std::optional<IpAddress> address = parse_numeric_host(loopback);
    ASSERT_TRUE(address) << loopback;
    EXPECT_EQ(classify_address(*address), AddressRange::kLoopback) << loopback;
  }
  EXPECT_EQ(parse_numeric_host("10.1")->to_string(), "10.0.0.1");
  EXPECT_EQ(parse_numeric_host("::ffff:a00:1")->to_string(), "::ffff:10.0.0.1");
  // Names are names, even when they look numeric in part.
  for (const char* name :
       {"graph.facebook.com", "localhost", "10.0.0.1.nip.io", "1.2.3.4.", "api-10-0-0-1", ""}) {
    EXPECT_FALSE(parse_numeric_host(name).has_value()) << name;
  }
  EXPECT_TRUE(provider_may_use(*parse_numeric_host("8.8.4.4")));
  EXPECT_FALSE(provider_may_use(*parse_numeric_host("::1")));
}

TEST(ProviderHostAllowListTest, EntriesAreHostsWithAnOptionalPort) {
  const ProviderHostAllowList list =
      ProviderHostAllowList::parse({"127.0.0.1", "Fake.Provider.test:8443", " a.test , b.test:81"});
  EXPECT_TRUE(list.allows("127.0.0.1", 80));
  EXPECT_TRUE(list.allows("127.0.0.1", 54321));
  EXPECT_TRUE(list.allows("fake.provider.test", 8443));
  EXPECT_TRUE(list.allows("FAKE.provider.TEST", 8443));
  EXPECT_FALSE(list.allows("fake.provider.test", 443));
  EXPECT_TRUE(list.allows("a.test", 1));
  EXPECT_TRUE(list.allows("b.test", 81));
  EXPECT_FALSE(list.allows("b.test", 80));
  EXPECT_FALSE(list.allows("127.0.0.2", 80));
  EXPECT_FALSE(list.allows("sub.a.test", 80));
  EXPECT_EQ(list.describe(), "127.0.0.1, fake.provider.test:8443, a.test, b.test:81");
  EXPECT_TRUE(ProviderHostAllowList::parse({}).empty());
  EXPECT_TRUE(ProviderHostAllowList::parse({""}).empty());

  for (const char* bad :
       {"host:", "host:0", "host:65536", "host:http", "ho st", "http://host", "[::1]:80", ":80"}) {
    EXPECT_THROW(ProviderHostAllowList::parse({bad}), core::AppError) << bad;
  }
}

TEST(ProviderUrlTest, UrlsAreTakenApart) {
  const auto url = parse_provider_url("HTTPS://Api.Example.com:8443/gw/v1/");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->scheme, "https");
  EXPECT_EQ(url->host, "api.example.com");
  EXPECT_EQ(url->port, 8443);
  EXPECT_EQ(url->path_prefix, "/gw/v1");
  EXPECT_EQ(url->origin(), "https://api.example.com:8443");
  EXPECT_EQ(parse_provider_url("https://graph.facebook.com")->port, 443);
  EXPECT_EQ(parse_provider_url("http://127.0.0.1")->port, 80);
  for (const char* bad : {"graph.facebook.com", "ftp://x.test", "https://", "https://:443",
                          "https://x.test:0", "https://x.test:70000", "https://x.test:",
                          "https://user@x.test", "https://[::1]/", "https://x_y.test"}) {
    EXPECT_FALSE(parse_provider_url(bad)) << bad;
  }
}

TEST(ProviderUrlTest, OnlyHttpsToHostsOutsideTheOperatorsNetworkPassBeforeLookup) {
  const ProviderHostAllowList none;
  EXPECT_EQ(refusal_before_lookup("https://graph.facebook.com", none), "");
  EXPECT_EQ(refusal_before_lookup("https://control.msg91.com/api", none), "");
  EXPECT_EQ(refusal_before_lookup("https://8.8.8.8:8443", none), "");
  EXPECT_EQ(refusal_before_lookup("http://graph.facebook.com", none), "must be an https:// URL");
  EXPECT_EQ(refusal_before_lookup("not a url", none), "must be an https:// URL");
  const std::vector<std::pair<const char*, const char*>> refused = {
      {"https://127.0.0.1:9000", "loopback"},
      {"https://127.1", "loopback"},
      {"https://2130706433", "loopback"},
      {"https://localhost:9000", "loopback"},
      {"https://api.localhost", "loopback"},
      {"https://LOCALHOST.", "loopback"},
      {"https://10.1.2.3", "private"},
      {"https://172.20.0.5/v1", "private"},
      {"https://192.168.1.1", "private"},
      {"https://169.254.169.254/latest/meta-data", "cloud metadata"},
      {"https://169.254.10.10", "link-local"},
      {"https://100.64.1.1", "shared (carrier-grade NAT)"},
      {"https://0.0.0.0", "unspecified"},
      {"https://224.0.0.251", "multicast"},
  };
  for (const auto& [url, range] : refused) {
    EXPECT_EQ(refusal_before_lookup(url, none),
              std::string("may not name an address in the ") + range + " range")
        << url;
  }

  const ProviderHostAllowList fakes = ProviderHostAllowList::parse({"127.0.0.1", "gw.lan:8080"});
  EXPECT_EQ(refusal_before_lookup("http://127.0.0.1:41234", fakes), "");
  EXPECT_EQ(refusal_before_lookup("https://127.0.0.1", fakes), "");
  EXPECT_EQ(refusal_before_lookup("http://gw.lan:8080/sms", fakes), "");
  EXPECT_EQ(refusal_before_lookup("http://gw.lan:8081/sms", fakes), "must be an https:// URL");
  EXPECT_EQ(refusal_before_lookup("https://127.0.0.2", fakes),
            "may not name an address in the loopback range");
}

}  // namespace
}  // namespace rx::messaging
