#include "storage/postgres_database.h"

#include <gtest/gtest.h>

namespace rx::storage {
namespace {

TEST(PlaceholderTest, NumbersQuestionMarksOutsideQuotesAndComments) {
  EXPECT_EQ(to_postgres_placeholders("SELECT a FROM t WHERE x = ? AND y = ?"),
            "SELECT a FROM t WHERE x = $1 AND y = $2");
  EXPECT_EQ(to_postgres_placeholders("SELECT '?' , \"q?\" FROM t WHERE z = ?"),
            "SELECT '?' , \"q?\" FROM t WHERE z = $1");
  EXPECT_EQ(to_postgres_placeholders("-- why?\nSELECT ?"), "-- why?\nSELECT $1");
  EXPECT_EQ(to_postgres_placeholders("SELECT 1"), "SELECT 1");
}

}  // namespace
}  // namespace rx::storage
