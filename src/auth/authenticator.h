#pragma once

#include "auth/principal.h"

#include <optional>
#include <string>

namespace rx::auth {

// Resolves a session token (from the bearer header or the cookie) to the signed-in principal.
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  virtual std::optional<Principal> authenticate(const std::string& token) = 0;
};

}  // namespace rx::auth
