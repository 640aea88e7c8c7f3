#include "automation/refill_cadence.h"

#include "core/error.h"

#include <gtest/gtest.h>

namespace rx::automation {
namespace {

using date::days;
using date::sys_days;
using namespace date::literals;

std::optional<RefillCadence> read(const nlohmann::json& body, nlohmann::json* errors = nullptr) {
  core::FieldReader fields(body);
  auto cadence = read_refill_cadence(fields, "refill_cadence");
  try {
    fields.finish();
  } catch (const core::AppError& e) {
    if (errors) *errors = e.details();
  }
  return cadence;
}

TEST(RefillCadence, ReadsSortedDistinctSteps) {
  const auto cadence = read({{"refill_cadence", {3, -5, -1}}});
  ASSERT_TRUE(cadence);
  EXPECT_EQ(cadence->offsets, (std::vector<int>{-5, -1, 3}));
  EXPECT_FALSE(read(nlohmann::json::object()).has_value());
}

TEST(RefillCadence, RejectsEachKindOfBadCadenceNamingTheField) {
  for (const nlohmann::json& bad :
       {nlohmann::json::array(), nlohmann::json{1, 2, 3, 4, 5, 6}, nlohmann::json{-31},
        nlohmann::json{31}, nlohmann::json{-5, -5}, nlohmann::json{"-5"}, nlohmann::json{1.5},
        nlohmann::json("-5")}) {
    nlohmann::json errors;
    EXPECT_FALSE(read({{"refill_cadence", bad}}, &errors).has_value()) << bad;
    EXPECT_TRUE(errors["fields"].contains("refill_cadence")) << bad << " " << errors;
  }
}

TEST(RefillCadence, StepDaysFollowTheRunOutAndTheCustomersLead) {
  const sys_days run_out = 2026_y / 12 / 20;
  const RefillCadence cadence{{-5, -1, 3}};
  EXPECT_EQ(step_days(run_out, cadence, std::nullopt),
            (std::vector<sys_days>{run_out - days{5}, run_out - days{1}, run_out + days{3}}));
  // A customer who wants ten days' notice: the first step before running out moves.
  EXPECT_EQ(step_days(run_out, cadence, 10),
            (std::vector<sys_days>{run_out - days{10}, run_out - days{1}, run_out + days{3}}));
  // A lead that lands on another step does not send twice that day.
  EXPECT_EQ(step_days(run_out, cadence, 1),
            (std::vector<sys_days>{run_out - days{1}, run_out + days{3}}));
  // A cadence with no step before running out gains one.
  EXPECT_EQ(step_days(run_out, RefillCadence{{2}}, 4),
            (std::vector<sys_days>{run_out - days{4}, run_out + days{2}}));
}

}  // namespace
}  // namespace rx::automation
