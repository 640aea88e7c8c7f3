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
//   contact-sheet numbers (for conversions), staff emails; lists comma-separated
//   (bench/data/fixtures.h reads it back).
// Prints a JSON summary (counts and seconds per phase) on standard output.
#include "rxtrack_cli.h"
#include "scale.h"
#include "shop_filler.h"
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

struct Options {
  std::string rxtrack;
  std::string db_url;
  std::string server;
  std::string out_dir;
  std::string scale_name = "small";
  unsigned seed = 7;
  int threads = 8;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
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
    shop.id =
        cli.create_shop("Bench Pharmacy " + std::to_string(index + 1), shop.email, kBenchPassword);
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
    tasks.emplace_back([&, s = &shop] { fill_telecalling(options.server, *scale, *s, totals); });
    tasks.emplace_back([&, s = &shop] { fill_counter(options.server, *scale, *s, totals); });
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
  app.add_option("--scale", options.scale_name, "smoke, small (100k contacts), full (1M) or soak")
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
