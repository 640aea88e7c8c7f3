#include "insights/contact_features.h"

#include "insights/reasons.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace rx::insights {
namespace {
// Named apart so that a unity build of the folder keeps the two feature sets separate.
namespace contact_terms {

using Outcome = ContactSnapshot::LastOutcome;

// Index of each feature in contact_features().
enum Feature : std::size_t {
  kAttempts,
  kUnreachedStreak,
  kReached,
  kInterested,
  kCallback,
  kNotInterested,
  kLastCallAge,
  kUploadAge,
  kWhatsapp,
  kSheetRate,
  kMobile,
  kEarlierCustomer,
};

bool not_interested(Outcome o) {
  return o == Outcome::kNotInterested || o == Outcome::kWrongNumber;
}

// Indexed by ContactSnapshot::LastOutcome; empty where the phrase counts the calls.
constexpr std::array<const char*, ContactSnapshot::kOutcomeCount> kOutcomePhrases = {
    "not called yet",
    "answered the last call",
    "said they were interested",
    "said they were not interested",
    "asked to be called back",
    "wrong number",
    "",
    "",
    ""};

std::string outcome_phrase(const ContactSnapshot& s) {
  const char* fixed = kOutcomePhrases.at(static_cast<std::size_t>(s.last_outcome));
  if (*fixed != '\0') return fixed;
  const int unreached = s.call_attempts - s.calls_reached;
  return fmt::format("not reached in {} call{}", unreached, unreached == 1 ? "" : "s");
}

// A phrase for feature `f` when it pushes the score in the direction of `sign`; empty when the
// feature has nothing to say about this contact.
std::string phrase(const ContactSnapshot& s, std::size_t f, double sign) {
  const int unreached = s.call_attempts - s.calls_reached;
  switch (f) {
    case kAttempts:
    case kUnreachedStreak:
      if (unreached > 0)
        return fmt::format("not reached in {} call{}", unreached, unreached == 1 ? "" : "s");
      return s.call_attempts == 0 ? "not called yet" : "";
    case kReached:
      return s.calls_reached > 0 ? "picked up before" : "";
    case kInterested:
      return s.ever_interested ? "said they were interested" : "";
    case kCallback:
      return s.callback_requested ? "asked to be called back" : "";
    case kNotInterested:
      return not_interested(s.last_outcome) ? outcome_phrase(s) : "";
    case kLastCallAge:
      if (s.call_attempts == 0) return "";
      return fmt::format("last call {} day{} ago", static_cast<int>(s.days_since_last_call),
                         static_cast<int>(s.days_since_last_call) == 1 ? "" : "s");
    case kUploadAge:
      return fmt::format("on the list for {} day{}", static_cast<int>(s.days_since_upload),
                         static_cast<int>(s.days_since_upload) == 1 ? "" : "s");
    case kWhatsapp:
      return s.whatsapp_active ? "WhatsApp active" : (sign < 0 ? "not on WhatsApp" : "");
    case kSheetRate:
      return fmt::format("its sheet converts {}%",
                         static_cast<int>(std::lround(100 * s.sheet_conversion_rate)));
    case kMobile:
      return s.mobile ? "" : "a landline";
    case kEarlierCustomer:
      return s.earlier_customer ? "bought here before" : "";
  }
  return "";
}

}  // namespace contact_terms
}  // namespace

int outcome_category(ContactSnapshot::LastOutcome outcome) { return static_cast<int>(outcome); }

std::array<double, kContactFeatureCount> contact_features(const ContactSnapshot& s) {
  std::array<double, kContactFeatureCount> x{};
  const int unreached = s.call_attempts - s.calls_reached;
  x[contact_terms::kAttempts] = s.call_attempts;
  x[contact_terms::kUnreachedStreak] = std::min(unreached, 10);
  x[contact_terms::kReached] = s.calls_reached > 0 ? 1 : 0;
  x[contact_terms::kInterested] = s.ever_interested ? 1 : 0;
  x[contact_terms::kCallback] = s.callback_requested ? 1 : 0;
  x[contact_terms::kNotInterested] = contact_terms::not_interested(s.last_outcome) ? 1 : 0;
  // Ages grow without bound; their logarithm keeps one stale contact from dominating the fit.
  x[contact_terms::kLastCallAge] = std::log1p(std::max(0.0, s.days_since_last_call));
  x[contact_terms::kUploadAge] = std::log1p(std::max(0.0, s.days_since_upload));
  x[contact_terms::kWhatsapp] = s.whatsapp_active ? 1 : 0;
  x[contact_terms::kSheetRate] = s.sheet_conversion_rate;
  x[contact_terms::kMobile] = s.mobile ? 1 : 0;
  x[contact_terms::kEarlierCustomer] = s.earlier_customer ? 1 : 0;
  return x;
}

const std::array<const char*, kContactFeatureCount>& contact_feature_names() {
  static const std::array<const char*, kContactFeatureCount> names{"call_attempts",
                                                                   "unreached_calls",
                                                                   "ever_reached",
                                                                   "ever_interested",
                                                                   "callback_requested",
                                                                   "not_interested",
                                                                   "days_since_last_call",
                                                                   "days_since_upload",
                                                                   "whatsapp_active",
                                                                   "sheet_conversion_rate",
                                                                   "mobile",
                                                                   "earlier_customer"};
  return names;
}

std::vector<std::string> contact_reasons(const ContactSnapshot& s,
                                         const std::optional<std::vector<double>>& contributions) {
  std::vector<std::string> out;
  if (!contributions) {
    add_reason(out, contact_terms::outcome_phrase(s));
    if (s.whatsapp_active) add_reason(out, "WhatsApp active");
    if (s.earlier_customer) add_reason(out, "bought here before");
    return out;
  }
  out = top_reasons(*contributions,
                    [&](std::size_t f, double c) { return contact_terms::phrase(s, f, c); });
  if (out.empty()) add_reason(out, contact_terms::outcome_phrase(s));
  return out;
}

}  // namespace rx::insights
