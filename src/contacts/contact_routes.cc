#include "contacts/contact_routes.h"

#include "contacts/contact_filter_parser.h"
#include "contacts/contact_json.h"
#include "contacts/upload_form_routes.h"
#include "contacts/upload_preview_json.h"
#include "core/csv_writer.h"
#include "core/error.h"
#include "core/json_fields.h"
#include "core/time_zone.h"
#include "http/list_params.h"
#include "http/query_params.h"

namespace rx::contacts {
namespace {

using core::AppError;
using core::ErrorCode;
using core::Presence;
using http::Access;
using http::RequestContext;

constexpr std::string_view kBase = "/api/customer-tracking";
// The follow-up list's staff_id for everyone's.
constexpr std::string_view kEveryone = "all";

std::string route(std::string_view tail) { return std::string(kBase) + std::string(tail); }

std::string list_json(const std::vector<Contact>& items, std::int64_t total, std::string_view tz) {
  constexpr std::size_t kBytesPerContact = 900;  // a contact's JSON is 650 to 880 bytes
  core::JsonWriter w;
  w.reserve(64 + items.size() * kBytesPerContact);
  w.begin_object().key("items").begin_array();
  for (const auto& c : items) write_json_with_best_time(w, c, tz);
  w.end_array().field("total", total).end_object();
  return w.take();
}

// The text of a JSON value for the shared filter parser (ids may come as numbers).
std::optional<std::string> json_text(const nlohmann::json& object, const std::string& name) {
  auto it = object.find(name);
  if (it == object.end() || it->is_null()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  throw AppError(ErrorCode::kValidation, name + " has the wrong type",
                 {{"fields", {{name, "wrong type"}}}});
}

template <class Id>
std::vector<Id> id_list(const nlohmann::json& body, const std::string& name, bool required) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required)
      throw AppError(ErrorCode::kValidation, name + " is required",
                     {{"fields", {{name, "required"}}}});
    return {};
  }
  if (!it->is_array() || (required && it->empty())) {
    throw AppError(ErrorCode::kValidation, name + " must be a non-empty list of ids",
                   {{"fields", {{name, "must be a non-empty list of ids"}}}});
  }
  std::vector<Id> out;
  for (const auto& v : *it) {
    if (!v.is_number_integer() || v.get<std::int64_t>() <= 0) {
      throw AppError(ErrorCode::kValidation, name + " must hold ids",
                     {{"fields", {{name, "must hold ids"}}}});
    }
    out.emplace_back(v.get<std::int64_t>());
  }
  return out;
}

ContactUpdate read_update(const nlohmann::json& body) {
  core::FieldReader fields(body);
  ContactUpdate update;
  if (body.contains("name")) update.name = fields.text("name", Presence::kOptional, 200);
  if (body.contains("notes")) update.notes = fields.text("notes", Presence::kOptional, 4000);
  if (auto status = fields.text("status", Presence::kOptional, 20)) {
    update.status = parse_contact_status(*status);
    if (!update.status) fields.fail("status", "must be pending, contacted, converted or yellow");
  }
  if (auto wa = fields.text("whatsapp_status", Presence::kOptional, 20)) {
    update.whatsapp_status = parse_whatsapp_status(*wa);
    if (!update.whatsapp_status)
      fields.fail("whatsapp_status", "must be unknown, active or inactive");
  }
  fields.finish();
  return update;
}

// RFC 3339: a date, a time and an offset (Z or +HH:MM); a time without one is refused, since
// a call logged later from a personal phone must say which clock it was read from.
std::optional<std::int64_t> parse_rfc3339(std::string_view text) {
  const bool zulu = !text.empty() && (text.back() == 'Z' || text.back() == 'z');
  const bool offset = text.size() >= 6 &&
                      (text[text.size() - 6] == '+' || text[text.size() - 6] == '-') &&
                      text[text.size() - 3] == ':';
  if (text.size() < 20 || (text[10] != 'T' && text[10] != 't') || !(zulu || offset))
    return std::nullopt;
  return core::parse_instant(text, "UTC");
}

