#include "contacts/contact_service.h"

#include "audit/audit_log.h"
#include "contacts/assignment_repository.h"
#include "contacts/auto_assign.h"
#include "contacts/do_not_contact_repository.h"
#include "core/error.h"
#include "core/time_zone.h"
#include "phone/number_type.h"
#include "staff/staff_repository.h"

#include <algorithm>
#include <set>

namespace rx::contacts {

using core::AppError;
using core::ContactId;
using core::ErrorCode;
using core::ShopId;
using core::StaffId;

namespace {

constexpr std::int64_t kMaxAssignBatch = 1'000'000;

bool is_staff_role(const auth::Principal& actor) { return actor.role == auth::Role::kStaff; }

ShopId shop_of(const auth::Principal& actor) { return ShopId(actor.shop_id); }
StaffId staff_of(const auth::Principal& actor) { return StaffId(actor.staff_id); }

// Only a number that may be a mobile can be active on WhatsApp.
bool may_be_on_whatsapp(std::string_view phone_type) {
  return phone_type == phone::to_string(phone::NumberType::kMobile) ||
         phone_type == phone::to_string(phone::NumberType::kFixedLineOrMobile);
}

std::int64_t start_of_tomorrow(const auth::Principal& actor, std::int64_t now_ms) {
  const std::string today = core::local_date(now_ms, actor.time_zone);
  return core::start_of_local_day(core::add_days(today, 1), actor.time_zone);
}

// An interaction logged after the fact: at most kOccurredAtMaxFutureMs ahead of `now` (a phone's
// clock a little fast) and at most kOccurredAtMaxAgeMs behind it.
void check_occurred_at(std::int64_t occurred_at, std::int64_t now) {
  if (occurred_at > now + kOccurredAtMaxFutureMs) {
    throw AppError(ErrorCode::kValidation, "occurred_at is in the future",
                   {{"fields", {{"occurred_at", "must not be more than 5 minutes from now"}}}});
  }
  if (occurred_at < now - kOccurredAtMaxAgeMs) {
    throw AppError(ErrorCode::kValidation, "occurred_at is too old",
                   {{"fields", {{"occurred_at", "must not be older than 30 days"}}}});
  }
}

// Checks that every chosen staff member belongs to the shop and is active.
void check_assignees(storage::Connection& c, ShopId shop_id, const std::vector<StaffId>& ids) {
  for (StaffId staff_id : ids) {
    const std::int64_t id = staff_id.value();
    auto member = staff::StaffRepository::find(c, shop_id.value(), id);
    if (!member) {
      throw AppError(ErrorCode::kValidation, "no such staff member: " + std::to_string(id),
                     {{"fields", {{"staff_ids", "no such staff member: " + std::to_string(id)}}}});
    }
    if (!member->active) {
      throw AppError(ErrorCode::kValidation, member->name + " is not active",
                     {{"fields", {{"staff_ids", "inactive staff member: " + std::to_string(id)}}}});
    }
  }
}

// Refuses a chosen staff member who is away today, naming staff_ids; answers the chosen ones
// capacities.
AssignCapacity check_present(const std::vector<Assignee>& assignees,
                             const std::vector<StaffId>& chosen) {
  AssignCapacity capacity;
  for (const Assignee& a : assignees) {
    if (!std::binary_search(chosen.begin(), chosen.end(), a.id)) continue;
    if (a.away) {
      const std::string until = a.away_until ? " until " + *a.away_until : "";
      const std::string id = std::to_string(a.id.value());
      throw AppError(ErrorCode::kValidation, "staff member " + id + " is away" + until,
                     {{"fields", {{"staff_ids", "away staff member: " + id + until}}}});
    }
    if (a.capacity) capacity[a.id] = *a.capacity;
  }
  return capacity;
}

// A staff-role reader sees a contact's phone and name only while it is assigned to them; a
// follow-up they set before it was reassigned keeps its time, so they can clear it.
void hide_contact_not_theirs(const auth::Principal& actor, FollowUp& follow_up) {
  if (!is_staff_role(actor) || follow_up.contact_assigned_staff_id == actor.staff_id) return;
  follow_up.reassigned = true;
  follow_up.contact_phone.reset();
  follow_up.contact_name.reset();
  follow_up.note.reset();
}

// The person asked not to be called or messaged: the contact and the customer with its phone are
// marked, and the change is audited with the mark before and after.
void mark_do_not_contact(storage::Connection& c, const auth::Principal& actor,
                         const Contact& contact, std::int64_t now) {
  const DoNotContactRepository::Change change =
      DoNotContactRepository::set_for_phone(c, shop_of(actor), contact.phone, staff_of(actor), now);
  nlohmann::json details = {{"field", "do_not_contact"},
                            {"before", change.contact_was_set},
                            {"after", true},
                            {"customer_id", nullptr}};
  if (change.customer_id) details["customer_id"] = change.customer_id->value();
  if (!change.contact_was_set || (change.customer_id && !change.customer_was_set))
    audit::record(c, actor, kDoNotContactSetAction, "contact", contact.id, details, now);
}

}  // namespace

void ContactService::prepare_filter(const auth::Principal& actor, ContactFilter& filter) const {
  filter.now_ms = clock_.now_ms();
  filter.due_before_ms = start_of_tomorrow(actor, filter.now_ms);
  if (is_staff_role(actor)) {
    filter.assigned_staff_id = staff_of(actor);
    filter.unassigned = false;
  }
}

Contact ContactService::visible_contact(storage::Connection& c, const auth::Principal& actor,
                                        ContactId id) {
  auto contact = ContactRepository::find(c, shop_of(actor), id);
  if (!contact || (is_staff_role(actor) && contact->assigned_staff_id != actor.staff_id)) {
    core::throw_not_found("contact");
  }
  return *contact;
}

ContactPage ContactService::list(const auth::Principal& actor, ContactFilter filter,
                                 ContactSort sort, std::int64_t limit, std::int64_t offset) {
  prepare_filter(actor, filter);
  ContactPage page;
  db_.with_connection([&](storage::Connection& c) {
    page.items = ContactRepository::list(c, shop_of(actor), filter, sort, limit, offset);
    page.total = ContactRepository::count(c, shop_of(actor), filter);
  });
  if (best_times_) best_times_->fill(actor, page.items);
  return page;
}

ContactDetail ContactService::get(const auth::Principal& actor, ContactId id) {
  ContactDetail detail;
  db_.with_connection([&](storage::Connection& c) {
    detail.contact = visible_contact(c, actor, id);
    detail.interactions =
        ContactRepository::interactions(c, shop_of(actor), id, kDetailInteractions, 0);
    detail.interactions_total = ContactRepository::count_interactions(c, shop_of(actor), id);
    detail.follow_ups = FollowUpRepository::for_contact(c, shop_of(actor), id);
    if (detail.contact.do_not_contact_by) {
      if (auto by =
              staff::StaffRepository::find(c, actor.shop_id, *detail.contact.do_not_contact_by))
        detail.do_not_contact_by_name = by->name;
    }
    detail.assignments =
        AssignmentRepository::for_contact(c, shop_of(actor), id, kDetailInteractions);
  });
  if (best_times_) best_times_->fill(actor, std::span<Contact>(&detail.contact, 1));
  return detail;
}

Contact ContactService::update(const auth::Principal& actor, ContactId id,
                               const ContactUpdate& update) {
  Contact result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    Contact current = visible_contact(c, actor, id);
    const std::int64_t now = clock_.now_ms();
    if (update.status) {
      const ContactStatus from = current.status;
      const ContactStatus to = *update.status;
      if (to == ContactStatus::kConverted && from != to) {
        throw AppError(ErrorCode::kValidation,
                       "a contact becomes converted when a bill is made for its phone",
                       {{"fields", {{"status", "converted comes from a bill"}}}});
      }
      if (from != to) {
        if (!is_allowed_move(from, to) ||
            !ContactRepository::move_status(c, shop_of(actor), id, from, to, now)) {
          throw AppError(ErrorCode::kConflict,
                         "a contact cannot move from " + std::string(to_string(from)) + " to " +
                             std::string(to_string(to)),
                         {{"from", to_string(from)}, {"to", to_string(to)}});
        }
      }
    }
    if (update.whatsapp_status) {
      const bool can_be_active = may_be_on_whatsapp(current.phone_type);
      if (*update.whatsapp_status == WhatsappStatus::kActive && !can_be_active) {
        throw AppError(ErrorCode::kValidation, "only mobile numbers can be active on WhatsApp",
                       {{"fields", {{"whatsapp_status", "not a mobile number"}}}});
      }
      ContactRepository::set_whatsapp_status(c, shop_of(actor), id, *update.whatsapp_status,
                                             "staff", now);
    }
    if (update.name || update.notes) {
      ContactRepository::update(c, shop_of(actor), id, {update.name, update.notes}, now);
    }
    result = *ContactRepository::find(c, shop_of(actor), id);
  });
  return result;
}

