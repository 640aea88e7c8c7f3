#include "contacts/contact_types.h"

#include <algorithm>

namespace rx::contacts {

std::string_view to_string(ContactStatus status) {
  switch (status) {
    case ContactStatus::kPending:
      return "pending";
    case ContactStatus::kContacted:
      return "contacted";
    case ContactStatus::kConverted:
      return "converted";
    case ContactStatus::kYellow:
      return "yellow";
  }
  return "pending";
}

std::optional<ContactStatus> parse_contact_status(std::string_view text) {
  if (text == "pending") return ContactStatus::kPending;
  if (text == "contacted") return ContactStatus::kContacted;
  if (text == "converted") return ContactStatus::kConverted;
  if (text == "yellow") return ContactStatus::kYellow;
  return std::nullopt;
}

std::string_view to_string(WhatsappStatus status) {
  switch (status) {
    case WhatsappStatus::kUnknown:
      return "unknown";
    case WhatsappStatus::kActive:
      return "active";
    case WhatsappStatus::kInactive:
      return "inactive";
  }
  return "unknown";
}

std::optional<WhatsappStatus> parse_whatsapp_status(std::string_view text) {
  if (text == "unknown") return WhatsappStatus::kUnknown;
  if (text == "active") return WhatsappStatus::kActive;
  if (text == "inactive") return WhatsappStatus::kInactive;
  return std::nullopt;
}

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

bool is_interaction_kind(std::string_view text) {
  return std::find(std::begin(kInteractionKinds), std::end(kInteractionKinds), text) !=
         std::end(kInteractionKinds);
}

bool is_interaction_outcome(std::string_view text) {
  return std::find(std::begin(kInteractionOutcomes), std::end(kInteractionOutcomes), text) !=
         std::end(kInteractionOutcomes);
}

}  // namespace rx::contacts
