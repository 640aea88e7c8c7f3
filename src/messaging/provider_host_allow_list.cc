#include "messaging/provider_host_allow_list.h"

#include "core/error.h"
#include "core/json_fields.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace rx::messaging {
namespace {

bool is_host_name(std::string_view host) {
  return !host.empty() && host.size() <= 253 &&
         std::all_of(host.begin(), host.end(),
                     [](unsigned char ch) { return std::isalnum(ch) || ch == '.' || ch == '-'; });
}

[[noreturn]] void malformed(std::string_view entry) {
  throw core::AppError(
      core::ErrorCode::kValidation,
      fmt::format("--allow-provider-host must be HOST or HOST:PORT, not \"{}\"", entry));
}

}  // namespace

ProviderHostAllowList ProviderHostAllowList::parse(const std::vector<std::string>& entries) {
  ProviderHostAllowList out;
  for (const std::string& given : entries) {
    std::string_view rest = given;
    while (true) {
      const std::size_t comma = rest.find(',');
      const std::string entry = core::trim(rest.substr(0, comma));
      if (!entry.empty()) {
        Entry parsed;
        const std::size_t colon = entry.rfind(':');
        const std::string_view host = std::string_view(entry).substr(0, colon);
        if (!is_host_name(host)) malformed(entry);
        parsed.host = core::to_lower(host);
        if (colon != std::string_view::npos) {
          const std::string_view port = std::string_view(entry).substr(colon + 1);
          int value = 0;
          const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
          if (error != std::errc() || end != port.data() + port.size() || value < 1 ||
              value > 65535) {
            malformed(entry);
          }
          parsed.port = value;
        }
        out.entries_.push_back(std::move(parsed));
      }
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return out;
}

bool ProviderHostAllowList::allows(std::string_view host, int port) const {
  const std::string wanted = core::to_lower(host);
  return std::any_of(entries_.begin(), entries_.end(), [&](const Entry& entry) {
    return entry.host == wanted && (!entry.port || *entry.port == port);
  });
}

std::string ProviderHostAllowList::describe() const {
  std::string out;
  for (const Entry& entry : entries_) {
    if (!out.empty()) out += ", ";
    out += entry.port ? fmt::format("{}:{}", entry.host, *entry.port) : entry.host;
  }
  return out;
}

}  // namespace rx::messaging
