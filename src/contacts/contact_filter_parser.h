#pragma once

#include "contacts/contact_types.h"

#include <functional>
#include <optional>
#include <string>

namespace rx::contacts {

// Looks a filter up by name: from the query string of GET /contacts or from the "filter" object
// of an assignment. Empty optional when absent.
using FilterLookup = std::function<std::optional<std::string>(const std::string& name)>;

// Reads status, whatsapp_status, assigned_staff_id (id or "unassigned"), upload_id, q and
// follow_up (due|overdue). Throws AppError(kValidation) naming the field for an unknown value.
ContactFilter parse_contact_filter(const FilterLookup& lookup);
// newest (default), oldest, name, phone, status, updated. Throws AppError(kValidation) naming
// `sort` for anything else.
ContactSort parse_contact_sort(const std::optional<std::string>& text);

}  // namespace rx::contacts