Interaction ContactService::add_interaction(const auth::Principal& actor, ContactId id,
                                            const NewInteraction& in) {
  Interaction created;
  if (in.occurred_at) check_occurred_at(*in.occurred_at, clock_.now_ms());
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    Contact contact = visible_contact(c, actor, id);
    const std::int64_t now = clock_.now_ms();
    const std::int64_t occurred_at = in.occurred_at.value_or(now);
    const core::InteractionId interaction_id =
        ContactRepository::insert_interaction(c, shop_of(actor), id, staff_of(actor), in.kind,
                                              in.outcome, in.notes, now, occurred_at, in.inbound);
    if (contact.status == ContactStatus::kPending) {
      ContactRepository::move_status(c, shop_of(actor), id, ContactStatus::kPending,
                                     ContactStatus::kContacted, now);
    }
    if (in.outcome == InteractionOutcome::kWrongNumber)
      ContactRepository::flag_wrong_number(c, shop_of(actor), id, now);
    const CallEffect effect = call_effect(in.kind, in.outcome, in.inbound);
    if (effect != CallEffect::kNone) {
      const std::int64_t max_attempts =
          effect == CallEffect::kNotReached
              ? ContactRepository::max_call_attempts(c, shop_of(actor))
              : 0;
      ContactRepository::apply_call_effect(c, shop_of(actor), id, effect, max_attempts, now);
    }
    if (in.outcome == InteractionOutcome::kDoNotCall) mark_do_not_contact(c, actor, contact, now);
    if (refresh_scores_) refresh_scores_(c, shop_of(actor), id, now);
    created = Interaction{interaction_id.value(),
                          id.value(),
                          actor.staff_id,
                          actor.name,
                          in.kind,
                          in.outcome,
                          in.notes,
                          in.inbound,
                          now,
                          occurred_at};
  });
  if (best_times_ && in.kind == InteractionKind::kCall) best_times_->calls_changed(shop_of(actor));
  return created;
}

