// Migration 0016 renames contact_reminders to contact_follow_ups on both engines: the rows, their
// ids and the id sequence carry over, and no index keeps the old name. The PostgreSQL half runs
// when RXTRACK_TEST_PG_URL names a server where the test may create a database.

#include "migration_fixture.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rx::storage {
namespace {

constexpr int kRenameVersion = 16;

using FollowUpMigrationTest = EngineMigrationTest;

TEST_P(FollowUpMigrationTest, ContactRemindersBecomeContactFollowUpsWithTheirRowsAndIds) {
  migrate_to_before(kRenameVersion);
  std::int64_t set_before = 0;
  db_->transaction(TxMode::kWrite, [&](Connection& c) {
    const std::int64_t shop = insert_shop(c);
    const std::int64_t staff = c.query_int(
        "INSERT INTO staff (shop_id, name, email, role, password_hash, created_at, updated_at) "
        "VALUES (?, 'S', 's@example.com', 'staff', 'h', 1, 1) RETURNING id",
        {shop});
    const std::int64_t contact = c.query_int(
        "INSERT INTO contact_records (shop_id, phone, created_at, updated_at) VALUES (?, "
        "'+919800000001', 1, 1) RETURNING id",
        {shop});
    set_before = c.query_int(
        "INSERT INTO contact_reminders (shop_id, contact_id, staff_id, created_by, due_at, note, "
        "created_at) VALUES (?, ?, ?, ?, 500, 'call back', 2) RETURNING id",
        {shop, contact, staff, staff});
  });

  // The rename and every migration after it apply, the rename first.
  const MigrationReport report = migrate(*db_, 3);
  ASSERT_FALSE(report.applied.empty());
  EXPECT_EQ(report.applied.front(), kRenameVersion);

  db_->transaction(TxMode::kWrite, [&](Connection& c) {
    EXPECT_EQ(c.query_int("SELECT COUNT(*) FROM contact_follow_ups WHERE id = ? AND due_at = 500 "
                          "AND note = 'call back' AND done_at IS NULL",
                          {set_before}),
              1);
    // The ids go on from where they were (PostgreSQL's identity sequence came along).
    const std::int64_t set_after = c.query_int(
        "INSERT INTO contact_follow_ups (shop_id, contact_id, staff_id, due_at, created_at) "
        "SELECT shop_id, contact_id, staff_id, 600, 4 FROM contact_follow_ups RETURNING id");
    EXPECT_GT(set_after, set_before);
    EXPECT_EQ(
        indexes_of(c, "contact_follow_ups"),
        (std::vector<std::string>{"contact_follow_ups_by_contact", "contact_follow_ups_by_staff"}));
  });
  EXPECT_THROW(
      db_->with_connection([](Connection& c) { c.query("SELECT 1 FROM contact_reminders"); }),
      std::exception);
}

INSTANTIATE_TEST_SUITE_P(Engines, FollowUpMigrationTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rx::storage
