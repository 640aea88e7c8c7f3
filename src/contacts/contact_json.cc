#include "contacts/contact_json.h"

#include "core/time_zone.h"

namespace rx::contacts {
namespace {

nlohmann::json opt(const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }
nlohmann::json opt(const std::optional<std::int64_t>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }
nlohmann::json instant(const std::optional<std::int64_t>& ms, std::string_view tz) {
  return ms ? nlohmann::json(core::format_instant(*ms, tz)) : nlohmann::json();
}

}  // namespace

nlohmann::json to_json(const Contact& c, std::string_view tz) {
  return {{"id", c.id},
          {"phone", c.phone},
          {"phone_type", c.phone_type},
          {"name", opt(c.name)},
          {"status", c.status},
          {"whatsapp_status", c.whatsapp_status},
          {"whatsapp_status_source", opt(c.whatsapp_status_source)},
          {"whatsapp_status_at", instant(c.whatsapp_status_at, tz)},
          {"wrong_number", c.wrong_number},
          {"assigned_staff_id", opt(c.assigned_staff_id)},
          {"assigned_at", instant(c.assigned_at, tz)},
          {"upload_id", opt(c.upload_id)},
          {"source_row", opt(c.source_row)},
          {"notes", opt(c.notes)},
          {"customer_id", opt(c.customer_id)},
          {"contacted_at", instant(c.contacted_at, tz)},
          {"yellow_at", instant(c.yellow_at, tz)},
          {"converted_at", instant(c.converted_at, tz)},
          {"conversion_bill_id", opt(c.conversion_bill_id)},
          {"conversion_value_paise", opt(c.conversion_value_paise)},
          {"created_at", core::format_instant(c.created_at, tz)},
          {"updated_at", core::format_instant(c.updated_at, tz)}};
}

nlohmann::json to_json(const ContactDetail& detail, std::string_view tz) {
  nlohmann::json out = to_json(detail.contact, tz);
  nlohmann::json extra = nlohmann::json::object();
  if (detail.contact.extra) {
    extra = nlohmann::json::parse(*detail.contact.extra, nullptr, false);
    if (extra.is_discarded()) extra = nlohmann::json::object();
  }
  out["extra"] = extra;
  out["interactions"] = nlohmann::json::array();
  for (const auto& i : detail.interactions) out["interactions"].push_back(to_json(i, tz));
  out["reminders"] = nlohmann::json::array();
  for (const auto& f : detail.follow_ups) out["reminders"].push_back(to_json(f, tz));
  return out;
}

nlohmann::json to_json(const Interaction& i, std::string_view tz) {
  return {{"id", i.id},
          {"contact_id", i.contact_id},
          {"staff_id", opt(i.staff_id)},
          {"staff_name", opt(i.staff_name)},
          {"kind", i.kind},
          {"outcome", i.outcome},
          {"notes", opt(i.notes)},
          {"created_at", core::format_instant(i.created_at, tz)}};
}

nlohmann::json to_json(const FollowUp& f, std::string_view tz) {
  return {{"id", f.id},
          {"contact_id", f.contact_id},
          {"contact_phone", f.contact_phone},
          {"contact_name", opt(f.contact_name)},
          {"staff_id", f.staff_id},
          {"staff_name", opt(f.staff_name)},
          {"created_by", opt(f.created_by)},
          {"due_at", core::format_instant(f.due_at, tz)},
          {"note", opt(f.note)},
          {"done", f.done_at.has_value()},
          {"done_at", instant(f.done_at, tz)},
          {"created_at", core::format_instant(f.created_at, tz)}};
}

nlohmann::json to_json(const Upload& u, std::string_view tz) {
  return {{"id", u.id},
          {"upload_id", u.id},
          {"file_name", u.file_name},
          {"file_format", u.file_format},
          {"uploaded_by", opt(u.uploaded_by)},
          {"uploaded_by_name", opt(u.uploaded_by_name)},
          {"total_rows", u.total_rows},
          {"imported", u.imported},
          {"duplicates", u.duplicates},
          {"invalid", u.invalid_rows},
          {"created_at", core::format_instant(u.created_at, tz)}};
}

nlohmann::json to_json(const UploadError& e) {
  return {{"row", e.row_number}, {"value", e.value}, {"reason", e.reason}};
}

}  // namespace rx::contacts
