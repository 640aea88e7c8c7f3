#include "core/json_fields.h"
#include "core/error.h"

#include <gtest/gtest.h>

namespace rx::core {
namespace {

TEST(FieldReaderTest, CollectsEveryProblemBeforeFailing) {
  nlohmann::json body = {{"name", "  "}, {"age", "ten"}, {"ok", true}, {"big", 99}};
  FieldReader fields(body);
  EXPECT_FALSE(fields.text("name", Presence::kRequired).has_value());
  EXPECT_FALSE(fields.integer("age", Presence::kRequired, 0, 130).has_value());
  EXPECT_EQ(fields.boolean("ok", Presence::kRequired), true);
  EXPECT_FALSE(fields.integer("big", Presence::kRequired, 0, 10).has_value());
  EXPECT_FALSE(fields.text("missing", Presence::kOptional).has_value());
  try {
    fields.finish();
    FAIL() << "expected a validation error";
  } catch (const AppError& e) {
    EXPECT_EQ(e.code(), ErrorCode::kValidation);
    const auto& problems = e.details()["fields"];
    EXPECT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems["name"], "required");
    EXPECT_TRUE(problems.contains("age"));
    EXPECT_TRUE(problems.contains("big"));
  }
}

TEST(FieldReaderTest, TrimsTextAndEnforcesLength) {
  nlohmann::json body = {{"name", "  Asha  "}, {"long", std::string(20, 'x')}};
  FieldReader fields(body);
  EXPECT_EQ(fields.text("name", Presence::kRequired), "Asha");
  EXPECT_FALSE(fields.text("long", Presence::kRequired, 10).has_value());
  EXPECT_FALSE(fields.ok());
}

TEST(FieldReaderTest, RejectsANonObjectBody) {
  EXPECT_THROW(FieldReader(nlohmann::json::array()), AppError);
}

}  // namespace
}  // namespace rx::core
