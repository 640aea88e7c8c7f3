#include "write_checks.h"

#include "api_client.h"

#include <atomic>
#include <functional>
#include <initializer_list>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string_view>
#include <thread>

namespace rx::bench {
namespace {

constexpr std::int64_t kPage = 500;  // the API's largest page
constexpr std::size_t kFailuresPerCheck = 5;

std::string concat(std::initializer_list<std::string_view> parts) {
  std::string out;
  for (const auto part : parts) out.append(part);
  return out;
}

struct StoredBill {
  std::int64_t customer_id = 0;
  std::int64_t total_paise = 0;
};

// Every item of a paged list, `path` already carrying its filters ("?...&").
std::vector<nlohmann::json> all_items(ApiClient& api, const std::string& path) {
  std::vector<nlohmann::json> items;
  for (std::int64_t offset = 0;; offset += kPage) {
    std::string page_path = path;
    page_path.append("limit=").append(std::to_string(kPage));
    page_path.append("&offset=").append(std::to_string(offset));
    const nlohmann::json page = api.get(page_path);
    for (const auto& item : page.at("items")) items.push_back(item);
    if (static_cast<std::int64_t>(page.at("items").size()) < kPage) return items;
  }
}

class Checker {
 public:
  Checker(const std::string& server, const std::vector<ShopFixture>& shops,
          const WriteLedger& ledger)
      : server_(server), shops_(shops), ledger_(ledger) {}

  void bills_and_customers(std::size_t shop, std::int64_t before);
  void conversions(std::size_t shop);
  // Runs `task(api, i)` for i in [0, count) on `threads` clients, each task signed in as the
  // owner of shop_of(i); a task that throws is a failure.
  void in_parallel(std::size_t count, int threads,
                   const std::function<std::size_t(std::size_t)>& shop_of,
                   const std::function<void(ApiClient&, std::size_t)>& task);

  void fail(const std::string& check, const std::string& failure);
  WriteCheckResult& result() { return result_; }
  std::mutex& lock() { return mutex_; }
  ApiClient owner_of(std::size_t shop) const {
    ApiClient api(server_);
    api.use_token(shops_[shop].owner_token);
    return api;
  }

 private:
  const std::string server_;
  const std::vector<ShopFixture>& shops_;
  const WriteLedger& ledger_;
  std::mutex mutex_;
  std::map<std::string, std::size_t> failures_per_check_;  // GUARDED_BY(mutex_)
  WriteCheckResult result_;                                // GUARDED_BY(mutex_)
};

void Checker::fail(const std::string& check, const std::string& failure) {
  std::lock_guard guard(mutex_);
  std::size_t& count = failures_per_check_[check];
  if (++count <= kFailuresPerCheck) {
    result_.failures.push_back(concat({check, ": ", failure}));
  } else if (count == kFailuresPerCheck + 1) {
    result_.failures.push_back(concat({check, ": (further failures of this check not listed)"}));
  }
}

void Checker::bills_and_customers(std::size_t shop, std::int64_t before) {
  ApiClient api = owner_of(shop);
  const std::string name = "shop " + std::to_string(shops_[shop].id);
  std::map<std::int64_t, StoredBill> stored;
  std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> per_customer;  // visits, paise
  for (const auto& item : all_items(api, "/api/bills?")) {
    const StoredBill bill{item.at("customer_id").get<std::int64_t>(),
                          item.at("total_paise").get<std::int64_t>()};
    stored[item.at("id").get<std::int64_t>()] = bill;
    auto& [visits, paise] = per_customer[bill.customer_id];
    ++visits;
    paise += bill.total_paise;
  }

  std::int64_t acked = 0;
  for (const AckedBill& bill : ledger_.bills) {
    if (bill.shop != shop) continue;
    ++acked;
    const auto found = stored.find(bill.id);
    std::ostringstream problem;
    if (found == stored.end()) {
      problem << name << ": bill " << bill.id << " was answered 201 but is not listed";
    } else if (found->second.customer_id != bill.customer_id ||
               found->second.total_paise != bill.total_paise) {
      problem << name << ": bill " << bill.id << " is listed with customer "
              << found->second.customer_id << " and total " << found->second.total_paise
              << ", answered with " << bill.customer_id << " and " << bill.total_paise;
    } else {
      std::lock_guard guard(lock());
      ++result().bills;
      continue;
    }
    fail("bills", problem.str());
  }
  const auto unanswered_at = ledger_.unanswered_bills.find(shop);
  const std::int64_t unanswered =
      unanswered_at == ledger_.unanswered_bills.end() ? 0 : unanswered_at->second;
  const auto count = static_cast<std::int64_t>(stored.size());
  if (count < before + acked || count > before + acked + unanswered) {
    std::ostringstream problem;
    problem << name << ": " << count << " bills listed; " << before << " before the soak + "
            << acked << " answered 201";
    if (unanswered) problem << " (+ up to " << unanswered << " sent without an answer)";
    fail("bill count", problem.str());
  }

  for (const auto& customer : all_items(api, "/api/customer-tracking/customers?")) {
    const auto id = customer.at("id").get<std::int64_t>();
    const auto visits = customer.at("visit_count").get<std::int64_t>();
    const auto spent = customer.at("total_spent_paise").get<std::int64_t>();
    const auto bills = per_customer[id];
    if (visits == bills.first && spent == bills.second) {
      std::lock_guard guard(lock());
      ++result().customers;
      continue;
    }
    std::ostringstream problem;
    problem << name << ": customer " << id << " has visit_count " << visits
            << " and total_spent_paise " << spent << " but " << bills.first
            << " listed bills totalling " << bills.second;
    fail("customers", problem.str());
  }
}

void Checker::conversions(std::size_t shop) {
  ApiClient api = owner_of(shop);
  const std::string name = "shop " + std::to_string(shops_[shop].id);
  std::map<std::int64_t, std::int64_t> converted_by;  // contact -> conversion_bill_id
  for (const auto& contact : all_items(api, "/api/customer-tracking/contacts?status=converted&")) {
    const auto& bill = contact.at("conversion_bill_id");
    converted_by[contact.at("id").get<std::int64_t>()] =
        bill.is_null() ? 0 : bill.get<std::int64_t>();
  }
  std::map<std::int64_t, std::int64_t> reported;  // contact -> the bill whose answer said so
  for (const AckedBill& bill : ledger_.bills) {
    if (bill.shop != shop || bill.converted_contact_id == 0) continue;
    std::ostringstream problem;
    const auto [earlier, first_report] = reported.emplace(bill.converted_contact_id, bill.id);
    const auto found = converted_by.find(bill.converted_contact_id);
    if (!first_report) {
      problem << name << ": contact " << bill.converted_contact_id
              << " was reported converted by bills " << earlier->second << " and " << bill.id;
    } else if (found == converted_by.end()) {
      problem << name << ": contact " << bill.converted_contact_id << " converted by bill "
              << bill.id << " is not listed as converted";
    } else if (found->second != bill.id) {
      problem << name << ": contact " << bill.converted_contact_id << " names bill "
              << found->second << " as its conversion, the answer of bill " << bill.id
              << " said it converted it";
    } else {
      std::lock_guard guard(lock());
      ++result().conversions;
      continue;
    }
    fail("conversions", problem.str());
  }
}

void Checker::in_parallel(std::size_t count, int threads,
                          const std::function<std::size_t(std::size_t)>& shop_of,
                          const std::function<void(ApiClient&, std::size_t)>& task) {
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      ApiClient api(server_);
      for (std::size_t i = next++; i < count; i = next++) {
        try {
          api.use_token(shops_[shop_of(i)].owner_token);
          task(api, i);
        } catch (const std::exception& e) {
          fail("requests of the checks", e.what());
        }
      }
    });
  }
  for (auto& worker : workers) worker.join();
}

}  // namespace

