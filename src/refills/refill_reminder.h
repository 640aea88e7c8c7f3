#pragma once

#include "core/enum_names.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace rx::refills {

// pending -> sent -> responded; any open one -> refilled (a later bill for the medicine) or
// cancelled. refilled and cancelled are final.
enum class RefillStatus { kPending, kSent, kResponded, kRefilled, kCancelled };
// How the customer was reminded: by a message, or by staff on the phone.
enum class RefillChannel { kWhatsapp, kCall, kSms };
// What the customer answered.
enum class RefillResponse {
  kWillVisit,
  kRefilledElsewhere,
  kStoppedMedicine,
  kNotReachable,
  kCallBack,
  kOther
};

// Not yet refilled or cancelled: pending, sent or responded.
constexpr bool is_open(RefillStatus status) {
  return status == RefillStatus::kPending || status == RefillStatus::kSent ||
         status == RefillStatus::kResponded;
}

// The key medicines are matched by: trimmed, inner spaces folded, lower-cased.
std::string medicine_key(std::string_view medicine);

struct RefillReminder {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  std::optional<std::string> customer_name;
  std::string customer_phone;
  std::string whatsapp_status;
  std::optional<std::int64_t> purchase_id;
  std::optional<std::int64_t> bill_id;
  std::string medicine;
  std::string runs_out_on;
  std::string remind_on;  // the first step's day
  // The step under way (1-based) of `steps`, and the day of the one after it (nullopt: none).
  std::int64_t step = 1;
  std::int64_t steps = 1;
  std::optional<std::string> next_step_on;
  RefillStatus status = RefillStatus::kPending;
  std::optional<RefillChannel> sent_channel;
  std::optional<std::int64_t> sent_at;
  std::optional<std::int64_t> sent_by;
  std::optional<RefillResponse> response;
  std::optional<std::string> response_note;
  std::optional<std::int64_t> responded_at;
  std::optional<std::int64_t> refilled_bill_id;
  std::optional<std::int64_t> closed_at;
  std::int64_t created_at = 0;
  // An open (pending or sent) reminder's lapse risk as the API shows it,
  // {"p","band","model","reasons"}; nullopt when not scored yet or no longer open.
  std::optional<std::string> lapse_risk;
};

// The order of a refill list: by remind_on (then id), or by lapse risk (highest first, unscored
// last, then remind_on and id).
enum class RefillSort { kRemindOn, kRisk };

struct RefillFilter {
  std::optional<std::string> from;  // remind_on >= from
  std::optional<std::string> to;    // remind_on <= to
  std::optional<RefillStatus> status;
  bool open_only = false;  // pending, sent or responded: not yet refilled or cancelled
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> medicine;  // part of the medicine's name
  // The call list: leaves out reminders whose WhatsApp message is queued or being sent (they
  // come back if it fails), and customers marked do_not_contact.
  bool hide_while_messaging = false;
};

}  // namespace rx::refills

template <>
struct rx::core::EnumNames<rx::refills::RefillStatus> {
  using E = rx::refills::RefillStatus;
  static constexpr auto kNames =
      spellings<E>(E::kPending, "pending", E::kSent, "sent", E::kResponded, "responded",
                   E::kRefilled, "refilled", E::kCancelled, "cancelled");
};

template <>
struct rx::core::EnumNames<rx::refills::RefillSort> {
  using E = rx::refills::RefillSort;
  static constexpr auto kNames = spellings<E>(E::kRemindOn, "remind_on", E::kRisk, "risk");
};

template <>
struct rx::core::EnumNames<rx::refills::RefillChannel> {
  using E = rx::refills::RefillChannel;
  static constexpr auto kNames =
      spellings<E>(E::kWhatsapp, "whatsapp", E::kCall, "call", E::kSms, "sms");
};

template <>
struct rx::core::EnumNames<rx::refills::RefillResponse> {
  using E = rx::refills::RefillResponse;
  static constexpr auto kNames =
      spellings<E>(E::kWillVisit, "will_visit", E::kRefilledElsewhere, "refilled_elsewhere",
                   E::kStoppedMedicine, "stopped_medicine", E::kNotReachable, "not_reachable",
                   E::kCallBack, "call_back", E::kOther, "other");
};
