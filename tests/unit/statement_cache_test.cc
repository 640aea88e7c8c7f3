#include "storage/statement_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace rx::storage {
namespace {

const auto kAny = [](int) { return true; };

TEST(StatementCacheTest, FindsWhatWasAdded) {
  StatementCache<int> cache(3);
  EXPECT_EQ(cache.find("SELECT 1"), nullptr);
  EXPECT_FALSE(cache.add("SELECT 1", 1, kAny));
  ASSERT_NE(cache.find("SELECT 1"), nullptr);
  EXPECT_EQ(*cache.find("SELECT 1"), 1);
  EXPECT_EQ(cache.find("SELECT 2"), nullptr);
}

TEST(StatementCacheTest, PastItsCapacityHandsBackTheLeastRecentlyUsed) {
  StatementCache<int> cache(3);
  cache.add("a", 1, kAny);
  cache.add("b", 2, kAny);
  cache.add("c", 3, kAny);
  ASSERT_NE(cache.find("a"), nullptr);  // "b" is now the least recently used
  const auto evicted = cache.add("d", 4, kAny);
  ASSERT_TRUE(evicted);
  EXPECT_EQ(*evicted, 2);
  EXPECT_EQ(cache.size(), 3U);
  EXPECT_EQ(cache.find("b"), nullptr);
  EXPECT_NE(cache.find("a"), nullptr);
  EXPECT_NE(cache.find("c"), nullptr);
  EXPECT_NE(cache.find("d"), nullptr);
}

TEST(StatementCacheTest, SkipsAStatementThatMayNotGo) {
  StatementCache<int> cache(2);
  cache.add("busy", 1, kAny);
  cache.add("idle", 2, kAny);
  const auto evicted = cache.add("new", 3, [](int handle) { return handle != 1; });
  ASSERT_TRUE(evicted);
  EXPECT_EQ(*evicted, 2);
  EXPECT_NE(cache.find("busy"), nullptr);
}

TEST(StatementCacheTest, GrowsPastItsCapacityOnlyWhenNothingMayGo) {
  StatementCache<int> cache(1);
  cache.add("busy", 1, kAny);
  EXPECT_FALSE(cache.add("new", 2, [](int) { return false; }));
  EXPECT_EQ(cache.size(), 2U);
}

TEST(StatementCacheTest, VisitsEveryStatementToFreeIt) {
  StatementCache<int> cache(4);
  for (int i = 0; i < 4; ++i) cache.add(std::to_string(i), i, kAny);
  int sum = 0;
  cache.for_each([&](int handle) { sum += handle; });
  EXPECT_EQ(sum, 0 + 1 + 2 + 3);
}

}  // namespace
}  // namespace rx::storage
