#include "contacts/contact_filter_parser.h"

#include "core/error.h"

#include <charconv>

namespace rx::contacts {
namespace {

[[noreturn]] void bad(const std::string& field, const std::string& reason) {
  throw core::AppError(core::ErrorCode::kValidation, field + ": " + reason,
                       {{"fields", {{field, reason}}}});
}

std::int64_t parse_id(const std::string& field, const std::string& text) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) bad(field, "must be an id");
  return id;
}

}  // namespace

ContactFilter parse_contact_filter(const FilterLookup& lookup) {
  ContactFilter f;
  if (auto v = lookup("status")) {
    if (!parse_contact_status(*v)) bad("status", "must be pending, contacted, converted or yellow");
    f.status = *v;
  }
  if (auto v = lookup("whatsapp_status")) {
    if (!parse_whatsapp_status(*v)) bad("whatsapp_status", "must be unknown, active or inactive");
    f.whatsapp_status = *v;
  }
  if (auto v = lookup("assigned_staff_id")) {
    if (*v == "unassigned") {
      f.unassigned = true;
    } else {
      f.assigned_staff_id = parse_id("assigned_staff_id", *v);
    }
  }
  if (auto v = lookup("upload_id")) f.upload_id = parse_id("upload_id", *v);
  if (auto v = lookup("q")) {
    if (v->size() > 100) bad("q", "must be at most 100 characters");
    f.query = *v;
  }
  if (auto v = lookup("follow_up")) {
    if (*v != "due" && *v != "overdue") bad("follow_up", "must be due or overdue");
    f.follow_up = *v;
  }
  return f;
}

ContactSort parse_contact_sort(const std::optional<std::string>& text) {
  if (!text || *text == "newest") return ContactSort::kNewest;
  if (*text == "oldest") return ContactSort::kOldest;
  if (*text == "name") return ContactSort::kName;
  if (*text == "phone") return ContactSort::kPhone;
  if (*text == "status") return ContactSort::kStatus;
  if (*text == "updated") return ContactSort::kRecentlyUpdated;
  bad("sort", "must be newest, oldest, name, phone, status or updated");
}

}  // namespace rx::contacts
