#pragma once

#include "core/clock.h"
#include "storage/database.h"

#include <string>
#include <utility>
#include <vector>

namespace rx::app {

struct DemoSummary {
  std::int64_t shop_id = 0;
  std::string shop_name;
  std::string password;
  std::vector<std::pair<std::string, std::string>> sign_ins;  // role, email
};

// Creates a demo shop through the same services the API uses, so the demo data obeys every rule.
DemoSummary fill_demo_shop(storage::Database& db, const core::Clock& clock);

}  // namespace rx::app
