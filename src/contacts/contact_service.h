#pragma once

#include "contacts/assignment_types.h"
#include "contacts/auto_assign.h"
#include "contacts/best_time_source.h"
#include "contacts/contact_repository.h"
#include "contacts/follow_up_repository.h"
#include "contacts/upload_repository.h"
#include "core/clock.h"
#include "core/identity/principal.h"
#include "storage/database.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rx::contacts {

struct ContactPage {
  std::vector<Contact> items;
  std::int64_t total = 0;
};

// The newest interactions a contact's detail embeds; older ones are paged through
// ContactService::interactions.
inline constexpr std::int64_t kDetailInteractions = 50;

struct ContactDetail {
  Contact contact;
  std::vector<Interaction> interactions;  // the newest kDetailInteractions
  std::int64_t interactions_total = 0;
  std::vector<FollowUp> follow_ups;
  std::optional<std::string> do_not_contact_by_name;  // who set do_not_contact, if set
  std::vector<AssignmentRecord> assignments;  // the newest kDetailInteractions, newest first
};

struct InteractionPage {
  std::vector<Interaction> items;
  std::int64_t total = 0;
};

struct ContactUpdate {
  std::optional<std::optional<std::string>> name;
  std::optional<std::optional<std::string>> notes;
  std::optional<ContactStatus> status;
  std::optional<WhatsappStatus> whatsapp_status;
};

struct NewInteraction {
  InteractionKind kind = InteractionKind::kCall;
  InteractionOutcome outcome = InteractionOutcome::kAnswered;
  std::optional<std::string> notes;
  std::optional<std::int64_t> occurred_at;  // empty: now; else within kOccurredAtBounds of now
  bool inbound = false;                     // the person called the shop (or wrote, or came)
};

// How far from the moment it is logged an interaction may say it happened.
inline constexpr std::int64_t kOccurredAtMaxFutureMs = 5 * 60 * 1000;
inline constexpr std::int64_t kOccurredAtMaxAgeMs = 30LL * 24 * 60 * 60 * 1000;

struct NewFollowUp {
  std::int64_t due_at = 0;
  std::optional<std::string> note;
  std::optional<core::StaffId> staff_id;  // empty: the actor
};

struct AssignRequest {
  std::vector<core::StaffId> staff_ids;
  std::optional<std::vector<core::ContactId>> contact_ids;  // or the filter below
  ContactFilter filter;
  std::optional<std::int64_t> limit;
  bool reassign = false;
};

enum class FollowUpDue { kAll, kToday, kOverdue, kUpcoming };

struct FollowUpPage {
  std::vector<FollowUp> items;
  std::int64_t total = 0;
};

struct UploadPage {
  std::vector<Upload> items;
  std::int64_t total = 0;
};

struct UploadDetail {
  Upload upload;
  std::vector<UploadError> errors;  // a page of them, or all for the errors.csv download
  std::int64_t errors_total = 0;
};

// The telecalling workflow on contact records. A staff-role principal sees and works only the
// contacts assigned to them: anything else answers 404, as if it did not exist.
//
// Failures: besides those listed for each function, any function may throw what the
// repositories throw for a database failure (kUnavailable, kInternal; contact_repository.h).
class ContactService {
 public:
  // Brings a contact's stored scores up to date inside the transaction that changed it (the
  // composition root wires the insights' conversion score here; by default nothing).
  using RefreshScores =
      std::function<void(storage::Connection&, core::ShopId, core::ContactId, std::int64_t now_ms)>;

  ContactService(storage::Database& db, const core::Clock& clock, RefreshScores refresh = {})
      : db_(db), clock_(clock), refresh_scores_(std::move(refresh)) {}

  // Where list and get find each contact's best_time; without one it stays empty. The source
  // must outlive the service.
  void set_best_time_source(BestTimeSource& source) { best_times_ = &source; }

