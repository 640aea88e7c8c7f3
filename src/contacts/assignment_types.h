#pragma once

#include "core/enum_names.h"
#include "core/strong_id.h"

#include <cstdint>
#include <optional>
#include <string>

namespace rx::contacts {

// A shop's auto_assign setting: off, or an upload shares its new contacts out.
enum class AutoAssign { kOff, kOnUpload };

// Why a contact changed hands: an upload shared out (auto_assign on_upload), someone assigned it
// by hand, or the daily job moved it off a holder who let it go stale, is away or was deactivated.
enum class AssignReason { kUpload, kManual, kStale, kAway, kDeactivated };

// One row of a contact's assignment history (table contact_assignments), with the names of the
// people it names. `by_staff` empty: the automation did it.
struct AssignmentRecord {
  std::int64_t id = 0;
  std::int64_t contact_id = 0;
  std::optional<std::int64_t> from_staff;
  std::optional<std::string> from_name;
  std::int64_t to_staff = 0;
  std::optional<std::string> to_name;
  std::optional<std::int64_t> by_staff;
  std::optional<std::string> by_name;
  AssignReason why = AssignReason::kManual;
  std::int64_t at = 0;
};

// A staff member as assignment sees them on one shop-local day.
struct Assignee {
  core::StaffId id;
  bool active = true;
  bool telecaller = false;  // role staff: the automatic shares go to these alone
  bool away = false;        // on leave today
  std::optional<std::string> away_until;
  std::optional<std::int64_t> capacity;  // max_open_contacts; empty: no limit
};

// The shop's automation settings for assignment.
struct AssignSettings {
  bool on_upload = false;
  std::optional<int> reassign_after_days;
  std::string time_zone = "Asia/Kolkata";
};

}  // namespace rx::contacts

template <>
struct rx::core::EnumNames<rx::contacts::AutoAssign> {
  using E = rx::contacts::AutoAssign;
  static constexpr auto kNames = spellings<E>(E::kOff, "off", E::kOnUpload, "on_upload");
};

template <>
struct rx::core::EnumNames<rx::contacts::AssignReason> {
  using E = rx::contacts::AssignReason;
  static constexpr auto kNames =
      spellings<E>(E::kUpload, "upload", E::kManual, "manual", E::kStale, "stale", E::kAway, "away",
                   E::kDeactivated, "deactivated");
};
