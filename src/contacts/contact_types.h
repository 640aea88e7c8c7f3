#pragma once

#include "core/enum_names.h"
#include "core/strong_id.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rx::contacts {

// pending -> contacted (first logged interaction); pending|contacted -> yellow (visited, did not
// buy); pending|contacted|yellow -> converted (a bill for the phone); converted is final.
enum class ContactStatus { kPending, kContacted, kConverted, kYellow };
enum class WhatsappStatus { kUnknown, kActive, kInactive };
// How a contact was reached.
enum class InteractionKind { kCall, kWhatsapp, kSms, kVisit };
// What came of it. kVisitedNoPurchase is written by rxtrack itself when a contact turns yellow
// (a visit without a purchase); staff log the others.
enum class InteractionOutcome {
  kAnswered,
  kNoAnswer,
  kBusy,
  kSwitchedOff,
  kWrongNumber,
  kNotInterested,
  kInterested,
  kCallbackRequested,
  kVisitedNoPurchase,
  kDoNotCall,  // the person asked not to be called or messaged again (do_not_contact)
};

std::string_view to_string(ContactStatus status);
std::optional<ContactStatus> parse_contact_status(std::string_view text);
std::string_view to_string(WhatsappStatus status);
std::optional<WhatsappStatus> parse_whatsapp_status(std::string_view text);
std::string_view to_string(InteractionKind kind);
std::string_view to_string(InteractionOutcome outcome);
// Whether a status change is a move forward the design allows (same status is not a move).
bool is_allowed_move(ContactStatus from, ContactStatus to);
// Whether the status counts toward its holder's load (pending or contacted).
bool is_open(ContactStatus status);

// The kind a request names, if it is one.
std::optional<InteractionKind> parse_interaction_kind(std::string_view text);
// The outcome a request may log, if it is one: kVisitedNoPurchase is not (see mark-yellow).
std::optional<InteractionOutcome> parse_logged_outcome(std::string_view text);
// Whether a call with this outcome reached the person: answered, interested, not_interested,
// callback_requested, wrong_number (someone answered) and do_not_call. The others (no_answer,
// busy, switched_off) count toward the shop's max_call_attempts.
bool is_reached(InteractionOutcome outcome);

// What an interaction does to a contact's calls that did not reach them (see CallAttempts).
enum class CallEffect {
  kNone,        // an outbound message, or a visit logged without a call
  kReached,     // a call that reached the person: the count starts again
  kNotReached,  // a call that did not: one more toward max_call_attempts
  kCameBack,    // the person got in touch (called, wrote, visited): no longer unreachable
};
CallEffect call_effect(InteractionKind kind, InteractionOutcome outcome, bool inbound);

// When a contact is most likely to pick up, shop-local: [start_hour, end_hour) on `weekday`
// (ISO, Monday = 1) or on any day. From the contact's own calls once it has
// kBestTimeOwnCalls of them (kContact), else the shop's best window (kShop).
enum class BestTimeBasis { kContact, kShop };
inline constexpr int kBestTimeOwnCalls = 3;
struct BestTime {
  int start_hour = 0;
  int end_hour = 0;
  std::optional<int> weekday;
  BestTimeBasis basis = BestTimeBasis::kShop;
};

struct Contact {
  std::int64_t id = 0;
  std::string phone;
  std::string phone_type;
  std::optional<std::string> name;
  ContactStatus status = ContactStatus::kPending;
  WhatsappStatus whatsapp_status = WhatsappStatus::kUnknown;
  std::optional<std::string> whatsapp_status_source;
  std::optional<std::int64_t> whatsapp_status_at;
  bool wrong_number = false;
  // Calls since the contact was last reached (or came back) that did not reach them, and
  // whether that reached the shop's max_call_attempts: then the contact leaves the lists to
  // call until the person calls, writes or visits.
  std::int64_t unreached_calls = 0;
  bool unreachable = false;
  // The person asked not to be called or messaged (outcome do_not_call); only an owner lifts it.
  bool do_not_contact = false;
  std::optional<std::int64_t> do_not_contact_by;  // staff id
  std::optional<std::int64_t> do_not_contact_at;
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
  // The conversion score of an open contact (insights), the JSON the API shows:
  // {"p","band","model","reasons"}; empty when not scored.
  std::optional<std::string> conversion_score;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  // Not a column: filled in for the list and the detail (BestTimeSource); empty when the shop
  // has no calls to learn from.
  std::optional<BestTime> best_time;
};

