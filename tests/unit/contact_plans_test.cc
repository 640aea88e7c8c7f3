// Two reads of a contact that must not walk the whole shop on SQLite, which keeps no statistics
// and so chooses between indexes by their shape alone: checked on the statements the
// repositories run, in a freshly migrated database.
#include "contacts/assignment_repository.h"
#include "contacts/contact_repository.h"
#include "storage/codec.h"
#include "storage/database.h"
#include "storage/migrations.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace rx::contacts {
namespace {

std::string contact_plan(storage::Connection& c, const std::string& sql,
                         const storage::Params& params) {
  std::string plan;
  c.for_each_row("EXPLAIN QUERY PLAN " + sql, params, [&](const storage::RowView& row) {
    plan += storage::Codec<std::string>::read(row, 3) + "\n";
  });
  return plan;
}

class ContactPlansTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::remove(path_);
    db_ = storage::open_database("sqlite:" + path_.string(), 1);
    storage::migrate(*db_, 1000);
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove(path_);
  }

  std::filesystem::path path_ = std::filesystem::temp_directory_path() /
                                ("rxunit_contact_plans_" + std::to_string(getpid()) + ".db");
  std::unique_ptr<storage::Database> db_;
};

// Every list without a status subtracts the contacts set aside from the kept counts; they are
// counted through their partial index, not through the score index, which holds every contact.
TEST_F(ContactPlansTest, TheSetAsideAreCountedThroughTheirPartialIndex) {
  ContactFilter aside;
  aside.reach = ReachFilter::kSetAside;
  const auto [sql, params] = ContactRepository::count_statement(core::ShopId(1), aside);
  db_->with_connection([&](storage::Connection& c) {
    const std::string plan = contact_plan(c, sql, params);
    EXPECT_NE(plan.find("contact_records_set_aside"), std::string::npos) << plan;
  });
}

// The contact page's assignment history is found by the contact, newest first, without walking
// the shop's history through (shop_id, id).
TEST_F(ContactPlansTest, AContactsAssignmentHistoryIsFoundByTheContact) {
  db_->with_connection([&](storage::Connection& c) {
    const std::string plan =
        contact_plan(c, std::string(AssignmentRepository::for_contact_sql()), {1, 2, 20});
    EXPECT_NE(plan.find("contact_assignments_by_contact (shop_id=? AND contact_id=?)"),
              std::string::npos)
        << plan;
    EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
  });
}

}  // namespace
}  // namespace rx::contacts
