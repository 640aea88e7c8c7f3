// Two reads of a contact that must not walk the whole shop on SQLite, which keeps no statistics
// and so chooses between indexes by their shape alone: checked on the statements the
// repositories run, in a freshly migrated database.
#include "contacts/assignment_repository.h"
#include "contacts/contact_repository.h"
#include "sqlite_plan.h"

#include <gtest/gtest.h>

#include <string>

namespace rx::contacts {
namespace {

using ContactPlansTest = test::MigratedSqliteTest;

// Every list without a status subtracts the contacts set aside from the kept counts; they are
// counted through their partial index, not through another index of the whole shop.
TEST_F(ContactPlansTest, TheSetAsideAreCountedThroughTheirPartialIndex) {
  ContactFilter aside;
  aside.reach = ReachFilter::kSetAside;
  const auto [sql, params] = ContactRepository::count_statement(core::ShopId(1), aside);
  const std::string plan = plan_of(sql, params);
  EXPECT_NE(plan.find("contact_records_set_aside"), std::string::npos) << plan;
}

// A best-first page reads the shop's scores in their index's order and stops after the page:
// no sort of the shop's contacts, each contact found by its id.
TEST_F(ContactPlansTest, ABestFirstPageReadsTheScoresInOrder) {
  for (const bool pending_only : {false, true}) {
    ContactFilter filter;
    if (pending_only) filter.status = ContactStatus::kPending;
    for (const std::int64_t offset : {0, 100}) {
      const auto [sql, params] =
          ContactRepository::best_first_statement(core::ShopId(1), filter, 50, offset);
      const std::string plan = plan_of(sql, params);
      EXPECT_NE(plan.find("SEARCH cs USING INDEX contact_scores_by_score (shop_id=?)"),
                std::string::npos)
          << plan;
      EXPECT_NE(plan.find("SEARCH cr USING INTEGER PRIMARY KEY (rowid=?)"), std::string::npos)
          << plan;
      EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
    }
  }
}

// The contact page's assignment history is found by the contact, newest first, without walking
// the shop's history through (shop_id, id).
TEST_F(ContactPlansTest, AContactsAssignmentHistoryIsFoundByTheContact) {
  const std::string plan =
      plan_of(std::string(AssignmentRepository::for_contact_sql()), {1, 2, 20});
  EXPECT_NE(plan.find("contact_assignments_by_contact (shop_id=? AND contact_id=?)"),
            std::string::npos)
      << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
}

}  // namespace
}  // namespace rx::contacts
