#pragma once

#include "fixtures.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rx::bench {

// A signed-in staff account of one shop that soak clients act as. Several clients may share one
// account (its session), as a shop's counter terminals might.
struct Account {
  std::size_t shop = 0;  // index into the fixtures
  std::string email;
  std::string role;   // owner, manager or staff
  std::string token;  // bearer token
  // Contacts this account may open: a sample of the shop's for the owner and the manager, the
  // ones assigned to it for a staff-role account (it gets 404 for any other).
  std::vector<std::int64_t> contact_ids;

  bool manages() const { return role == "owner" || role == "manager"; }
};

// Every account of every shop: the owner (its session from the fixtures) and each staff member,
// signed in through `server`. Throws when a sign-in fails or an account sees no contact.
std::vector<Account> sign_in_accounts(const std::string& server,
                                      const std::vector<ShopFixture>& shops);

}  // namespace rx::bench
