// Fills an rxtrack database for the benchmarks through rxtrack's own paths: `rxtrack shop
// create` for the shops, `rxtrack import` for their contact sheets, and the HTTP API of a
// running `rxtrack serve` for staff, assignment, calls and bills. Deterministic for a seed
// (dates are relative to today, so refill reminders fall due whenever it runs).
//
//   make_dataset --rxtrack BIN --db URL --server http://127.0.0.1:PORT --out DIR --scale small
// (--db may come from RXTRACK_DB instead, which keeps a password off the process list).
//
// Writes DIR/fixtures.tsv for the load scripts (bench/load/*.lua), one line per shop:
//   shop id, bearer token, sampled contact ids, customers' phones (as typed), unbilled
//   contact-sheet numbers (for conversions); lists comma-separated.
// Prints a JSON summary (counts and seconds per phase) on standard output.
#include "activity_plan.h"
#include "api_client.h"
#include "rxtrack_cli.h"
#include "scale.h"
#include "shop_sheet.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

namespace rx::bench {
namespace {

constexpr const char* kPassword = "bench-password";
constexpr std::size_t kFixtureIds = 1000;
constexpr std::size_t kFixturePhones = 1000;
constexpr std::size_t kFixtureFresh = 5000;

struct Options {
  std::string rxtrack;
  std::string db_url;
  std::string server;
  std::string out_dir;
  std::string scale_name = "small";
  unsigned seed = 7;
  int threads = 8;
};

struct ShopState {
  int index = 0;
  unsigned seed = 0;
  std::int64_t id = 0;
  std::string email;
  std::string token;
  std::vector<std::uint64_t> numbers;     // the sheet's distinct valid numbers
  std::vector<std::int64_t> contact_ids;  // sampled from the contact list
  std::vector<std::uint64_t> customers;   // numbers that have bills
};

struct Totals {
  std::atomic<std::int64_t> staff{0};
  std::atomic<std::int64_t> interactions{0};
  std::atomic<std::int64_t> bills{0};
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

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

// The telecallers of one shop: staff accounts, an assignment round, their calls. Samples the
// contact ids the detail benchmark asks for.
void fill_telecalling(const Options& options, const Scale& scale, ShopState& shop, Totals& totals) {
  ApiClient api(options.server);
  api.sign_in(shop.email, kPassword);
  nlohmann::json staff_ids = nlohmann::json::array();
  for (int k = 0; k < scale.staff_per_shop; ++k) {
    const std::string email =
        "staff-" + std::to_string(shop.index) + "-" + std::to_string(k) + "@bench.example";
    const nlohmann::json created = api.post(
        "/api/staff", {{"name", "Telecaller " + std::to_string(k + 1)},
                       {"email", email},
                       {"password", kPassword},
                       {"role", k == 0 && scale.staff_per_shop > 1 ? "manager" : "staff"}});
    staff_ids.push_back(created.at("id"));
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

// The counter of one shop: its bills, in time order (returning customers need their first).
void fill_counter(const Options& options, const Scale& scale, ShopState& shop, Totals& totals) {
  ApiClient api(options.server);
  api.sign_in(shop.email, kPassword);
  const BillPlan bills = plan_bills(shop.numbers, scale.bills_per_shop, shop.seed, now_ms());
  for (const auto& bill : bills.bills) {
    api.post("/api/bills", bill);
    ++totals.bills;
  }
  shop.customers = bills.customers;
}

// Its line of fixtures.tsv: id, token, contact ids, customers' phones as the counter types
// them, and the unbilled second half of the sheet (for the load test's conversions).
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
  return line;
}

int run(const Options& options) {
  const auto scale = scale_named(options.scale_name);
  if (!scale) throw std::runtime_error("unknown scale " + options.scale_name);
  const std::int64_t per_shop = scale->contacts / scale->shops;
  RxtrackCli cli(options.rxtrack, options.db_url);
  std::vector<ShopState> shops(static_cast<std::size_t>(scale->shops));

  // Sheets and imports: the next shop's sheet is generated while rxtrack imports this one.
  const auto started = std::chrono::steady_clock::now();
  double import_seconds = 0;
  std::int64_t imported = 0;
  auto sheet_of = [&](int index) {
    return std::async(std::launch::async, [&options, per_shop, index] {
      ShopSheet sheet =
          make_shop_sheet(per_shop, options.seed * 1000 + static_cast<unsigned>(index));
      const std::string path =
          options.out_dir + "/shop-" + std::to_string(index) + (index % 2 ? ".xlsx" : ".csv");
      write_sheet(sheet, path);
      return std::make_pair(path, std::move(sheet.numbers));
    });
  };
  auto next = sheet_of(0);
  for (int index = 0; index < scale->shops; ++index) {
    auto [path, numbers] = next.get();
    if (index + 1 < scale->shops) next = sheet_of(index + 1);
    ShopState& shop = shops[static_cast<std::size_t>(index)];
    shop.index = index;
    shop.seed = options.seed * 1000 + static_cast<unsigned>(index);
    shop.email = "owner-" + std::to_string(index) + "@bench.example";
    shop.numbers = std::move(numbers);
    const auto import_started = std::chrono::steady_clock::now();
    shop.id = cli.create_shop("Bench Pharmacy " + std::to_string(index + 1), shop.email, kPassword);
    const nlohmann::json upload = cli.import_sheet(shop.id, path);
    import_seconds += seconds_since(import_started);
    std::remove(path.c_str());
    const auto stored = upload.at("imported").get<std::int64_t>();
    if (stored != static_cast<std::int64_t>(shop.numbers.size())) {
      throw std::runtime_error(path + ": rxtrack imported " + std::to_string(stored) +
                               " contacts, the generator wrote " +
                               std::to_string(shop.numbers.size()));
    }
    imported += stored;
  }
  const double sheets_and_imports = seconds_since(started);

  // The API part: each shop's telecalling and counter run as two tasks, all in parallel.
  const auto api_started = std::chrono::steady_clock::now();
  Totals totals;
  std::vector<std::function<void()>> tasks;
  for (auto& shop : shops) {
    tasks.emplace_back([&, s = &shop] { fill_telecalling(options, *scale, *s, totals); });
    tasks.emplace_back([&, s = &shop] { fill_counter(options, *scale, *s, totals); });
  }
  std::atomic<std::size_t> next_task{0};
  std::mutex failure_lock;
  std::string failure;
  std::vector<std::thread> workers;
  for (int t = 0; t < std::min<int>(options.threads, static_cast<int>(tasks.size())); ++t) {
    workers.emplace_back([&] {
      for (std::size_t i = next_task++; i < tasks.size(); i = next_task++) {
        try {
          tasks[i]();
        } catch (const std::exception& e) {
          std::lock_guard lock(failure_lock);
          failure = "shop " + std::to_string(i / 2) + ": " + e.what();
          next_task = tasks.size();
        }
      }
    });
  }
  for (auto& w : workers) w.join();
  if (!failure.empty()) throw std::runtime_error(failure);
  const double api_seconds = seconds_since(api_started);

  std::ofstream fixtures(options.out_dir + "/fixtures.tsv");
  for (const auto& shop : shops) fixtures << fixture_line(shop) << "\n";
  if (!fixtures) throw std::runtime_error("cannot write fixtures.tsv");

  const nlohmann::json summary = {{"shops", scale->shops},
                                  {"contacts", imported},
                                  {"staff", totals.staff.load()},
                                  {"interactions", totals.interactions.load()},
                                  {"bills", totals.bills.load()},
                                  {"seconds",
                                   {{"sheets_and_imports", sheets_and_imports},
                                    {"imports", import_seconds},
                                    {"api", api_seconds},
                                    {"total", seconds_since(started)}}}};
  std::printf("%s\n", summary.dump().c_str());
  return 0;
}

}  // namespace
}  // namespace rx::bench

int main(int argc, char** argv) {
  rx::bench::Options options;
  CLI::App app("Fills an rxtrack database for the benchmarks through rxtrack's CLI and API");
  app.add_option("--rxtrack", options.rxtrack, "the rxtrack binary")->required();
  app.add_option("--db", options.db_url, "the database URL the server uses")
      ->envname("RXTRACK_DB")
      ->required();
  app.add_option("--server", options.server, "the running server, http://HOST:PORT")->required();
  app.add_option("--out", options.out_dir, "folder for the sheets and fixtures.tsv")->required();
  app.add_option("--scale", options.scale_name, "smoke, small (100k contacts) or full (1M)")
      ->capture_default_str();
  app.add_option("--seed", options.seed, "generator seed")->capture_default_str();
  app.add_option("--threads", options.threads, "parallel API clients")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  try {
    return rx::bench::run(options);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_dataset: %s\n", e.what());
    return 1;
  }
}
