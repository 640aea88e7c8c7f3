// The states the refill report reads as enums (reports/report_states.h) are spelled as the
// database and the refills folder spell them, each value once.
#include "reports/report_states.h"

#include "refills/refill_reminder.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace rx::reports {
namespace {

template <class E>
std::set<std::string_view> spellings() {
  std::set<std::string_view> out;
  for (const auto& [value, name] : core::EnumNames<E>::kNames) {
    EXPECT_EQ(core::enum_name(value), name);
    EXPECT_EQ(core::enum_from_name<E>(name), value);
    out.insert(name);
  }
  EXPECT_EQ(out.size(), core::EnumNames<E>::kNames.size()) << "a name spelled twice";
  return out;
}

template <std::size_t N>
std::set<std::string_view> set_of(const std::string_view (&names)[N]) {
  return {std::begin(names), std::end(names)};
}

TEST(ReportStatesTest, RefillStatesAreTheRefillFoldersOwn) {
  EXPECT_EQ(spellings<RefillStatus>(), set_of(refills::kStatuses));
  EXPECT_EQ(spellings<RefillResponse>(), set_of(refills::kResponses));
  EXPECT_EQ(spellings<Channel>(), set_of(refills::kChannels));
}

TEST(ReportStatesTest, MessageStatusesAreTheOnesTheDatabaseAllows) {
  EXPECT_EQ(
      spellings<MessageStatus>(),
      (std::set<std::string_view>{"queued", "sending", "sent", "delivered", "read", "failed"}));
  EXPECT_EQ(core::enum_from_name<MessageStatus>("Sent"), std::nullopt) << "exact spelling only";
}

}  // namespace
}  // namespace rx::reports
