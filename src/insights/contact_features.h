#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace rx::insights {

// What was known of an open contact at the moment it is scored: built from interactions that
// had happened by then (their occurred_at), never from later ones, so that a score "as of" a day
// is the score the shop would have seen that day.
struct ContactSnapshot {
  // The last call's outcome, as the baseline's category (kNoCall when never called).
  enum class LastOutcome {
    kNoCall,
    kAnswered,
    kInterested,
    kNotInterested,
    kCallbackRequested,
    kWrongNumber,
    kNoAnswer,
    kBusy,
    kSwitchedOff,
  };
  static constexpr int kOutcomeCount = 9;

  int call_attempts = 0;
  int calls_reached = 0;  // picked up: answered, interested, not_interested, callback, wrong no.
  LastOutcome last_outcome = LastOutcome::kNoCall;
  double days_since_last_call = 0;  // 0 when never called
  double days_since_upload = 0;
  bool ever_interested = false;
  bool callback_requested = false;   // the last reached call asked for a call back
  bool whatsapp_active = false;      // the number is known to be on WhatsApp
  bool mobile = true;                // libphonenumber's type: mobile (or fixed-or-mobile)
  double sheet_conversion_rate = 0;  // share of its sheet's contacts converted so far
  bool earlier_customer = false;     // a customer with this phone existed before the upload
};

inline constexpr std::size_t kContactFeatureCount = 12;

// The model's inputs, in a fixed order (contact_feature_names()).
std::array<double, kContactFeatureCount> contact_features(const ContactSnapshot& s);
const std::array<const char*, kContactFeatureCount>& contact_feature_names();

int outcome_category(ContactSnapshot::LastOutcome outcome);

// The two or three things that move a score most, in words a telecaller reads ("said they were
// interested", "not reached in 4 calls", "WhatsApp active"): from the model's per-feature
// contributions to the log-odds when it has them, largest first; from the baseline's category
// (the last outcome) otherwise.
std::vector<std::string> contact_reasons(const ContactSnapshot& s,
                                         const std::optional<std::vector<double>>& contributions);

}  // namespace rx::insights
