#pragma once

#include "core/enum_names.h"

#include <array>
#include <string_view>
#include <utility>

// The domain states the refill report counts by, as enums: the database's spellings
// (EnumNames below, which the tables' CHECK constraints allow) are read once, at the storage
// edge, by storage::Codec, and written once, into the JSON.
namespace rx::reports {

// refill_reminders.status.
enum class RefillStatus { kPending, kSent, kResponded, kRefilled, kCancelled };
// refill_reminders.response: what the customer said.
enum class RefillResponse {
  kWillVisit,
  kRefilledElsewhere,
  kStoppedMedicine,
  kNotReachable,
  kCallBack,
  kOther
};
// How a reminder went out (refill_reminders.sent_channel) or a message was sent
// (messages.channel: WhatsApp or SMS only).
enum class Channel { kWhatsapp, kSms, kCall };
// messages.status.
enum class MessageStatus { kQueued, kSending, kSent, kDelivered, kRead, kFailed };

}  // namespace rx::reports

template <>
struct rx::core::EnumNames<rx::reports::RefillStatus> {
  using E = rx::reports::RefillStatus;
  static constexpr std::array kNames = {
      std::pair{E::kPending, std::string_view("pending")},
      std::pair{E::kSent, std::string_view("sent")},
      std::pair{E::kResponded, std::string_view("responded")},
      std::pair{E::kRefilled, std::string_view("refilled")},
      std::pair{E::kCancelled, std::string_view("cancelled")},
  };
};

template <>
struct rx::core::EnumNames<rx::reports::RefillResponse> {
  using E = rx::reports::RefillResponse;
  static constexpr std::array kNames = {
      std::pair{E::kWillVisit, std::string_view("will_visit")},
      std::pair{E::kRefilledElsewhere, std::string_view("refilled_elsewhere")},
      std::pair{E::kStoppedMedicine, std::string_view("stopped_medicine")},
      std::pair{E::kNotReachable, std::string_view("not_reachable")},
      std::pair{E::kCallBack, std::string_view("call_back")},
      std::pair{E::kOther, std::string_view("other")},
  };
};

template <>
struct rx::core::EnumNames<rx::reports::Channel> {
  using E = rx::reports::Channel;
  static constexpr std::array kNames = {
      std::pair{E::kWhatsapp, std::string_view("whatsapp")},
      std::pair{E::kSms, std::string_view("sms")},
      std::pair{E::kCall, std::string_view("call")},
  };
};

template <>
struct rx::core::EnumNames<rx::reports::MessageStatus> {
  using E = rx::reports::MessageStatus;
  static constexpr std::array kNames = {
      std::pair{E::kQueued, std::string_view("queued")},
      std::pair{E::kSending, std::string_view("sending")},
      std::pair{E::kSent, std::string_view("sent")},
      std::pair{E::kDelivered, std::string_view("delivered")},
      std::pair{E::kRead, std::string_view("read")},
      std::pair{E::kFailed, std::string_view("failed")},
  };
};
