#pragma once

#include "auth/login_throttle.h"
#include "auth/principal.h"
#include "core/clock.h"
#include "shops/shop.h"
#include "storage/database.h"

#include <functional>
#include <string>

namespace rx::shops {

struct NewShop {
  std::string shop_name;
  std::string owner_name;
  std::string owner_email;  // lower-cased
  std::string owner_password;
};

struct CreatedShop {
  std::int64_t shop_id = 0;
  std::int64_t owner_id = 0;
};

class ShopService {
 public:
  using AfterCreate = std::function<void(storage::Connection&, const CreatedShop&)>;

  ShopService(storage::Database& db, const core::Clock& clock, auth::ThrottleLimits limits = {})
      : db_(db), clock_(clock), throttle_(limits) {}

  // Creates a shop and its owner in one transaction (`rxtrack shop create`, the demo). With
  // `first_run`, only while no shop exists (409 afterwards); `then` runs inside the same
  // transaction. A server's first-run setup goes through set_up_first_shop instead.
  CreatedShop create(const NewShop& shop, bool first_run, const AfterCreate& then = {});
  // First-run setup from `client_ip`: 429 past the sign-in throttle's per-address limit (every
  // refused setup counts), then 409 once a shop exists, answered before the password is hashed;
  // otherwise like create(), `then` opening the owner's session.
  CreatedShop set_up_first_shop(const NewShop& shop, const std::string& client_ip,
                                const AfterCreate& then);
  bool setup_needed();
  Shop get(const auth::Principal& actor);
  Shop update(const auth::Principal& actor, const Shop& changes);

 private:
  CreatedShop insert_shop(const NewShop& shop, const std::string& password_hash, bool first_run,
                          const AfterCreate& then);

  storage::Database& db_;
  const core::Clock& clock_;
  auth::LoginThrottle throttle_;
};

}  // namespace rx::shops
