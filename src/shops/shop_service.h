#pragma once

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
  ShopService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // Creates a shop and its owner in one transaction. With `first_run`, only while no shop exists
  // (409 afterwards); `then` runs inside the same transaction (e.g. to open the owner's session).
  CreatedShop create(
      const NewShop& shop, bool first_run,
      const std::function<void(storage::Connection&, const CreatedShop&)>& then = {});
  bool setup_needed();
  Shop get(const auth::Principal& actor);
  Shop update(const auth::Principal& actor, const Shop& changes);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::shops
