#include "contacts/contact_json.h"

#include "core/json_values.h"
#include "core/time_zone.h"

namespace rx::contacts {

namespace {

void write_fields(core::JsonWriter& w, const Contact& c, std::string_view tz) {
  w.field("id", c.id)
      .field("phone", c.phone)
      .field("phone_type", c.phone_type)
      .field("name", c.name)
      .key("status")
      .raw_string(to_string(c.status))  // a spelling: plain ASCII, nothing to escape
      .key("whatsapp_status")
      .raw_string(to_string(c.whatsapp_status))
      .field("whatsapp_status_source", c.whatsapp_status_source);
  core::write_instant(w, "whatsapp_status_at", c.whatsapp_status_at, tz);
  w.field("wrong_number", c.wrong_number)
      .field("unreached_calls", c.unreached_calls)
      .field("unreachable", c.unreachable)
      .field("do_not_contact", c.do_not_contact)
      .field("do_not_contact_by", c.do_not_contact_by);
  core::write_instant(w, "do_not_contact_at", c.do_not_contact_at, tz);
  w.field("assigned_staff_id", c.assigned_staff_id);
  core::write_instant(w, "assigned_at", c.assigned_at, tz);
  w.field("upload_id", c.upload_id)
      .field("source_row", c.source_row)
      .field("notes", c.notes)
      .field("customer_id", c.customer_id);
  core::write_instant(w, "contacted_at", c.contacted_at, tz);
  core::write_instant(w, "yellow_at", c.yellow_at, tz);
  core::write_instant(w, "converted_at", c.converted_at, tz);
  w.field("conversion_bill_id", c.conversion_bill_id)
      .field("conversion_value_paise", c.conversion_value_paise);
  core::write_instant(w, "created_at", c.created_at, tz);
  core::write_instant(w, "updated_at", c.updated_at, tz);
  // Shown for open contacts only: a converted or yellow one's is no longer a prediction.
  w.key("conversion_score");
  if (is_open(c.status) && c.conversion_score) {
    w.raw(*c.conversion_score);
  } else {
    w.null();
  }
}

void write_best_time(core::JsonWriter& w, const std::optional<BestTime>& best) {
  w.key("best_time");
  if (!best) {
    w.null();
    return;
  }
  w.begin_object()
      .field("start_hour", std::int64_t{best->start_hour})
      .field("end_hour", std::int64_t{best->end_hour});
  w.key("weekday");
  if (best->weekday) {
    w.number(std::int64_t{*best->weekday});
  } else {
    w.null();
  }
  w.field("basis", core::enum_name(best->basis)).end_object();
}

}  // namespace

void write_json(core::JsonWriter& w, const Contact& c, std::string_view tz) {
  w.begin_object();
  write_fields(w, c, tz);
  w.end_object();
}

void write_json_with_best_time(core::JsonWriter& w, const Contact& c, std::string_view tz) {
  w.begin_object();
  write_fields(w, c, tz);
  write_best_time(w, c.best_time);
  w.end_object();
}

nlohmann::json to_json(const Contact& c, std::string_view tz) {
  core::JsonWriter w;
  write_json(w, c, tz);
  return nlohmann::json::parse(w.text());
}

nlohmann::json to_json(const ContactDetail& detail, std::string_view tz) {
  core::JsonWriter w;
  write_json_with_best_time(w, detail.contact, tz);
  nlohmann::json out = nlohmann::json::parse(w.text());
  nlohmann::json extra = nlohmann::json::object();
  if (detail.contact.extra) {
    extra = nlohmann::json::parse(*detail.contact.extra, nullptr, false);
    if (extra.is_discarded()) extra = nlohmann::json::object();
  }
  out["extra"] = extra;
  out["interactions"] = nlohmann::json::array();
  for (const auto& i : detail.interactions) out["interactions"].push_back(to_json(i, tz));
  out["interactions_total"] = detail.interactions_total;
  out["do_not_contact_by_name"] = core::nullable(detail.do_not_contact_by_name);
  out["reminders"] = nlohmann::json::array();
  for (const auto& f : detail.follow_ups) out["reminders"].push_back(to_json(f, tz));
  out["assignments"] = nlohmann::json::array();
  for (const auto& a : detail.assignments) out["assignments"].push_back(to_json(a, tz));
  return out;
}

nlohmann::json to_json(const AssignOutcome& outcome) {
  nlohmann::json assigned = nlohmann::json::object();
  for (const auto& [staff_id, count] : outcome.assigned)
    assigned[std::to_string(staff_id.value())] = count;
  return {{"assigned", assigned}, {"unassigned", outcome.unassigned}};
}

nlohmann::json to_json(const AssignmentRecord& a, std::string_view tz) {
  return {{"id", a.id},
          {"contact_id", a.contact_id},
          {"from_staff_id", core::nullable(a.from_staff)},
          {"from_staff_name", core::nullable(a.from_name)},
          {"to_staff_id", a.to_staff},
          {"to_staff_name", core::nullable(a.to_name)},
          {"by_staff_id", core::nullable(a.by_staff)},
          {"by_staff_name", core::nullable(a.by_name)},
          {"automatic", !a.by_staff.has_value()},
          {"why", core::enum_name(a.why)},
          {"at", core::format_instant(a.at, tz)}};
}

nlohmann::json to_json(const Interaction& i, std::string_view tz) {
  return {{"id", i.id},
          {"contact_id", i.contact_id},
          {"staff_id", core::nullable(i.staff_id)},
          {"staff_name", core::nullable(i.staff_name)},
          {"kind", to_string(i.kind)},
          {"outcome", to_string(i.outcome)},
          {"notes", core::nullable(i.notes)},
          {"inbound", i.inbound},
          {"created_at", core::format_instant(i.created_at, tz)},
          {"occurred_at", core::format_instant(i.occurred_at, tz)}};
}

nlohmann::json to_json(const FollowUp& f, std::string_view tz) {
  return {{"id", f.id},
          {"contact_id", f.contact_id},
          {"contact_phone", core::nullable(f.contact_phone)},
          {"contact_name", core::nullable(f.contact_name)},
          {"staff_id", f.staff_id},
          {"staff_name", core::nullable(f.staff_name)},
          {"created_by", core::nullable(f.created_by)},
          {"due_at", core::format_instant(f.due_at, tz)},
          {"note", core::nullable(f.note)},
          {"done", f.done_at.has_value()},
          {"done_at", core::nullable_instant(f.done_at, tz)},
          {"reassigned", f.reassigned},
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

void add_errors(nlohmann::json& upload, const std::vector<UploadError>& errors, std::size_t at_most,
                std::int64_t total) {
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = 0; i < errors.size() && i < at_most; ++i)
    items.push_back(to_json(errors[i]));
  upload["errors"] = std::move(items);
  upload["errors_total"] = total;
}

}  // namespace rx::contacts
