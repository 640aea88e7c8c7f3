#include "shops/shop_service.h"

#include "auth/password_hasher.h"
#include "core/error.h"
#include "core/time_zone.h"
#include "phone/phone_normalizer.h"
#include "shops/shop_repository.h"
#include "staff/staff_repository.h"

namespace rx::shops {

using core::AppError;
using core::ErrorCode;

namespace {

[[noreturn]] void throw_already_set_up() {
  throw AppError(ErrorCode::kConflict, "this rxtrack is already set up; sign in instead");
}

}  // namespace

CreatedShop ShopService::create(const NewShop& request, bool first_run, const AfterCreate& then) {
  return insert_shop(request, auth::PasswordHasher::hash(request.owner_password), first_run, then);
}

CreatedShop ShopService::set_up_first_shop(const NewShop& request, const std::string& client_ip,
                                           const AfterCreate& then) {
  auth::Admission admission;
  bool set_up_already = false;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    admission = throttle_.admit(c, auth::AttemptKind::kSetup, "", client_ip, clock_.now_ms());
    if (admission.admitted()) set_up_already = ShopRepository::count(c) > 0;
  });
  if (!admission.admitted()) {
    throw auth::rate_limited("too many setup attempts; try again later",
                             admission.retry_after_seconds);
  }
  if (set_up_already) throw_already_set_up();
  // Hashing is the expensive part (Argon2id), so it runs only where a shop may be created.
  const std::string password_hash = auth::PasswordHasher::hash(request.owner_password);
  return insert_shop(request, password_hash, true,
                     [&](storage::Connection& c, const CreatedShop& created) {
                       throttle_.mark_succeeded(c, admission.attempt_id, clock_.now_ms());
                       if (then) then(c, created);
                     });
}

CreatedShop ShopService::insert_shop(const NewShop& request, const std::string& password_hash,
                                     bool first_run, const AfterCreate& then) {
  CreatedShop created;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    // Two setups may pass the check above at once: only the one that claims the first run wins.
    const bool claimed = ShopRepository::claim_first_run(c);
    if (first_run && (!claimed || ShopRepository::count(c) > 0)) throw_already_set_up();
    const std::int64_t now = clock_.now_ms();
    Shop shop;
    shop.name = request.shop_name;
    const std::string webhook_key = auth::random_key(16);
    created.shop_id = ShopRepository::insert(c, shop, webhook_key, now);
    provision_(c, core::ShopId(created.shop_id), webhook_key, now);
    staff::NewStaffMember owner{request.owner_name, request.owner_email, std::nullopt,
                                auth::Role::kOwner, password_hash};
    try {
      created.owner_id = staff::StaffRepository::insert(c, created.shop_id, owner, now);
    } catch (const AppError& e) {
      if (e.code() != ErrorCode::kConflict) throw;
      throw AppError(ErrorCode::kConflict, "someone already signs in with this email",
                     {{"fields", {{"email", "already in use"}}}});
    }
    if (then) then(c, created);
  });
  return created;
}

bool ShopService::setup_needed() {
  bool needed = false;
  db_.with_connection([&](storage::Connection& c) { needed = ShopRepository::count(c) == 0; });
  return needed;
}

Shop ShopService::get(const auth::Principal& actor) {
  std::optional<Shop> shop;
  db_.with_connection(
      [&](storage::Connection& c) { shop = ShopRepository::find(c, actor.shop_id); });
  if (!shop) core::throw_not_found("shop");
  return *shop;
}

Shop ShopService::update(const auth::Principal& actor, const Shop& changes) {
  nlohmann::json problems = nlohmann::json::object();
  if (!core::is_valid_time_zone(changes.time_zone)) problems["time_zone"] = "unknown time zone";
  if (!phone::is_valid_region(changes.phone_region)) {
    problems["phone_region"] = "unknown region code (e.g. IN)";
  }
  if (!problems.empty()) {
    throw AppError(ErrorCode::kValidation, "invalid shop settings", {{"fields", problems}});
  }
  Shop updated = changes;
  updated.id = actor.shop_id;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    ShopRepository::update(c, updated, clock_.now_ms());
  });
  return updated;
}

}  // namespace rx::shops