InteractionPage ContactService::interactions(const auth::Principal& actor, ContactId id,
                                             std::int64_t limit, std::int64_t offset) {
  InteractionPage page;
  db_.with_connection([&](storage::Connection& c) {
    visible_contact(c, actor, id);
    page.items = ContactRepository::interactions(c, shop_of(actor), id, limit, offset);
    page.total = ContactRepository::count_interactions(c, shop_of(actor), id);
  });
  return page;
}

FollowUp ContactService::add_follow_up(const auth::Principal& actor, ContactId id,
                                       const NewFollowUp& in) {
  const StaffId staff_id = in.staff_id.value_or(staff_of(actor));
  if (is_staff_role(actor) && staff_id != staff_of(actor)) {
    throw AppError(ErrorCode::kForbidden, "staff set follow-ups for themselves only");
  }
  FollowUp created;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    visible_contact(c, actor, id);
    auto member = staff::StaffRepository::find(c, actor.shop_id, staff_id.value());
    if (!member || !member->active) {
      throw AppError(ErrorCode::kValidation, "no such active staff member",
                     {{"fields", {{"staff_id", "no such active staff member"}}}});
    }
    const core::FollowUpId follow_up_id = FollowUpRepository::insert(
        c, shop_of(actor), id, staff_id, staff_of(actor), in.due_at, in.note, clock_.now_ms());
    created = *FollowUpRepository::find(c, shop_of(actor), follow_up_id);
  });
  return created;
}

