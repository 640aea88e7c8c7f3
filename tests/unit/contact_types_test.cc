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
  expect_spelled_once(InteractionOutcome::kDoNotCall);
  expect_spelled_once(ReachFilter::kSetAside);
  expect_spelled_once(ContactSort::kScore);
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

TEST(ContactTypes, OnlyCallsThatDidNotReachCountTowardUnreachable) {
  for (auto outcome : {InteractionOutcome::kNoAnswer, InteractionOutcome::kBusy,
                       InteractionOutcome::kSwitchedOff}) {
    EXPECT_FALSE(is_reached(outcome)) << to_string(outcome);
    EXPECT_EQ(call_effect(InteractionKind::kCall, outcome, false), CallEffect::kNotReached);
    EXPECT_EQ(call_effect(InteractionKind::kWhatsapp, outcome, false), CallEffect::kNone)
        << "a message is not a call";
    EXPECT_EQ(call_effect(InteractionKind::kCall, outcome, true), CallEffect::kCameBack)
        << "the person called the shop";
  }
  for (auto outcome : {InteractionOutcome::kAnswered, InteractionOutcome::kInterested,
                       InteractionOutcome::kNotInterested, InteractionOutcome::kCallbackRequested,
                       InteractionOutcome::kWrongNumber, InteractionOutcome::kDoNotCall}) {
    EXPECT_TRUE(is_reached(outcome)) << to_string(outcome);
    EXPECT_EQ(call_effect(InteractionKind::kCall, outcome, false), CallEffect::kReached);
  }
  EXPECT_EQ(call_effect(InteractionKind::kVisit, InteractionOutcome::kAnswered, false),
            CallEffect::kCameBack);
  EXPECT_EQ(parse_logged_outcome("do_not_call"), InteractionOutcome::kDoNotCall);
}

}  // namespace
}  // namespace rx::contacts
