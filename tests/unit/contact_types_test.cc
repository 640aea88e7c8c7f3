#include "contacts/contact_types.h"

#include <gtest/gtest.h>

#include <set>

namespace rx::contacts {
namespace {

// Every value of `E` from its first to its last is spelled once, and each spelling reads back.
template <class E>
void expect_spelled_once(E last) {
  std::set<std::string_view> seen;
  for (int i = 0; i <= static_cast<int>(last); ++i) {
    const E value = static_cast<E>(i);
    const std::string_view name = core::enum_name(value);
    EXPECT_FALSE(name.empty()) << i;
    EXPECT_TRUE(seen.insert(name).second) << name;
    EXPECT_EQ(core::enum_from_name<E>(name), value) << name;
  }
  EXPECT_EQ(seen.size(), core::EnumNames<E>::kNames.size());
}

TEST(ContactTypes, EachEnumIsSpelledOnce) {
  expect_spelled_once(ContactStatus::kYellow);
  expect_spelled_once(WhatsappStatus::kInactive);
  expect_spelled_once(InteractionKind::kVisit);
  expect_spelled_once(InteractionOutcome::kVisitedNoPurchase);
  expect_spelled_once(ContactSort::kRecentlyUpdated);
  expect_spelled_once(FollowUpFilter::kOverdue);
}

TEST(ContactTypes, StatusesKeepTheirStoredNames) {
  EXPECT_EQ(to_string(ContactStatus::kPending), "pending");
  EXPECT_EQ(to_string(ContactStatus::kContacted), "contacted");
  EXPECT_EQ(to_string(ContactStatus::kConverted), "converted");
  EXPECT_EQ(to_string(ContactStatus::kYellow), "yellow");
  EXPECT_EQ(parse_contact_status("Pending"), std::nullopt);
}

TEST(ContactTypes, StaffMayNotLogAVisitWithoutPurchase) {
  EXPECT_EQ(parse_logged_outcome("callback_requested"), InteractionOutcome::kCallbackRequested);
  EXPECT_EQ(parse_logged_outcome("visited_no_purchase"), std::nullopt);
  EXPECT_EQ(to_string(InteractionOutcome::kVisitedNoPurchase), "visited_no_purchase");
  EXPECT_EQ(parse_interaction_kind("whatsapp"), InteractionKind::kWhatsapp);
  EXPECT_EQ(parse_interaction_kind("email"), std::nullopt);
}

TEST(ContactTypes, OpenMeansPendingOrContacted) {
  EXPECT_TRUE(is_open(ContactStatus::kPending));
  EXPECT_TRUE(is_open(ContactStatus::kContacted));
  EXPECT_FALSE(is_open(ContactStatus::kYellow));
  EXPECT_FALSE(is_open(ContactStatus::kConverted));
}

}  // namespace
}  // namespace rx::contacts
