#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rx::contacts {

// pending -> contacted (first logged interaction); pending|contacted -> yellow (visited, did not
// buy); pending|contacted|yellow -> converted (a bill for the phone); converted is final.
enum class ContactStatus { kPending, kContacted, kConverted, kYellow };
enum class WhatsappStatus { kUnknown, kActive, kInactive };

std::string_view to_string(ContactStatus status);
std::optional<ContactStatus> parse_contact_status(std::string_view text);
std::string_view to_string(WhatsappStatus status);
std::optional<WhatsappStatus> parse_whatsapp_status(std::string_view text);
// Whether a status change is a move forward the design allows (same status is not a move).
bool is_allowed_move(ContactStatus from, ContactStatus to);

inline constexpr std::string_view kInteractionKinds[] = {"call", "whatsapp", "sms", "visit"};
inline constexpr std::string_view kInteractionOutcomes[] = {
    "answered",     "no_answer",      "busy",       "switched_off",
    "wrong_number", "not_interested", "interested", "callback_requested"};
bool is_interaction_kind(std::string_view text);
bool is_interaction_outcome(std::string_view text);

struct Contact {
  std::int64_t id = 0;
  std::string phone;
  std::string phone_type;
  std::optional<std::string> name;
  std::string status;
  std::string whatsapp_status;
  std::optional<std::string> whatsapp_status_source;
  std::optional<std::int64_t> whatsapp_status_at;
  bool wrong_number = false;
  std::optional<std::int64_t> assigned_staff_id;
  std::optional<std::int64_t> assigned_at;
  std::optional<std::int64_t> upload_id;
  std::optional<std::int64_t> source_row;
  std::optional<std::string> notes;
  std::optional<std::int64_t> customer_id;
  std::optional<std::int64_t> contacted_at;
  std::optional<std::int64_t> yellow_at;
  std::optional<std::int64_t> converted_at;
  std::optional<std::int64_t> conversion_bill_id;
  std::optional<std::int64_t> conversion_value_paise;
  std::optional<std::string> extra;  // JSON object text: the sheet's other columns
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

struct Interaction {
  std::int64_t id = 0;
  std::int64_t contact_id = 0;
  std::optional<std::int64_t> staff_id;
  std::optional<std::string> staff_name;
  std::string kind;
  std::string outcome;
  std::optional<std::string> notes;
  std::int64_t created_at = 0;
};

struct FollowUp {
  std::int64_t id = 0;
  std::int64_t contact_id = 0;
  std::int64_t staff_id = 0;
  std::optional<std::string> staff_name;
  std::optional<std::int64_t> created_by;
  std::int64_t due_at = 0;
  std::optional<std::string> note;
  std::optional<std::int64_t> done_at;
  std::int64_t created_at = 0;
  // Joined for lists: whom to call, and who holds the contact now.
  std::optional<std::string> contact_phone;
  std::optional<std::string> contact_name;
  std::optional<std::int64_t> contact_assigned_staff_id;
  // Set for a staff-role reader the contact is no longer assigned to: the contact's phone and
  // name and the note are left out.
  bool reassigned = false;
};

// The list filters shared by GET /contacts and by assignment.
struct ContactFilter {
  std::optional<std::string> status;
  std::optional<std::string> whatsapp_status;
  std::optional<std::int64_t> assigned_staff_id;
  bool unassigned = false;
  std::optional<std::int64_t> upload_id;
  std::optional<std::string> query;      // digits of the phone or part of the name
  std::optional<std::string> follow_up;  // "due" or "overdue"
  // Set by the service, never by the request: today's end and now, for follow_up.
  std::int64_t due_before_ms = 0;
  std::int64_t now_ms = 0;
};

enum class ContactSort { kNewest, kOldest, kName, kPhone, kStatus, kRecentlyUpdated };

}  // namespace rx::contacts
