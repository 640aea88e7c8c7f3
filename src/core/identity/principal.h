#pragma once

#include "core/identity/role.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rx::core {

// The signed-in person and their shop, resolved from the session on every request. Every query
// a handler makes is scoped by `shop_id` from here, never from the request.
struct Principal {
  std::int64_t staff_id = 0;
  std::int64_t shop_id = 0;
  Role role = Role::kStaff;
  std::string name;
  std::string email;
  std::string time_zone;
  std::string phone_region;
  int refill_lead_days = 5;
  // The shop's own refill cadence (days relative to running out, ascending); empty for a shop
  // that never set one, whose cadence is {-refill_lead_days}.
  std::vector<int> refill_cadence;
  std::string token_hash;
  // Where this request came from (X-Forwarded-For behind a trusted proxy): the audit log's
  // client_ip. Set by the router on every authenticated request.
  std::string client_ip;
};

}  // namespace rx::core

// The name the callers knew before Principal moved to this leaf (see role.h).
namespace rx::auth {
using core::Principal;
}  // namespace rx::auth
