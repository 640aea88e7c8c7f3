#include "insights/contact_features.h"
#include "insights/refill_features.h"

#include <gtest/gtest.h>

#include <cmath>

namespace rx::insights {
namespace {

using Outcome = ContactSnapshot::LastOutcome;

TEST(ContactFeatures, DescribeWhatWasKnown) {
  ContactSnapshot s;
  s.call_attempts = 4;
  s.calls_reached = 1;
  s.last_outcome = Outcome::kNoAnswer;
  s.ever_interested = true;
  s.days_since_last_call = 2;
  s.whatsapp_active = true;
  const auto x = contact_features(s);
  const auto& names = contact_feature_names();
  ASSERT_EQ(x.size(), names.size());
  EXPECT_STREQ(names[1], "unreached_calls");
  EXPECT_EQ(x[0], 4);
  EXPECT_EQ(x[1], 3);
  EXPECT_EQ(x[3], 1);
  EXPECT_NEAR(x[6], std::log1p(2.0), 1e-12);
  EXPECT_EQ(outcome_category(Outcome::kNoCall), 0);
  EXPECT_EQ(outcome_category(Outcome::kSwitchedOff), ContactSnapshot::kOutcomeCount - 1);
}

TEST(ContactFeatures, ReasonsFollowTheLargestContributions) {
  ContactSnapshot s;
  s.call_attempts = 4;
  s.last_outcome = Outcome::kNoAnswer;
  s.whatsapp_active = true;
  std::vector<double> c(kContactFeatureCount, 0.0);
  c[1] = -1.2;  // unreached calls
  c[8] = 0.6;   // WhatsApp
  c[9] = 0.01;  // too small to say
  const auto reasons = contact_reasons(s, c);
  ASSERT_EQ(reasons.size(), 2u);
  EXPECT_EQ(reasons[0], "not reached in 4 calls");
  EXPECT_EQ(reasons[1], "WhatsApp active");
  // Without a model the last outcome speaks.
  s.last_outcome = Outcome::kInterested;
  s.ever_interested = true;
  EXPECT_EQ(contact_reasons(s, std::nullopt).front(), "said they were interested");
}

TEST(RefillFeatures, DescribeTheCustomersHistory) {
  RefillSnapshot s;
  s.history = RefillSnapshot::History::kLate;
  s.past_refills = 4;
  s.mean_days_late = 6;
  s.lapsed_share = 0.5;
  s.pdc = 0.45;
  s.channel = RefillSnapshot::Channel::kSms;
  s.category = 2;
  const auto x = refill_features(s);
  EXPECT_EQ(x.size(), refill_feature_names().size());
  EXPECT_DOUBLE_EQ(x[3], 0.45);
  EXPECT_EQ(x[6], 0);   // not WhatsApp
  EXPECT_EQ(x[7], 1);   // SMS
  EXPECT_EQ(x[10], 1);  // regular_branded
  std::vector<double> c(kRefillFeatureCount, 0.0);
  c[3] = 0.9;  // low PDC raises the risk
  c[2] = 0.4;
  const auto reasons = refill_reasons(s, c);
  ASSERT_EQ(reasons.size(), 2u);
  EXPECT_EQ(reasons[0], "PDC 45%");
  EXPECT_EQ(reasons[1], "missed 50% of refills");
  EXPECT_EQ(refill_reasons(s, std::nullopt).front(), "came back late last time");
  EXPECT_EQ(history_category(RefillSnapshot::History::kLapsed), 3);
}

TEST(RefillFeatures, LatenessIsSpelledForOneDayOrMany) {
  RefillSnapshot s;
  s.past_refills = 2;
  std::vector<double> c(kRefillFeatureCount, 0.0);
  c[1] = 0.8;  // mean_days_late
  s.mean_days_late = 1.4;
  EXPECT_EQ(refill_reasons(s, c).front(), "usually 1 day late");
  s.mean_days_late = 14;
  EXPECT_EQ(refill_reasons(s, c).front(), "usually 14 days late");
  s.mean_days_late = 0.5;
  EXPECT_EQ(refill_reasons(s, c).front(), "usually on time");
}

}  // namespace
}  // namespace rx::insights
