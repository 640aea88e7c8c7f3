#include "contacts/contact_json.h"

#include "core/json_values.h"
#include "core/time_zone.h"

namespace rx::contacts {

nlohmann::json to_json(const Contact& c, std::string_view tz) {
  return {{"id", c.id},
          {"phone", c.phone},
          {"phone_type", c.phone_type},
          {"name", core::nullable(c.name)},
          {"status", c.status},
          {"whatsapp_status", c.whatsapp_status},
          {"whatsapp_status_source", core::nullable(c.whatsapp_status_source)},
          {"whatsapp_status_at", core::nullable_instant(c.whatsapp_status_at, tz)},
          {"wrong_number", c.wrong_number},
          {"assigned_staff_id", core::nullable(c.assigned_staff_id)},
          {"assigned_at", core::nullable_instant(c.assigned_at, tz)},
          {"upload_id", core::nullable(c.upload_id)},
          {"source_row", core::nullable(c.source_row)},
          {"notes", core::nullable(c.notes)},
          {"customer_id", core::nullable(c.customer_id)},
          {"contacted_at", core::nullable_instant(c.contacted_at, tz)},
          {"yellow_at", core::nullable_instant(c.yellow_at, tz)},
          {"converted_at", core::nullable_instant(c.converted_at, tz)},
          {"conversion_bill_id", core::nullable(c.conversion_bill_id)},
          {"conversion_value_paise", core::nullable(c.conversion_value_paise)},
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
          {"staff_id", core::nullable(i.staff_id)},
          {"staff_name", core::nullable(i.staff_name)},
          {"kind", i.kind},
          {"outcome", i.outcome},
          {"notes", core::nullable(i.notes)},
          {"created_at", core::format_instant(i.created_at, tz)}};
}

nlohmann::json to_json(const FollowUp& f, std::string_view tz) {
  return {{"id", f.id},
          {"contact_id", f.contact_id},
          {"contact_phone", f.contact_phone},
          {"contact_name", core::nullable(f.contact_name)},
          {"staff_id", f.staff_id},
          {"staff_name", core::nullable(f.staff_name)},
          {"created_by", core::nullable(f.created_by)},
          {"due_at", core::format_instant(f.due_at, tz)},
          {"note", core::nullable(f.note)},
          {"done", f.done_at.has_value()},
          {"done_at", core::nullable_instant(f.done_at, tz)},
          {"created_at", core::format_instant(f.created_at, tz)}};
}

nlohmann::json to_json(const Upload& u, std::string_view tz) {
  return {{"id", u.id},
          {"upload_id", u.id},
          {"file_name", u.file_name},
          {"file_format", u.file_format},
          {"uploaded_by", core::nullable(u.uploaded_by)},
          {"uploaded_by_name", core::nullable(u.uploaded_by_name)},
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
