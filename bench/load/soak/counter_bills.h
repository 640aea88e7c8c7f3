#pragma once

#include "fixtures.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace rx::bench {

// The bills one soak client's counter makes, drawn in turn: a walk-in with a number nobody used
// before (a new customer), a returning customer (one of the shop's from the dataset or one this
// client billed), or a number from the shop's contact sheet (a new customer converting the
// contact, or a returning one when an earlier bill converted it). Bodies for POST /api/bills.
class CounterBills {
 public:
  CounterBills(int client, const ShopFixture& shop);

  nlohmann::json next(std::mt19937_64& rng);
  // A customer's phone to look up at the counter: a dataset customer's as typed, or E.164.
  const std::string& known_phone(std::mt19937_64& rng) const;
  // A phone (E.164) this client billed; later bills and lookups may use it.
  void remember(const std::string& phone);

 private:
  std::string walk_in_number();

  const int client_;
  const ShopFixture& shop_;
  std::uint64_t walk_ins_ = 0;
  std::vector<std::string> known_phones_;
};

}  // namespace rx::bench
