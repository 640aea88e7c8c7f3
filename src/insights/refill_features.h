#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace rx::insights {

// What was known of a customer and one medicine when its open refill reminder is scored: earlier
// refills of the customer (any medicine) finished before `as of`, never later ones.
struct RefillSnapshot {
  // The baseline's category: how the customer's previous refill went.
  enum class History { kFirstRefill, kOnTime, kLate, kLapsed };
  static constexpr int kHistoryCount = 4;
  enum class Channel { kWhatsapp, kSms, kCall };

  History history = History::kFirstRefill;
  int past_refills = 0;              // earlier run-outs of this customer that have been judged
  double mean_days_late = 0;         // over those, days from run-out to purchase (0 when early)
  double lapsed_share = 0;           // share of them not bought again within 7 days of running out
  double pdc = 1;                    // proportion of days covered, 0..1, over the last year
  bool chronic = false;              // the customer has a chronic condition on file
  double reminder_answer_share = 0;  // share of past reminders the customer answered
  Channel channel = Channel::kCall;  // how this reminder reaches them
  double days_since_last_visit = 0;
  int category = 0;  // the customer's category, its index in the four categories
};

inline constexpr std::size_t kRefillFeatureCount = 11;

std::array<double, kRefillFeatureCount> refill_features(const RefillSnapshot& s);
const std::array<const char*, kRefillFeatureCount>& refill_feature_names();
int history_category(RefillSnapshot::History history);

// The two or three things that move a lapse risk most, in words ("late for 3 of 4 refills", "PDC
// 45%", "answers reminders"), as contact_reasons() does for contacts.
std::vector<std::string> refill_reasons(const RefillSnapshot& s,
                                        const std::optional<std::vector<double>>& contributions);

}  // namespace rx::insights