std::vector<std::int64_t> count_bills(const std::string& server,
                                      const std::vector<ShopFixture>& shops) {
  std::vector<std::int64_t> counts;
  for (const auto& shop : shops) {
    ApiClient api(server);
    api.use_token(shop.owner_token);
    counts.push_back(api.get("/api/bills?limit=1").at("total").get<std::int64_t>());
  }
  return counts;
}

WriteCheckResult check_writes(const std::string& server, const std::vector<ShopFixture>& shops,
                              const std::vector<std::int64_t>& bills_before,
                              const WriteLedger& ledger, int threads) {
  Checker checker(server, shops, ledger);
  checker.in_parallel(
      shops.size(), threads, [](std::size_t i) { return i; },
      [&](ApiClient&, std::size_t shop) {
        checker.bills_and_customers(shop, bills_before[shop]);
        checker.conversions(shop);
      });

  // Interactions, one request per contact that got any.
  std::map<std::pair<std::size_t, std::int64_t>, std::set<std::int64_t>> by_contact;
  for (const AckedInteraction& i : ledger.interactions)
    by_contact[{i.shop, i.contact_id}].insert(i.id);
  const std::vector<std::pair<std::pair<std::size_t, std::int64_t>, std::set<std::int64_t>>>
      contacts(by_contact.begin(), by_contact.end());
  checker.in_parallel(
      contacts.size(), threads, [&](std::size_t i) { return contacts[i].first.first; },
      [&](ApiClient& api, std::size_t i) {
        const auto& [key, expected] = contacts[i];
        const auto listed = api.get(concat(
            {"/api/customer-tracking/contacts/", std::to_string(key.second), "/interactions"}));
        std::set<std::int64_t> ids;
        for (const auto& item : listed.at("items")) ids.insert(item.at("id").get<std::int64_t>());
        std::int64_t found = 0;
        for (const std::int64_t id : expected) {
          if (ids.count(id)) {
            ++found;
            continue;
          }
          std::ostringstream problem;
          problem << "shop " << shops[key.first].id << ": interaction " << id
                  << " was answered 201 but contact " << key.second << " does not list it";
          checker.fail("interactions", problem.str());
        }
        std::lock_guard guard(checker.lock());
        checker.result().interactions += found;
      });

  // Uploads: the contacts each one imported, listed by upload.
  checker.in_parallel(
      ledger.uploads.size(), threads, [&](std::size_t i) { return ledger.uploads[i].shop; },
      [&](ApiClient& api, std::size_t i) {
        const AckedUpload& upload = ledger.uploads[i];
        const std::string id = std::to_string(upload.id);
        const auto stored = api.get(concat({"/api/customer-tracking/uploads/", id}));
        const auto contacts =
            all_items(api, concat({"/api/customer-tracking/contacts?upload_id=", id, "&"}));
        const auto listed = static_cast<std::int64_t>(contacts.size());
        if (stored.at("imported").get<std::int64_t>() == upload.imported &&
            listed == upload.imported) {
          std::lock_guard guard(checker.lock());
          ++checker.result().uploads;
          checker.result().upload_contacts += listed;
          return;
        }
        std::ostringstream problem;
        problem << "shop " << shops[upload.shop].id << ": upload " << upload.id << " answered "
                << upload.imported << " imported; it now says "
                << stored.at("imported").get<std::int64_t>() << " and lists " << listed
                << " contacts";
        checker.fail("uploads", problem.str());
      });
  return checker.result();
}

}  // namespace rx::bench
