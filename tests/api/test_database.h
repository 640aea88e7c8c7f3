#pragma once

#include <string>
#include <vector>

namespace rx::test {

// Direct SQL on a test server's database (sqlite: or postgresql:// URL), for what the API cannot
// show: integrity checks, the append-only triggers, rows the API would never return.
struct SqlResult {
  bool ok = false;
  std::string error;
  std::vector<std::vector<std::string>> rows;  // NULL reads as ""
};
SqlResult run_sql(const std::string& db_url, const std::string& sql);

// The first column of the first row; throws when the statement fails.
std::string sql_scalar(const std::string& db_url, const std::string& sql);
long long sql_count(const std::string& db_url, const std::string& sql);

}  // namespace rx::test
