// The load test of issue 8: N clients for D seconds against one or more running `rxtrack serve`
// processes (sharing one database), each client looping over a weighted mix of reads, bills,
// logged calls and sheet uploads as one of the shops' staff; afterwards every acknowledged
// write is looked up again through the API, and the servers' memory (sampled every second
// from /proc) must be flat. Prints a Markdown report; exits 1 on any failure.
//
//   soak --fixtures DIR/fixtures.tsv --server http://127.0.0.1:PORT [--server URL2]
//        --pid PID [--pid PID2] [--clients 200] [--seconds 300]
//
// The fixtures are make_dataset's (bench/data); bench/load/run-soak.sh does all of it.
#include "accounts.h"
#include "fixtures.h"
#include "soak_client.h"
#include "soak_result.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

namespace rx::bench {
namespace {

struct Options {
  std::string fixtures;
  std::vector<std::string> servers;
  std::vector<int> pids;
  int clients = 200;
  double seconds = 300;
  double memory_window = 60;
  double uploads_per_mille = RequestMix::kUploadsPerMille;
  int check_threads = 8;
  SoakLimits limits;
};

// The load itself: every client on its own thread until `seconds` have passed.
double run_clients(std::vector<std::unique_ptr<SoakClient>>& clients, double seconds) {
  std::atomic<bool> stop{false};
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (auto& client : clients) threads.emplace_back([&stop, &client] { client->run(stop); });
  std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
  stop = true;
  for (auto& thread : threads) thread.join();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

int run(const Options& options) {
  const std::vector<ShopFixture> shops = read_fixtures(options.fixtures);
  const std::vector<Account> accounts = sign_in_accounts(options.servers.front(), shops);
  const std::vector<std::int64_t> bills_before = count_bills(options.servers.front(), shops);

  // Client i acts as account i % A, on server (i / A) % S: each account's clients are spread
  // over every server.
  std::vector<std::unique_ptr<SoakClient>> clients;
  for (int i = 0; i < options.clients; ++i) {
    const auto n = static_cast<std::size_t>(i);
    const Account& account = accounts[n % accounts.size()];
    const std::string& server = options.servers[(n / accounts.size()) % options.servers.size()];
    clients.push_back(std::make_unique<SoakClient>(i, server, account, shops[account.shop],
                                                   options.uploads_per_mille));
  }
  std::fprintf(stderr, "soak: %d clients as %zu accounts of %zu shops on %zu servers for %.0f s\n",
               options.clients, accounts.size(), shops.size(), options.servers.size(),
               options.seconds);

  RssSampler memory(options.pids);
  memory.start();
  SoakResult result;
  result.seconds = run_clients(clients, options.seconds);
  memory.stop();

  result.clients = options.clients;
  result.servers = options.servers.size();
  result.shops = shops.size();
  result.accounts = accounts.size();
  result.memory_window = std::min(options.memory_window, options.seconds / 3);
  result.memory = memory.summarize(result.memory_window);
  WriteLedger ledger;
  for (const auto& client : clients) {
    result.requests.merge(client->stats());
    ledger.merge(client->ledger());
  }
  std::fprintf(stderr, "soak: load done; looking up every acknowledged write\n");
  // Through the last server: with two, most writes were made through the other one.
  result.writes =
      check_writes(options.servers.back(), shops, bills_before, ledger, options.check_threads);
  const std::vector<std::string> failures = judge(result, options.limits);
  print_report(result, options.limits, failures);
  return failures.empty() ? 0 : 1;
}

}  // namespace
}  // namespace rx::bench

int main(int argc, char** argv) {
  rx::bench::Options o;
  bool no_memory_check = false;
  CLI::App app("The rxtrack load test: many clients, a mix of requests, every write checked");
  app.add_option("--fixtures", o.fixtures, "make_dataset's fixtures.tsv")->required();
  app.add_option("--server", o.servers, "a running server, http://HOST:PORT (repeatable)")
      ->required();
  app.add_option("--pid", o.pids, "a server's process id, for its memory (repeatable)");
  app.add_option("--clients", o.clients, "concurrent clients")->capture_default_str();
  app.add_option("--seconds", o.seconds, "how long the load lasts")->capture_default_str();
  app.add_option("--memory-window", o.memory_window,
                 "seconds of the first and last memory medians (at most a third of the run)")
      ->capture_default_str();
  app.add_option("--memory-growth-percent", o.limits.memory_growth_percent,
                 "how much the last window's median may exceed the first's, in percent...")
      ->capture_default_str();
  app.add_option("--memory-growth-mb", o.limits.memory_growth_mb, "...plus this many MB")
      ->capture_default_str();
  app.add_flag("--no-memory-check", no_memory_check,
               "report the memory without judging it (for runs too short to show a trend)");
  app.add_option("--max-503", o.limits.max_unavailable, "503 answers accepted")
      ->capture_default_str();
  app.add_option("--uploads-per-mille", o.uploads_per_mille,
                 "sheet uploads in a thousand requests of an owner or a manager")
      ->capture_default_str();
  app.add_option("--check-threads", o.check_threads, "parallel requests of the final checks")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  o.limits.check_memory = !no_memory_check;
  if (o.clients < 1 || o.seconds <= 0) {
    std::fprintf(stderr, "soak: --clients and --seconds must be positive\n");
    return 2;
  }
  try {
    return rx::bench::run(o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "soak: %s\n", e.what());
    return 1;
  }
}
