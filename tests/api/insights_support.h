#pragma once

#include "api_paths.h"
#include "test_server.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace rx::test {

// `rxtrack insights train` of one shop on the server's database: both scorers, as the nightly
// run would.
inline CommandResult train_shop(const TestServer& server, std::int64_t shop_id) {
  return run_rxtrack(
      {"insights", "train", "--db", server.db_url(), "--shop", std::to_string(shop_id)});
}

// The model of `kind` ("conversion", "lapse") in a GET insights/models answer, or null.
inline const nlohmann::json& model_of(const Response& models, const std::string& kind) {
  for (const nlohmann::json& m : models.body["models"])
    if (m["kind"] == kind) return m;
  static const nlohmann::json none;
  return none;
}

}  // namespace rx::test
