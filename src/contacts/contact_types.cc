#include "contacts/contact_types.h"

namespace rx::contacts {

std::string_view to_string(ContactStatus status) { return core::enum_name(status); }

std::optional<ContactStatus> parse_contact_status(std::string_view text) {
  return core::enum_from_name<ContactStatus>(text);
}

std::string_view to_string(WhatsappStatus status) { return core::enum_name(status); }

std::optional<WhatsappStatus> parse_whatsapp_status(std::string_view text) {
  return core::enum_from_name<WhatsappStatus>(text);
}

std::string_view to_string(InteractionKind kind) { return core::enum_name(kind); }

std::string_view to_string(InteractionOutcome outcome) { return core::enum_name(outcome); }

bool is_allowed_move(ContactStatus from, ContactStatus to) {
  switch (to) {
    case ContactStatus::kPending:
      return false;
    case ContactStatus::kContacted:
      return from == ContactStatus::kPending;
    case ContactStatus::kYellow:
      return from == ContactStatus::kPending || from == ContactStatus::kContacted;
    case ContactStatus::kConverted:
      return from != ContactStatus::kConverted;
  }
  return false;
}

bool is_open(ContactStatus status) {
  return status == ContactStatus::kPending || status == ContactStatus::kContacted;
}

std::optional<InteractionKind> parse_interaction_kind(std::string_view text) {
  return core::enum_from_name<InteractionKind>(text);
}

std::optional<InteractionOutcome> parse_logged_outcome(std::string_view text) {
  const std::optional<InteractionOutcome> outcome = core::enum_from_name<InteractionOutcome>(text);
  if (outcome == InteractionOutcome::kVisitedNoPurchase) return std::nullopt;
  return outcome;
}

bool is_reached(InteractionOutcome outcome) {
  switch (outcome) {
    case InteractionOutcome::kAnswered:
    case InteractionOutcome::kInterested:
    case InteractionOutcome::kNotInterested:
    case InteractionOutcome::kCallbackRequested:
    case InteractionOutcome::kWrongNumber:
    case InteractionOutcome::kDoNotCall:
      return true;
    case InteractionOutcome::kNoAnswer:
    case InteractionOutcome::kBusy:
    case InteractionOutcome::kSwitchedOff:
    case InteractionOutcome::kVisitedNoPurchase:
      return false;
  }
  return false;
}

CallEffect call_effect(InteractionKind kind, InteractionOutcome outcome, bool inbound) {
  if (inbound || kind == InteractionKind::kVisit) return CallEffect::kCameBack;
  if (kind != InteractionKind::kCall) return CallEffect::kNone;
  return is_reached(outcome) ? CallEffect::kReached : CallEffect::kNotReached;
}

}  // namespace rx::contacts