NewInteraction read_interaction(const nlohmann::json& body) {
  core::FieldReader fields(body);
  NewInteraction in;
  const std::string kind = fields.text("kind", Presence::kRequired, 20).value_or("");
  const std::string outcome = fields.text("outcome", Presence::kRequired, 40).value_or("");
  in.notes = fields.text("notes", Presence::kOptional, 4000);
  in.inbound = fields.boolean("inbound", Presence::kOptional).value_or(false);
  if (auto occurred = fields.text("occurred_at", Presence::kOptional, 40)) {
    in.occurred_at = parse_rfc3339(*occurred);
    if (!in.occurred_at)
      fields.fail("occurred_at",
                  "must be a date-time with an offset like 2026-12-07T18:30:00+05:30");
  }
  if (!kind.empty()) {
    const std::optional<InteractionKind> known = parse_interaction_kind(kind);
    if (known)
      in.kind = *known;
    else
      fields.fail("kind", "must be call, whatsapp, sms or visit");
  }
  if (!outcome.empty()) {
    const std::optional<InteractionOutcome> known = parse_logged_outcome(outcome);
    if (known) {
      in.outcome = *known;
    } else {
      fields.fail("outcome",
                  "must be answered, no_answer, busy, switched_off, wrong_number, not_interested, "
                  "interested, callback_requested or do_not_call");
    }
  }
  fields.finish();
  return in;
}

NewFollowUp read_follow_up(const nlohmann::json& body, std::string_view tz) {
  core::FieldReader fields(body);
  NewFollowUp in;
  if (auto due = fields.text("due_at", Presence::kRequired, 40)) {
    auto instant = core::parse_instant(*due, tz);
    if (!instant) fields.fail("due_at", "must be a date-time like 2026-11-25T10:30:00+05:30");
    in.due_at = instant.value_or(0);
  }
  in.note = fields.text("note", Presence::kOptional, 2000);
  if (auto staff_id = fields.integer("staff_id", Presence::kOptional, 1, INT64_MAX)) {
    in.staff_id = core::StaffId(*staff_id);
  }
  fields.finish();
  return in;
}

FollowUpDue parse_due(const std::optional<std::string>& text) {
  if (!text) return FollowUpDue::kAll;
  if (auto due = core::enum_from_name<FollowUpDue>(*text)) return *due;
  throw AppError(ErrorCode::kValidation, "due must be today, overdue, upcoming or all",
                 {{"fields", {{"due", "must be today, overdue, upcoming or all"}}}});
}

