// Migration 0028 moves the open contacts' conversion scores off contact_records into
// contact_scores on both engines: each scored contact keeps its score, an unscored one gets no
// row, and contact_records keeps neither score column nor the index on them.

#include "migration_fixture.h"

#include <gtest/gtest.h>

#include <string>

namespace rx::storage {
namespace {

constexpr int kScoresTableVersion = 28;

using ContactScoresMigrationTest = EngineMigrationTest;

TEST_P(ContactScoresMigrationTest, ScoresMoveToTheirOwnTableAndLeaveTheContactRows) {
  migrate_to_before(kScoresTableVersion);
  std::int64_t scored = 0;
  std::int64_t unscored = 0;
  const std::string json = R"({"p":0.42,"band":"medium","model":"baseline","reasons":[]})";
  db_->transaction(TxMode::kWrite, [&](Connection& c) {
    const std::int64_t shop = insert_shop(c);
    scored = c.query_int(
        "INSERT INTO contact_records (shop_id, phone, created_at, updated_at, "
        "conversion_score_ppm, conversion_score) VALUES (?, '+919800000001', 1, 1, 420000, ?) "
        "RETURNING id",
        {shop, json});
    unscored = c.query_int(
        "INSERT INTO contact_records (shop_id, phone, created_at, updated_at) VALUES (?, "
        "'+919800000002', 1, 1) RETURNING id",
        {shop});
  });

  const MigrationReport report = migrate(*db_, 3);
  ASSERT_FALSE(report.applied.empty());
  EXPECT_EQ(report.applied.front(), kScoresTableVersion);

  db_->transaction(TxMode::kWrite, [&](Connection& c) {
    EXPECT_EQ(c.query_int("SELECT COUNT(*) FROM contact_scores WHERE contact_id = ? AND "
                          "score_ppm = 420000 AND score = ?",
                          {scored, json}),
              1);
    EXPECT_EQ(c.query_int("SELECT COUNT(*) FROM contact_scores WHERE contact_id = ?", {unscored}),
              0);
    EXPECT_EQ(indexes_of(c, "contact_scores"), std::vector<std::string>{"contact_scores_by_score"});
    for (const std::string& index : indexes_of(c, "contact_records"))
      EXPECT_NE(index, "contact_records_by_score");
    // A score belongs to a contact of its shop: deleting the contact deletes it.
    c.query("DELETE FROM contact_records WHERE id = ?", {scored});
    EXPECT_EQ(c.query_int("SELECT COUNT(*) FROM contact_scores"), 0);
  });
  EXPECT_THROW(db_->with_connection([](Connection& c) {
    c.query("SELECT conversion_score_ppm FROM contact_records");
  }),
               std::exception);
}

INSTANTIATE_TEST_SUITE_P(Engines, ContactScoresMigrationTest,
                         ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rx::storage