  ContactPage list(const auth::Principal& actor, ContactFilter filter, ContactSort sort,
                   std::int64_t limit, std::int64_t offset);
  // Throws kNotFound for a contact not in the shop or not visible to the actor.
  ContactDetail get(const auth::Principal& actor, core::ContactId id);
  // Throws kNotFound as get(); kValidation for a move to converted (a bill's to make) or
  // WhatsApp-active on a number that cannot be a mobile; kConflict for a status move the
  // workflow does not allow (is_allowed_move) or that another request made first.
  Contact update(const auth::Principal& actor, core::ContactId id, const ContactUpdate& update);
  // Logs a call, message or visit; a pending contact becomes contacted, and the outcome
  // wrong_number flags the number; the contact's scores are refreshed in the same transaction. A
  // call that did not reach the person counts toward the shop's max_call_attempts (then the contact
  // is unreachable); a call that did, an inbound one or a visit starts the count again
  // (call_effect). do_not_call marks the contact and the customer with its phone do_not_contact
  // (audited). Throws kNotFound as get(), kValidation naming occurred_at when it is more than
  // kOccurredAtMaxFutureMs ahead or kOccurredAtMaxAgeMs behind now.
  Interaction add_interaction(const auth::Principal& actor, core::ContactId id,
                              const NewInteraction& in);
  // Throws kNotFound as get().
  InteractionPage interactions(const auth::Principal& actor, core::ContactId id, std::int64_t limit,
                               std::int64_t offset);
  // Throws kForbidden when a staff-role actor sets one for someone else; kNotFound as get();
  // kValidation when the staff member is not an active member of the shop.
  FollowUp add_follow_up(const auth::Principal& actor, core::ContactId id, const NewFollowUp& in);
  // Records a visit without a purchase (once: a yellow contact stays as it is); the contact is
  // no longer unreachable. Throws kNotFound
  // as get(); kConflict for a converted contact.
  Contact mark_yellow(const auth::Principal& actor, core::ContactId id,
                      const std::optional<std::string>& note);
  // Hands the chosen or matching contacts out by split_least_loaded (assign_split.h); converted
  // contacts never, assigned ones only with `reassign`. Staff id -> number of contacts given.
  // Throws kValidation naming staff_ids for a staff member not in the shop or inactive;
  // kNotFound when any of `contact_ids` is not in the shop.
  // A chosen staff member never goes above their max_open_contacts: what fits nowhere stays as it
  // was and is counted `unassigned`. Every move is kept in the contact's assignment history.
  // Also throws kValidation naming staff_ids for a staff member away today.
  AssignOutcome assign(const auth::Principal& actor, const AssignRequest& request);

  // A staff-role caller's follow-ups whose contact is now assigned to someone else are listed
  // as `reassigned`, without the contact's phone and name (see FollowUp). Throws kForbidden
  // when a staff-role actor asks for everyone's or someone else's.
  FollowUpPage follow_ups(const auth::Principal& actor, FollowUpDue due,
                          std::optional<core::StaffId> staff_id, bool everyone, std::int64_t limit,
                          std::int64_t offset);
  // Marks it done (done once: a second call changes nothing). Throws kNotFound for a follow-up
  // not in the shop, or, for a staff-role actor, not theirs.
  FollowUp complete_follow_up(const auth::Principal& actor, core::FollowUpId follow_up_id);

  UploadPage uploads(const auth::Principal& actor, std::int64_t limit, std::int64_t offset);
  // The upload with one page of its problem rows, in row order, and their number. Throws
  // kNotFound for an upload not in the shop.
  UploadDetail upload(const auth::Principal& actor, core::UploadId id, std::int64_t errors_limit,
                      std::int64_t errors_offset);
  // The same, for the errors.csv download: taking data out of rxtrack is audited. Throws
  // kNotFound as upload().
  UploadDetail export_upload_errors(const auth::Principal& actor, core::UploadId id);

  // Shares out the contacts an upload just created (share_upload in auto_assign.h): with the
  // shop's auto_assign off, nothing moves and they are all counted unassigned.
  AssignOutcome share_upload(const auth::Principal& actor, core::UploadId upload_id);

  // Fills the service-owned parts of a filter (today's bounds) for the actor's shop.
  void prepare_filter(const auth::Principal& actor, ContactFilter& filter) const;

 private:
  Contact visible_contact(storage::Connection& c, const auth::Principal& actor, core::ContactId id);

  storage::Database& db_;
  const core::Clock& clock_;
  BestTimeSource* best_times_ = nullptr;
  const RefreshScores refresh_scores_;
};

}  // namespace rx::contacts

template <>
struct rx::core::EnumNames<rx::contacts::FollowUpDue> {
  using E = rx::contacts::FollowUpDue;
  static constexpr auto kNames = spellings<E>(E::kAll, "all", E::kToday, "today", E::kOverdue,
                                              "overdue", E::kUpcoming, "upcoming");
};