void register_upload_routes(http::Router& router, ContactImportService& importer,
                            ContactService& contacts) {
  router.post(
      route("/contacts/upload"), Access::kManagerOrOwner,
      [&importer, &contacts](RequestContext& ctx, httplib::Response& res) {
        const auto& req = ctx.request();
        // The part is read where httplib keeps it (get_file_value would copy the whole file).
        const auto part = req.files.find("file");
        if (part == req.files.end()) {
          throw AppError(ErrorCode::kValidation, "send the sheet as multipart field \"file\"",
                         {{"fields", {{"file", "required"}}}});
        }
        const httplib::MultipartFormData& file = part->second;
        const auth::Principal& me = ctx.principal();
        const bool preview = wants_preview(ctx);
        const import::SheetChoice choice = read_sheet_choice(req);
        ImportRequest request{core::ShopId(me.shop_id), me.phone_region, core::StaffId(me.staff_id),
                              file.filename.empty() ? "upload" : file.filename, file.content};
        if (preview) {
          const nlohmann::json body = to_json(importer.preview(request, choice, wants_counts(ctx)),
                                              request.file_name, me.time_zone);
          http::reply_json_text(
              res, 200, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
          return;
        }
        ImportResult result = importer.import(request, {}, false, choice);
        nlohmann::json body = to_json(result.upload, me.time_zone);
        add_errors(body, result.errors, kUploadAnswerErrors,
                   static_cast<std::int64_t>(result.errors.size()));
        // The import has committed; its share-out (auto_assign on_upload) is a write of its own.
        const AssignOutcome shared = contacts.share_upload(me, core::UploadId(result.upload.id));
        const nlohmann::json split = to_json(shared);
        body["assigned"] = split["assigned"];
        body["unassigned"] = split["unassigned"];
        http::reply_json(res, 201, body);
      },
      http::BodyKind::kUpload);

  router.get(route("/uploads"), Access::kManagerOrOwner,
             [&contacts](RequestContext& ctx, httplib::Response& res) {
               const http::ListParams page = http::read_list_params(ctx);
               UploadPage uploads = contacts.uploads(ctx.principal(), page.limit, page.offset);
               nlohmann::json items = nlohmann::json::array();
               for (const auto& u : uploads.items)
                 items.push_back(to_json(u, ctx.principal().time_zone));
               http::reply_json(res, 200, {{"items", items}, {"total", uploads.total}});
             });

  router.get(route(R"(/uploads/([^/]+))"), Access::kManagerOrOwner,
             [&contacts](RequestContext& ctx, httplib::Response& res) {
               const core::UploadId id(ctx.path_id());
               const http::ListParams page = http::read_list_params(ctx);
               UploadDetail detail = contacts.upload(ctx.principal(), id, page.limit, page.offset);
               nlohmann::json body = to_json(detail.upload, ctx.principal().time_zone);
               add_errors(body, detail.errors, detail.errors.size(), detail.errors_total);
               http::reply_json(res, 200, body);
             });

  router.get(route(R"(/uploads/([^/]+)/errors\.csv)"), Access::kManagerOrOwner,
             [&contacts](RequestContext& ctx, httplib::Response& res) {
               UploadDetail detail =
                   contacts.export_upload_errors(ctx.principal(), core::UploadId(ctx.path_id()));
               core::CsvWriter csv;
               csv.row({"row", "value", "reason"});
               for (const auto& e : detail.errors)
                 csv.row({std::to_string(e.row_number), e.value, e.reason});
               res.set_header("Content-Disposition", "attachment; filename=\"upload-" +
                                                         std::to_string(detail.upload.id) +
                                                         "-errors.csv\"");
               res.set_content(csv.str(), "text/csv; charset=utf-8");
             });
}

}  // namespace

