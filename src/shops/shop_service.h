#pragma once

#include "auth/login_throttle.h"
#include "core/clock.h"
#include "core/identity/principal.h"
#include "core/strong_id.h"
#include "shops/shop.h"
#include "storage/database.h"

#include <functional>
#include <string>
#include <utility>

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
  // Creates what other features keep for every shop (messaging's webhook keys, the WhatsApp one
  // being `webhook_key`), inside the transaction that inserts the shop. The composition root
  // wires it, so that shops depends on no feature folder. Its errors abort the shop's creation.
  using ProvisionShop = std::function<void(storage::Connection&, core::ShopId shop,
                                           const std::string& webhook_key, std::int64_t now_ms)>;

  ShopService(storage::Database& db, const core::Clock& clock, ProvisionShop provision,
              auth::ThrottleLimits limits = {})
      : db_(db), clock_(clock), provision_(std::move(provision)), throttle_(limits) {}

  // Creates a shop and its owner in one transaction (`rxtrack shop create`, the demo). With
  // `first_run`, only while no shop exists (409 afterwards); `then` runs inside the same
  // transaction. A server's first-run setup goes through set_up_first_shop instead. Throws
  // AppError(kConflict) when `first_run` and a shop exists, or when the owner's email is taken.
  CreatedShop create(const NewShop& shop, bool first_run, const AfterCreate& then = {});
  // First-run setup from `client_ip`: 429 past the sign-in throttle's per-address limit (every
  // refused setup counts), then 409 once a shop exists, answered before the password is hashed;
  // otherwise like create(), `then` opening the owner's session.
  CreatedShop set_up_first_shop(const NewShop& shop, const std::string& client_ip,
                                const AfterCreate& then);
  bool setup_needed();
  // Throws AppError(kNotFound) when the actor's shop is gone.
  Shop get(const auth::Principal& actor);
  // Throws AppError(kValidation) naming each invalid field (time zone, region, lead days), and
  // AppError(kNotFound) as get().
  Shop update(const auth::Principal& actor, const Shop& changes);

 private:
  CreatedShop insert_shop(const NewShop& shop, const std::string& password_hash, bool first_run,
                          const AfterCreate& then);

  storage::Database& db_;
  const core::Clock& clock_;
  ProvisionShop provision_;
  auth::LoginThrottle throttle_;
};

}  // namespace rx::shops