struct Interaction {
  std::int64_t id = 0;
  std::int64_t contact_id = 0;
  std::optional<std::int64_t> staff_id;
  std::optional<std::string> staff_name;
  InteractionKind kind = InteractionKind::kCall;
  InteractionOutcome outcome = InteractionOutcome::kAnswered;
  std::optional<std::string> notes;
  bool inbound = false;          // the person got in touch (a call to the shop, a message)
  std::int64_t created_at = 0;   // when it was logged
  std::int64_t occurred_at = 0;  // when it happened: created_at unless logged after the fact
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

// Contacts with an open follow-up due by the end of today, or already overdue.
enum class FollowUpFilter { kDue, kOverdue };

// Which contacts a list holds by whether they may be called. kCallable (the default) leaves out
// the unreachable and do-not-contact ones; kSetAside is only those two (never from a request).
enum class ReachFilter { kCallable, kUnreachable, kDoNotContact, kAll, kSetAside };

// The list filters shared by GET /contacts and by assignment.
struct ContactFilter {
  std::optional<ContactStatus> status;
  std::optional<WhatsappStatus> whatsapp_status;
  std::optional<core::StaffId> assigned_staff_id;
  bool unassigned = false;
  std::optional<core::UploadId> upload_id;
  std::optional<std::string> query;  // digits of the phone or part of the name
  std::optional<FollowUpFilter> follow_up;
  ReachFilter reach = ReachFilter::kCallable;
  // Set by the service, never by the request: today's end and now, for follow_up.
  std::int64_t due_before_ms = 0;
  std::int64_t now_ms = 0;
};

// kScore: the highest conversion score first (unscored contacts last).
enum class ContactSort { kNewest, kOldest, kName, kPhone, kStatus, kRecentlyUpdated, kScore };

}  // namespace rx::contacts

// The spellings of the enums above in JSON and in the database.
template <>
struct rx::core::EnumNames<rx::contacts::ContactStatus> {
  using E = rx::contacts::ContactStatus;
  static constexpr auto kNames = spellings<E>(E::kPending, "pending", E::kContacted, "contacted",
                                              E::kConverted, "converted", E::kYellow, "yellow");
};

template <>
struct rx::core::EnumNames<rx::contacts::WhatsappStatus> {
  using E = rx::contacts::WhatsappStatus;
  static constexpr auto kNames =
      spellings<E>(E::kUnknown, "unknown", E::kActive, "active", E::kInactive, "inactive");
};

template <>
struct rx::core::EnumNames<rx::contacts::ContactSort> {
  using E = rx::contacts::ContactSort;
  static constexpr auto kNames =
      spellings<E>(E::kNewest, "newest", E::kOldest, "oldest", E::kName, "name", E::kPhone, "phone",
                   E::kStatus, "status", E::kRecentlyUpdated, "updated", E::kScore, "score");
};

template <>
struct rx::core::EnumNames<rx::contacts::BestTimeBasis> {
  using E = rx::contacts::BestTimeBasis;
  static constexpr auto kNames = spellings<E>(E::kContact, "contact", E::kShop, "shop");
};

template <>
struct rx::core::EnumNames<rx::contacts::FollowUpFilter> {
  using E = rx::contacts::FollowUpFilter;
  static constexpr auto kNames = spellings<E>(E::kDue, "due", E::kOverdue, "overdue");
};

template <>
struct rx::core::EnumNames<rx::contacts::InteractionKind> {
  using E = rx::contacts::InteractionKind;
  static constexpr auto kNames =
      spellings<E>(E::kCall, "call", E::kWhatsapp, "whatsapp", E::kSms, "sms", E::kVisit, "visit");
};

template <>
struct rx::core::EnumNames<rx::contacts::InteractionOutcome> {
  using E = rx::contacts::InteractionOutcome;
  static constexpr auto kNames = spellings<E>(
      E::kAnswered, "answered", E::kNoAnswer, "no_answer", E::kBusy, "busy", E::kSwitchedOff,
      "switched_off", E::kWrongNumber, "wrong_number", E::kNotInterested, "not_interested",
      E::kInterested, "interested", E::kCallbackRequested, "callback_requested",
      E::kVisitedNoPurchase, "visited_no_purchase", E::kDoNotCall, "do_not_call");
};

template <>
struct rx::core::EnumNames<rx::contacts::ReachFilter> {
  using E = rx::contacts::ReachFilter;
  static constexpr auto kNames =
      spellings<E>(E::kCallable, "callable", E::kUnreachable, "unreachable", E::kDoNotContact,
                   "do_not_contact", E::kAll, "all", E::kSetAside, "set_aside");
};