Contact ContactService::mark_yellow(const auth::Principal& actor, ContactId id,
                                    const std::optional<std::string>& note) {
  Contact result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    Contact current = visible_contact(c, actor, id);
    const std::int64_t now = clock_.now_ms();
    if (current.status == ContactStatus::kConverted) {
      throw AppError(ErrorCode::kConflict, "a converted contact cannot turn yellow",
                     {{"from", "converted"}, {"to", "yellow"}});
    }
    if (current.status != ContactStatus::kYellow) {
      ContactRepository::move_status(c, shop_of(actor), id, current.status, ContactStatus::kYellow,
                                     now);
      ContactRepository::insert_interaction(c, shop_of(actor), id, staff_of(actor),
                                            InteractionKind::kVisit,
                                            InteractionOutcome::kVisitedNoPurchase, note, now);
    }
    ContactRepository::apply_call_effect(c, shop_of(actor), id, CallEffect::kCameBack, 0, now);
    result = *ContactRepository::find(c, shop_of(actor), id);
  });
  return result;
}

AssignOutcome ContactService::assign(const auth::Principal& actor, const AssignRequest& request) {
  std::vector<StaffId> staff_ids = request.staff_ids;
  std::sort(staff_ids.begin(), staff_ids.end());
  staff_ids.erase(std::unique(staff_ids.begin(), staff_ids.end()), staff_ids.end());
  ContactFilter filter = request.filter;
  prepare_filter(actor, filter);

  AssignOutcome outcome;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    outcome = {};
    // One assignment of the shop at a time: the loads it balances are current.
    ContactRepository::lock_assignments(c, shop_of(actor));
    check_assignees(c, shop_of(actor), staff_ids);
    const std::int64_t now = clock_.now_ms();
    const AssignCapacity capacity = check_present(
        AssignmentRepository::assignees(c, shop_of(actor), core::local_date(now, actor.time_zone)),
        staff_ids);
    std::vector<AssignCandidate> candidates;
    if (request.contact_ids) {
      candidates = ContactRepository::existing_ids(c, shop_of(actor), *request.contact_ids);
      std::set<ContactId> wanted(request.contact_ids->begin(), request.contact_ids->end());
      if (candidates.size() != wanted.size()) core::throw_not_found("contact");
      candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                      [&](const AssignCandidate& a) {
                                        return a.converted || (!request.reassign && a.holder);
                                      }),
                       candidates.end());
    } else {
      candidates = ContactRepository::ids_matching(c, shop_of(actor), filter, !request.reassign,
                                                   request.limit.value_or(kMaxAssignBatch));
    }
    AssignSplit split = split_least_loaded(
        staff_ids, ContactRepository::open_counts(c, shop_of(actor)), candidates, capacity);
    std::map<ContactId, std::optional<StaffId>> holders;
    for (const auto& candidate : candidates) holders[candidate.id] = candidate.holder;
    apply_split(c, shop_of(actor), split, holders, staff_of(actor), AssignReason::kManual, now);
    outcome.assigned = std::move(split.given);
    outcome.unassigned = static_cast<std::int64_t>(split.left_over.size());
  });
  return outcome;
}

AssignOutcome ContactService::share_upload(const auth::Principal& actor, core::UploadId upload_id) {
  return contacts::share_upload(db_, shop_of(actor), upload_id, clock_.now_ms());
}

