#pragma once

#include "report_data.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <string>

namespace rx::test {

inline const std::string kReports = "/api/customer-tracking/reports/";

// One server per suite; each test builds the shops it needs.
class ReportsTest : public SharedServerTest {
 protected:
  // GET a report as JSON, expecting 200.
  nlohmann::json report(const SignedInStaff& who, const std::string& path_and_query) {
    Response res = client(who).get(kReports + path_and_query);
    EXPECT_EQ(res.status, 200) << path_and_query << " " << res.raw;
    return res.body;
  }
};

}  // namespace rx::test
