#pragma once

#include "core/identity/principal.h"

#include <optional>
#include <string>

namespace rx::core {

// Resolves a session token (from the bearer header or the cookie) to the signed-in principal.
// The HTTP router holds one; the sign-in service implements it.
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // nullopt for a token that names no live session. Throws what the session store throws
  // (AppError(kUnavailable) when the database cannot be reached).
  virtual std::optional<Principal> authenticate(const std::string& token) = 0;
};

}  // namespace rx::core

// The name the callers knew before Authenticator moved to this leaf (see role.h).
namespace rx::auth {
using core::Authenticator;
}  // namespace rx::auth
