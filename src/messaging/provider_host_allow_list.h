#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rx::messaging {

// The operator's exceptions to the provider address rule (`--allow-provider-host HOST[:PORT]`):
// a provider base URL on an allowed host is not checked against the address ranges and may use
// plain http (local fakes in tests, a provider reached through the operator's own gateway). Host
// names compare without regard to case; an entry without a port allows every port of the host.
class ProviderHostAllowList {
 public:
  ProviderHostAllowList() = default;

  // Each entry is HOST[:PORT]; an entry may also hold several, separated by commas (as the
  // environment variable does). Throws AppError(kValidation) naming a malformed entry.
  static ProviderHostAllowList parse(const std::vector<std::string>& entries);

  bool allows(std::string_view host, int port) const;
  bool empty() const { return entries_.empty(); }
  // "host", "host:port", ... as given, for the start-up log.
  std::string describe() const;

 private:
  struct Entry {
    std::string host;  // lower case
    std::optional<int> port;
  };
  std::vector<Entry> entries_;
};

}  // namespace rx::messaging