FollowUpPage ContactService::follow_ups(const auth::Principal& actor, FollowUpDue due,
                                        std::optional<StaffId> staff_id, bool everyone,
                                        std::int64_t limit, std::int64_t offset) {
  if (is_staff_role(actor) && (everyone || (staff_id && *staff_id != staff_of(actor)))) {
    throw AppError(ErrorCode::kForbidden, "staff see their own follow-ups only");
  }
  std::optional<StaffId> whose =
      everyone ? std::nullopt : std::optional(staff_id.value_or(staff_of(actor)));
  const std::int64_t now = clock_.now_ms();
  const std::int64_t tomorrow = start_of_tomorrow(actor, now);
  const std::int64_t today =
      core::start_of_local_day(core::local_date(now, actor.time_zone), actor.time_zone);
  FollowUpWindow window;
  switch (due) {
    case FollowUpDue::kAll:
      break;
    case FollowUpDue::kToday:
      window.due_from = today;
      window.due_until = tomorrow;
      break;
    case FollowUpDue::kOverdue:
      window.due_until = now;
      break;
    case FollowUpDue::kUpcoming:
      window.due_from = tomorrow;
      break;
  }
  FollowUpPage page;
  db_.with_connection([&](storage::Connection& c) {
    page.items = FollowUpRepository::list(c, shop_of(actor), whose, window, limit, offset);
    page.total = FollowUpRepository::count(c, shop_of(actor), whose, window);
  });
  for (FollowUp& f : page.items) hide_contact_not_theirs(actor, f);
  return page;
}

FollowUp ContactService::complete_follow_up(const auth::Principal& actor,
                                            core::FollowUpId follow_up_id) {
  FollowUp result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    auto found = FollowUpRepository::find(c, shop_of(actor), follow_up_id);
    if (!found || (is_staff_role(actor) && found->staff_id != actor.staff_id)) {
      core::throw_not_found("follow-up");
    }
    FollowUpRepository::mark_done(c, shop_of(actor), follow_up_id, clock_.now_ms());
    result = *FollowUpRepository::find(c, shop_of(actor), follow_up_id);
  });
  hide_contact_not_theirs(actor, result);
  return result;
}

UploadPage ContactService::uploads(const auth::Principal& actor, std::int64_t limit,
                                   std::int64_t offset) {
  UploadPage page;
  db_.with_connection([&](storage::Connection& c) {
    page.items = UploadRepository::list(c, shop_of(actor), limit, offset);
    page.total = UploadRepository::count(c, shop_of(actor));
  });
  return page;
}

UploadDetail ContactService::upload(const auth::Principal& actor, core::UploadId id,
                                    std::int64_t errors_limit, std::int64_t errors_offset) {
  UploadDetail detail;
  db_.with_connection([&](storage::Connection& c) {
    auto found = UploadRepository::find(c, shop_of(actor), id);
    if (!found) core::throw_not_found("upload");
    detail.upload = *found;
    detail.errors = UploadRepository::errors(c, shop_of(actor), id, errors_limit, errors_offset);
    detail.errors_total = UploadRepository::count_errors(c, shop_of(actor), id);
  });
  return detail;
}

UploadDetail ContactService::export_upload_errors(const auth::Principal& actor, core::UploadId id) {
  UploadDetail detail;
  db_.with_connection([&](storage::Connection& c) {
    auto found = UploadRepository::find(c, shop_of(actor), id);
    if (!found) core::throw_not_found("upload");
    detail.upload = *found;
    detail.errors = UploadRepository::errors(c, shop_of(actor), id);
    detail.errors_total = static_cast<std::int64_t>(detail.errors.size());
  });
  audit::record(db_, clock_, actor, audit::kDataExported, "upload", id.value(),
                {{"file", "errors.csv"}, {"rows", detail.errors.size()}});
  return detail;
}

}  // namespace rx::contacts
