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
// counted through their partial index, not through the score index, which holds every contact.
TEST_F(ContactPlansTest, TheSetAsideAreCountedThroughTheirPartialIndex) {
  ContactFilter aside;
  aside.reach = ReachFilter::kSetAside;
  const auto [sql, params] = ContactRepository::count_statement(core::ShopId(1), aside);
  const std::string plan = plan_of(sql, params);
  EXPECT_NE(plan.find("contact_records_set_aside"), std::string::npos) << plan;
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
