#include "insights/refill_features.h"

#include "insights/reasons.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace rx::insights {
namespace {
// Named apart so that a unity build of the folder keeps the two feature sets separate.
namespace refill_terms {

using History = RefillSnapshot::History;
using Channel = RefillSnapshot::Channel;

enum Feature : std::size_t {
  kPastRefills,
  kMeanDaysLate,
  kLapsedShare,
  kPdc,
  kChronic,
  kAnswerShare,
  kWhatsapp,
  kSms,
  kVisitAge,
  kFirstPrescription,  // category flags: contact_sheet is the reference
  kRegularBranded,
};

int percent(double share) { return static_cast<int>(std::lround(100 * share)); }

// Indexed by RefillSnapshot::History.
constexpr std::array<const char*, RefillSnapshot::kHistoryCount> kHistoryPhrases = {
    "first refill of this customer", "came back on time last time", "came back late last time",
    "did not come back last time"};

std::string history_phrase(const RefillSnapshot& s) {
  return kHistoryPhrases.at(static_cast<std::size_t>(s.history));
}

std::string phrase(const RefillSnapshot& s, std::size_t f, double sign) {
  switch (f) {
    case kPastRefills:
      return s.past_refills == 0 ? "first refill of this customer"
                                 : fmt::format("{} refill{} before", s.past_refills,
                                               s.past_refills == 1 ? "" : "s");
    case kMeanDaysLate:
      if (s.mean_days_late < 1) return "usually on time";
      return fmt::format("usually {} day{} late", static_cast<int>(s.mean_days_late),
                         static_cast<int>(s.mean_days_late) == 1 ? "" : "s");
    case kLapsedShare:
      return s.past_refills == 0 ? ""
                                 : fmt::format("missed {}% of refills", percent(s.lapsed_share));
    case kPdc:
      return fmt::format("PDC {}%", refill_terms::percent(s.pdc));
    case kChronic:
      return s.chronic ? "chronic condition" : "";
    case kAnswerShare:
      return s.reminder_answer_share > 0 ? "answers reminders"
                                         : (sign > 0 ? "never answered a reminder" : "");
    case kWhatsapp:
      return s.channel == Channel::kWhatsapp ? "reminded on WhatsApp" : "";
    case kSms:
      return s.channel == Channel::kSms ? "reminded by SMS" : "";
    case kVisitAge:
      return fmt::format("last visit {} day{} ago", static_cast<int>(s.days_since_last_visit),
                         static_cast<int>(s.days_since_last_visit) == 1 ? "" : "s");
    case kFirstPrescription:
    case kRegularBranded:
      return "";
  }
  return "";
}

}  // namespace refill_terms
}  // namespace

int history_category(RefillSnapshot::History history) { return static_cast<int>(history); }

std::array<double, kRefillFeatureCount> refill_features(const RefillSnapshot& s) {
  std::array<double, kRefillFeatureCount> x{};
  x[refill_terms::kPastRefills] = std::log1p(std::max(0, s.past_refills));
  x[refill_terms::kMeanDaysLate] = std::clamp(s.mean_days_late, 0.0, 60.0);
  x[refill_terms::kLapsedShare] = s.lapsed_share;
  x[refill_terms::kPdc] = std::clamp(s.pdc, 0.0, 1.0);
  x[refill_terms::kChronic] = s.chronic ? 1 : 0;
  x[refill_terms::kAnswerShare] = s.reminder_answer_share;
  x[refill_terms::kWhatsapp] = s.channel == refill_terms::Channel::kWhatsapp ? 1 : 0;
  x[refill_terms::kSms] = s.channel == refill_terms::Channel::kSms ? 1 : 0;
  x[refill_terms::kVisitAge] = std::log1p(std::max(0.0, s.days_since_last_visit));
  x[refill_terms::kFirstPrescription] = s.category == 1 ? 1 : 0;
  x[refill_terms::kRegularBranded] = s.category == 2 ? 1 : 0;
  return x;
}

const std::array<const char*, kRefillFeatureCount>& refill_feature_names() {
  static const std::array<const char*, kRefillFeatureCount> names{
      "past_refills",
      "mean_days_late",
      "lapsed_share",
      "pdc",
      "chronic",
      "reminder_answer_share",
      "channel_whatsapp",
      "channel_sms",
      "days_since_last_visit",
      "category_first_time_prescription",
      "category_regular_branded"};
  return names;
}

std::vector<std::string> refill_reasons(const RefillSnapshot& s,
                                        const std::optional<std::vector<double>>& contributions) {
  std::vector<std::string> out;
  if (!contributions) {
    add_reason(out, refill_terms::history_phrase(s));
    if (s.past_refills > 0) add_reason(out, fmt::format("PDC {}%", refill_terms::percent(s.pdc)));
    return out;
  }
  out = top_reasons(*contributions,
                    [&](std::size_t f, double c) { return refill_terms::phrase(s, f, c); });
  if (out.empty()) add_reason(out, refill_terms::history_phrase(s));
  return out;
}

}  // namespace rx::insights
