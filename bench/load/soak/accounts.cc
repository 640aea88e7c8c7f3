#include "accounts.h"

#include "api_client.h"
#include "shop_filler.h"

#include <stdexcept>

namespace rx::bench {
namespace {

// Fills in the role and, for a staff-role account, the contacts assigned to it.
void describe(ApiClient& api, const ShopFixture& shop, Account& account) {
  account.token = api.token();
  account.role = api.get("/api/me").at("role").get<std::string>();
  if (account.manages()) {
    account.contact_ids = shop.contact_ids;
  } else {
    // A staff-role user's contact list holds only the contacts assigned to them.
    const nlohmann::json page = api.get("/api/customer-tracking/contacts?limit=500");
    for (const auto& item : page.at("items"))
      account.contact_ids.push_back(item.at("id").get<std::int64_t>());
  }
  if (account.contact_ids.empty()) {
    std::string message = account.email;
    message.append(" (").append(account.role).append(") has no contact to open");
    throw std::runtime_error(message);
  }
}

}  // namespace

std::vector<Account> sign_in_accounts(const std::string& server,
                                      const std::vector<ShopFixture>& shops) {
  std::vector<Account> accounts;
  for (std::size_t s = 0; s < shops.size(); ++s) {
    ApiClient owner(server);
    owner.use_token(shops[s].owner_token);
    Account account;
    account.shop = s;
    account.email = "owner of shop " + std::to_string(shops[s].id);
    describe(owner, shops[s], account);
    accounts.push_back(std::move(account));
    for (const auto& email : shops[s].staff_emails) {
      ApiClient staff(server);
      staff.sign_in(email, kBenchPassword);
      Account member;
      member.shop = s;
      member.email = email;
      describe(staff, shops[s], member);
      accounts.push_back(std::move(member));
    }
  }
  return accounts;
}

}  // namespace rx::bench
