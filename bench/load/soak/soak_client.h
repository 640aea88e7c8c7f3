#pragma once

#include "accounts.h"
#include "counter_bills.h"
#include "fixtures.h"
#include "request_kind.h"
#include "request_stats.h"
#include "write_ledger.h"

#include <httplib.h>

#include <atomic>
#include <functional>
#include <random>
#include <string>

namespace rx::bench {

// One simulated user: a kept-alive connection to one server, signed in as one account, looping
// over the request mix until told to stop (the request in hand is finished first). Tallies every
// answer and keeps every acknowledged write for the checks.
class SoakClient {
 public:
  SoakClient(int id, const std::string& server, const Account& account, const ShopFixture& shop,
             double uploads_per_mille);

  void run(const std::atomic<bool>& stop);

  const RequestStats& stats() const { return stats_; }
  const WriteLedger& ledger() const { return ledger_; }

 private:
  enum class Outcome { kExpected, kOtherStatus, kNoAnswer };
  // Sends one request, times it and files its answer; `on_expected` reads an answer with the
  // expected status (and throws when it cannot: the answer then counts as a bad one).
  Outcome send(RequestKind kind, int expected_status, const std::function<httplib::Result()>& call,
               const std::function<void(const httplib::Response&)>& on_expected = {});
  void get(RequestKind kind, const std::string& path);

  void contact_list();
  void contact_detail();
  void customer_lookup();
  void refill_due();
  void conversion_report();
  void bill_create();
  void interaction();
  void upload();

  const int id_;
  const Account& account_;
  httplib::Client http_;
  std::mt19937_64 rng_;
  RequestMix mix_;
  CounterBills bills_;
  int uploads_ = 0;
  RequestStats stats_;
  WriteLedger ledger_;
};

}  // namespace rx::bench
