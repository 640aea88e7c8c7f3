#include "contacts/contact_filter_parser.h"

#include "core/error.h"

#include <charconv>

namespace rx::contacts {
namespace {

// assigned_staff_id's word for "assigned to nobody".
constexpr std::string_view kUnassigned = "unassigned";

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
    f.status = parse_contact_status(*v);
    if (!f.status) bad("status", "must be pending, contacted, converted or yellow");
  }
  if (auto v = lookup("whatsapp_status")) {
    f.whatsapp_status = parse_whatsapp_status(*v);
    if (!f.whatsapp_status) bad("whatsapp_status", "must be unknown, active or inactive");
  }
  if (auto v = lookup("assigned_staff_id")) {
    if (*v == kUnassigned) {
      f.unassigned = true;
    } else {
      f.assigned_staff_id = core::StaffId(parse_id("assigned_staff_id", *v));
    }
  }
  if (auto v = lookup("upload_id")) f.upload_id = core::UploadId(parse_id("upload_id", *v));
  if (auto v = lookup("q")) {
    if (v->size() > 100) bad("q", "must be at most 100 characters");
    f.query = *v;
  }
  if (auto v = lookup("follow_up")) {
    f.follow_up = core::enum_from_name<FollowUpFilter>(*v);
    if (!f.follow_up) bad("follow_up", "must be due or overdue");
  }
  if (auto v = lookup("reach")) {
    const std::optional<ReachFilter> reach = core::enum_from_name<ReachFilter>(*v);
    if (!reach || *reach == ReachFilter::kSetAside)
      bad("reach", "must be callable, unreachable, do_not_contact or all");
    f.reach = *reach;
  }
  return f;
}

ContactSort parse_contact_sort(const std::optional<std::string>& text) {
  if (!text) return ContactSort::kNewest;
  if (auto sort = core::enum_from_name<ContactSort>(*text)) return *sort;
  bad("sort", "must be newest, oldest, name, phone, status, updated or score");
}

}  // namespace rx::contacts
