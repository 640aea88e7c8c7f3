#pragma once

#include <string>

namespace rx::test {

// Runs SQL straight on a test server's database (either engine), for rows no API writes yet:
// outbox messages and per-message prices, which belong to the messaging work.
void exec_sql(const std::string& db_url, const std::string& sql);
// The first column of the first row a query answers, as text ("" for NULL); throws when there
// is no row.
std::string query_text(const std::string& db_url, const std::string& sql);

}  // namespace rx::test