void register_contact_routes(http::Router& router, ContactService& contacts,
                             ContactImportService& importer) {
  register_upload_routes(router, importer, contacts);

  router.get(route("/contacts"), Access::kSignedIn,
             [&contacts](RequestContext& ctx, httplib::Response& res) {
               const http::ListParams page = http::read_list_params(ctx);
               ContactFilter filter = parse_contact_filter(
                   [&ctx](const std::string& name) { return ctx.query(name); });
               ContactPage result =
                   contacts.list(ctx.principal(), filter, parse_contact_sort(ctx.query("sort")),
                                 page.limit, page.offset);
               http::reply_json_text(
                   res, 200, list_json(result.items, result.total, ctx.principal().time_zone));
             });

  router.post(route("/contacts/assign"), Access::kManagerOrOwner,
              [&contacts](RequestContext& ctx, httplib::Response& res) {
                nlohmann::json body = ctx.json_body();
                core::FieldReader fields(body);
                AssignRequest request;
                request.staff_ids = id_list<core::StaffId>(body, "staff_ids", true);
                if (body.contains("contact_ids")) {
                  request.contact_ids = id_list<core::ContactId>(body, "contact_ids", true);
                } else {
                  const nlohmann::json filter = body.value("filter", nlohmann::json::object());
                  if (!filter.is_object()) fields.fail("filter", "must be an object");
                  request.filter = parse_contact_filter(
                      [&filter](const std::string& name) { return json_text(filter, name); });
                }
                request.limit = fields.integer("limit", Presence::kOptional, 1, 1'000'000);
                request.reassign = fields.boolean("reassign", Presence::kOptional).value_or(false);
                fields.finish();
                http::reply_json(res, 200, to_json(contacts.assign(ctx.principal(), request)));
              });

  router.get(route(R"(/contacts/([^/]+))"), Access::kSignedIn,
             [&contacts](RequestContext& ctx, httplib::Response& res) {
               http::reply_json(
                   res, 200,
                   to_json(contacts.get(ctx.principal(), core::ContactId(ctx.path_id())),
                           ctx.principal().time_zone));
             });

  router.put(route(R"(/contacts/([^/]+))"), Access::kSignedIn,
             [&contacts](RequestContext& ctx, httplib::Response& res) {
               const core::ContactId id(ctx.path_id());
               Contact updated = contacts.update(ctx.principal(), id, read_update(ctx.json_body()));
               http::reply_json(res, 200, to_json(updated, ctx.principal().time_zone));
             });

  router.post(route(R"(/contacts/([^/]+)/interactions)"), Access::kSignedIn,
              [&contacts](RequestContext& ctx, httplib::Response& res) {
                const core::ContactId id(ctx.path_id());
                Interaction created = contacts.add_interaction(ctx.principal(), id,
                                                               read_interaction(ctx.json_body()));
                http::reply_json(res, 201, to_json(created, ctx.principal().time_zone));
              });

  router.get(route(R"(/contacts/([^/]+)/interactions)"), Access::kSignedIn,
             [&contacts](RequestContext& ctx, httplib::Response& res) {
               const core::ContactId id(ctx.path_id());
               const http::ListParams page = http::read_list_params(ctx);
               InteractionPage result =
                   contacts.interactions(ctx.principal(), id, page.limit, page.offset);
               nlohmann::json out = nlohmann::json::array();
               for (const auto& i : result.items)
                 out.push_back(to_json(i, ctx.principal().time_zone));
               http::reply_json(res, 200, {{"items", out}, {"total", result.total}});
             });

  router.post(route(R"(/contacts/([^/]+)/reminders)"), Access::kSignedIn,
              [&contacts](RequestContext& ctx, httplib::Response& res) {
                const core::ContactId id(ctx.path_id());
                FollowUp created = contacts.add_follow_up(
                    ctx.principal(), id,
                    read_follow_up(ctx.json_body(), ctx.principal().time_zone));
                http::reply_json(res, 201, to_json(created, ctx.principal().time_zone));
              });

  router.post(route(R"(/contacts/([^/]+)/mark-yellow)"), Access::kSignedIn,
              [&contacts](RequestContext& ctx, httplib::Response& res) {
                const core::ContactId id(ctx.path_id());
                std::optional<std::string> note;
                if (!ctx.request().body.empty()) {
                  nlohmann::json body = ctx.json_body();
                  core::FieldReader fields(body);
                  note = fields.text("note", Presence::kOptional, 2000);
                  fields.finish();
                }
                Contact updated = contacts.mark_yellow(ctx.principal(), id, note);
                http::reply_json(res, 200, to_json(updated, ctx.principal().time_zone));
              });

  router.get(route("/reminders"), Access::kSignedIn,
             [&contacts](RequestContext& ctx, httplib::Response& res) {
               const http::ListParams page = http::read_list_params(ctx);
               std::optional<core::StaffId> staff_id;
               bool everyone = false;
               if (auto who = ctx.query("staff_id")) {
                 everyone = *who == kEveryone;
                 const std::optional<std::int64_t> id =
                     everyone ? std::nullopt : http::query_id(ctx, "staff_id");
                 if (id) staff_id = core::StaffId(*id);
               }
               FollowUpPage result =
                   contacts.follow_ups(ctx.principal(), parse_due(ctx.query("due")), staff_id,
                                       everyone, page.limit, page.offset);
               nlohmann::json items = nlohmann::json::array();
               for (const auto& f : result.items)
                 items.push_back(to_json(f, ctx.principal().time_zone));
               http::reply_json(res, 200, {{"items", items}, {"total", result.total}});
             });

  router.post(route(R"(/reminders/([^/]+)/done)"), Access::kSignedIn,
              [&contacts](RequestContext& ctx, httplib::Response& res) {
                FollowUp done =
                    contacts.complete_follow_up(ctx.principal(), core::FollowUpId(ctx.path_id()));
                http::reply_json(res, 200, to_json(done, ctx.principal().time_zone));
              });
}

}  // namespace rx::contacts
