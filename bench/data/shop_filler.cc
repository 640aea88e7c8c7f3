#include "shop_filler.h"

#include "activity_plan.h"
#include "api_client.h"
#include "sheet_generator.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace rx::bench {
namespace {

constexpr std::size_t kFixtureIds = 1000;
constexpr std::size_t kFixturePhones = 1000;
constexpr std::size_t kFixtureFresh = 5000;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

template <typename T, typename Format>
std::string joined(const std::vector<T>& items, std::size_t limit, Format format) {
  std::string out;
  for (std::size_t i = 0; i < std::min(limit, items.size()); ++i) {
    if (i) out.push_back(',');
    out.append(format(items[i]));
  }
  return out;
}

}  // namespace

void fill_telecalling(const std::string& server, const Scale& scale, ShopState& shop,
                      Totals& totals) {
  ApiClient api(server);
  api.sign_in(shop.email, kBenchPassword);
  nlohmann::json staff_ids = nlohmann::json::array();
  for (int k = 0; k < scale.staff_per_shop; ++k) {
    const std::string email =
        "staff-" + std::to_string(shop.index) + "-" + std::to_string(k) + "@bench.example";
    const nlohmann::json created = api.post(
        "/api/staff", {{"name", "Telecaller " + std::to_string(k + 1)},
                       {"email", email},
                       {"password", kBenchPassword},
                       {"role", k == 0 && scale.staff_per_shop > 1 ? "manager" : "staff"}});
    staff_ids.push_back(created.at("id"));
    shop.staff_emails.push_back(email);
    ++totals.staff;
  }
  const auto per_shop = static_cast<std::int64_t>(shop.numbers.size());
  api.post("/api/customer-tracking/contacts/assign",
           {{"staff_ids", staff_ids},
            {"filter", {{"status", "pending"}}},
            {"limit", std::max<std::int64_t>(1, per_shop / 5)}});

  // Contact ids from the top and the middle of the list.
  for (std::int64_t offset : {std::int64_t{0}, per_shop / 2}) {
    const nlohmann::json page =
        api.get("/api/customer-tracking/contacts?limit=500&offset=" + std::to_string(offset));
    for (const auto& item : page.at("items"))
      shop.contact_ids.push_back(item.at("id").get<std::int64_t>());
  }
  if (shop.contact_ids.empty()) throw std::runtime_error("the contact list came back empty");

  const auto interactions = plan_interactions(scale.interactions_per_shop, shop.seed);
  for (std::size_t i = 0; i < interactions.size(); ++i) {
    const std::int64_t id = shop.contact_ids[(i * 37) % shop.contact_ids.size()];
    api.post("/api/customer-tracking/contacts/" + std::to_string(id) + "/interactions",
             interactions[i]);
    ++totals.interactions;
  }
  shop.token = api.token();
}

void fill_counter(const std::string& server, const Scale& scale, ShopState& shop, Totals& totals) {
  ApiClient api(server);
  api.sign_in(shop.email, kBenchPassword);
  const BillPlan bills = plan_bills(shop.numbers, scale.bills_per_shop, shop.seed, now_ms());
  for (const auto& bill : bills.bills) {
    api.post("/api/bills", bill);
    ++totals.bills;
  }
  shop.customers = bills.customers;
}

std::string fixture_line(const ShopState& shop) {
  std::vector<std::string> phones;
  for (std::size_t i = 0; i < std::min(kFixturePhones, shop.customers.size()); ++i) {
    bool numeric = false;
    phones.push_back(spell_phone(shop.customers[i], static_cast<unsigned>(i), numeric));
  }
  const std::vector<std::uint64_t> fresh(shop.numbers.begin() + shop.numbers.size() / 2,
                                         shop.numbers.end());
  std::string line = std::to_string(shop.id);
  line.append("\t").append(shop.token).append("\t");
  line.append(joined(shop.contact_ids, kFixtureIds, [](auto id) { return std::to_string(id); }));
  line.append("\t").append(joined(phones, phones.size(), [](const auto& p) { return p; }));
  line.append("\t").append(joined(fresh, kFixtureFresh, [](auto n) { return std::to_string(n); }));
  line.append("\t").append(
      joined(shop.staff_emails, shop.staff_emails.size(), [](const auto& e) { return e; }));
  return line;
}

}  // namespace rx::bench
