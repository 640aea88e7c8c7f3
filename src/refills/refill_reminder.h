#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rx::refills {

// pending -> sent -> responded; any open one -> refilled (a later bill for the medicine) or
// cancelled. refilled and cancelled are final.
inline constexpr std::string_view kStatuses[] = {"pending", "sent", "responded", "refilled",
                                                 "cancelled"};
inline constexpr std::string_view kChannels[] = {"whatsapp", "call", "sms"};
inline constexpr std::string_view kResponses[] = {
    "will_visit", "refilled_elsewhere", "stopped_medicine", "not_reachable", "call_back", "other"};
bool is_status(std::string_view text);
bool is_channel(std::string_view text);
bool is_response(std::string_view text);
bool is_open(std::string_view status);

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
  std::string remind_on;
  std::string status;
  std::optional<std::string> sent_channel;
  std::optional<std::int64_t> sent_at;
  std::optional<std::int64_t> sent_by;
  std::optional<std::string> response;
  std::optional<std::string> response_note;
  std::optional<std::int64_t> responded_at;
  std::optional<std::int64_t> refilled_bill_id;
  std::optional<std::int64_t> closed_at;
  std::int64_t created_at = 0;
};

struct RefillFilter {
  std::optional<std::string> from;  // remind_on >= from
  std::optional<std::string> to;    // remind_on <= to
  std::optional<std::string> status;
  bool open_only = false;  // pending, sent or responded: not yet refilled or cancelled
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> medicine;  // part of the medicine's name
  // The call list: leaves out reminders whose WhatsApp message is queued or being sent (they
  // come back if it fails).
  bool hide_while_messaging = false;
};

}  // namespace rx::refills
