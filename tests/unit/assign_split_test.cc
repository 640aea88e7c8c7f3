#include "contacts/assign_split.h"

#include <gtest/gtest.h>

namespace rx::contacts {
namespace {

using core::ContactId;
using core::StaffId;

// Contact ids, for comparing a batch.
std::vector<ContactId> ids(std::initializer_list<std::int64_t> values) {
  std::vector<ContactId> out;
  for (std::int64_t v : values) out.emplace_back(v);
  return out;
}

AssignCandidate open_contact(std::int64_t id, std::optional<std::int64_t> holder = std::nullopt) {
  return {ContactId(id), true, holder ? std::optional(StaffId(*holder)) : std::nullopt, false};
}

AssignCandidate yellow_contact(std::int64_t id) {
  return {ContactId(id), false, std::nullopt, false};
}

const StaffId k7(7);
const StaffId k8(8);
const StaffId k9(9);

TEST(AssignSplit, DealsInTurnFromEqualLoadsSmallerStaffIdFirst) {
  const AssignSplit split = split_least_loaded(
      {k7, k9}, {},
      {open_contact(1), open_contact(2), open_contact(3), open_contact(4), open_contact(5)});
  EXPECT_EQ(split.batches.at(k7), ids({1, 3, 5}));
  EXPECT_EQ(split.batches.at(k9), ids({2, 4}));
  EXPECT_EQ(split.given.at(k7), 3);
  EXPECT_EQ(split.given.at(k9), 2);
}

TEST(AssignSplit, FillsTheLeastLoadedFirst) {
  // 7 holds 3 open contacts, 9 holds none: 9 takes three before 7 takes any.
  const AssignSplit split =
      split_least_loaded({k7, k9}, {{k7, 3}, {k9, 0}},
                         {open_contact(1), open_contact(2), open_contact(3), open_contact(4)});
  EXPECT_EQ(split.batches.at(k9), ids({1, 2, 3}));
  EXPECT_EQ(split.batches.at(k7), ids({4}));
}

TEST(AssignSplit, LoadsOfStaffNotChosenAreIgnored) {
  const AssignSplit split = split_least_loaded({k7}, {{k7, 2}, {k8, 0}}, {open_contact(1)});
  EXPECT_EQ(split.batches.at(k7), ids({1}));
  EXPECT_EQ(split.given.size(), 1u);
}

TEST(AssignSplit, AYellowContactAddsNoLoad) {
  // 7 takes the yellow contact and is still the least loaded (a tie goes to 7).
  const AssignSplit split =
      split_least_loaded({k7, k9}, {}, {yellow_contact(1), open_contact(2), open_contact(3)});
  EXPECT_EQ(split.batches.at(k7), ids({1, 2}));
  EXPECT_EQ(split.batches.at(k9), ids({3}));
}

TEST(AssignSplit, AContactBeingMovedNoLongerWeighsOnItsHolder) {
  // 9 holds 2 open contacts, one of which (id 1) is being reassigned: 9 counts 1, 7 counts 1.
  const AssignSplit split =
      split_least_loaded({k7, k9}, {{k7, 1}, {k9, 2}}, {open_contact(1, 9), open_contact(2)});
  EXPECT_EQ(split.batches.at(k7), ids({1}));
  EXPECT_EQ(split.batches.at(k9), ids({2}));
}

TEST(AssignSplit, EveryChosenStaffMemberIsCountedEvenWithNothing) {
  const AssignSplit split = split_least_loaded({k7, k9}, {{k9, 5}}, {open_contact(1)});
  EXPECT_EQ(split.given.at(k7), 1);
  EXPECT_EQ(split.given.at(k9), 0);
  EXPECT_EQ(split.batches.count(k9), 0u);
}

TEST(AssignSplit, NoStaffGivesNothing) {
  const AssignSplit split = split_least_loaded({}, {}, {open_contact(1)});
  EXPECT_TRUE(split.batches.empty());
  EXPECT_TRUE(split.given.empty());
  EXPECT_EQ(split.left_over, ids({1}));
}

TEST(AssignSplit, NoOneGoesAboveCapacityAndTheRestIsLeftOver) {
  // 7 may hold 2 (holds 1), 9 may hold 1 (holds 0): one more each... then 7 one more; 4, 5 left.
  const AssignSplit split = split_least_loaded(
      {k7, k9}, {{k7, 1}},
      {open_contact(1), open_contact(2), open_contact(3), open_contact(4), open_contact(5)},
      {{k7, 2}, {k9, 1}});
  EXPECT_EQ(split.batches.at(k9), ids({1}));
  EXPECT_EQ(split.batches.at(k7), ids({2}));
  EXPECT_EQ(split.given.at(k7), 1);
  EXPECT_EQ(split.given.at(k9), 1);
  EXPECT_EQ(split.left_over, ids({3, 4, 5}));
}

TEST(AssignSplit, TheLeastLoadedWithRoomTakesItWhenTheLeastLoadedIsFull) {
  // 7 holds 1 of 1; 9 holds 3 with no limit: 9 takes both although more loaded.
  const AssignSplit split = split_least_loaded({k7, k9}, {{k7, 1}, {k9, 3}},
                                               {open_contact(1), open_contact(2)}, {{k7, 1}});
  EXPECT_EQ(split.batches.count(k7), 0u);
  EXPECT_EQ(split.batches.at(k9), ids({1, 2}));
  EXPECT_TRUE(split.left_over.empty());
}

TEST(AssignSplit, ALoadAlreadyAboveCapacityTakesNothingOpen) {
  const AssignSplit split = split_least_loaded({k7}, {{k7, 5}}, {open_contact(1)}, {{k7, 3}});
  EXPECT_TRUE(split.batches.empty());
  EXPECT_EQ(split.left_over, ids({1}));
}

TEST(AssignSplit, AYellowContactFitsEvenWhenEveryoneIsFull) {
  const AssignSplit split =
      split_least_loaded({k7}, {{k7, 1}}, {yellow_contact(1), open_contact(2)}, {{k7, 1}});
  EXPECT_EQ(split.batches.at(k7), ids({1}));
  EXPECT_EQ(split.left_over, ids({2}));
}

TEST(AssignSplit, MovingAContactOffAFullHolderMakesRoomForIt) {
  // 9 is full (1 of 1) with contact 1; moving it frees the slot, so it may go back to 9 when 9 is
  // the least loaded with room.
  const AssignSplit split =
      split_least_loaded({k7, k9}, {{k7, 2}, {k9, 1}}, {open_contact(1, 9)}, {{k9, 1}});
  EXPECT_EQ(split.batches.at(k9), ids({1}));
}

}  // namespace
}  // namespace rx::contacts
