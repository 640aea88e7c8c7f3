#pragma once

#include "contacts/contact_repository.h"
#include "contacts/follow_up_repository.h"
#include "contacts/upload_repository.h"
#include "core/clock.h"
#include "core/identity/principal.h"
#include "storage/database.h"

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
  std::string kind;
  std::string outcome;
  std::optional<std::string> notes;
};

struct NewFollowUp {
  std::int64_t due_at = 0;
  std::optional<std::string> note;
  std::optional<std::int64_t> staff_id;
};

struct AssignRequest {
  std::vector<std::int64_t> staff_ids;
  std::optional<std::vector<std::int64_t>> contact_ids;  // or the filter below
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
class ContactService {
 public:
  ContactService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  ContactPage list(const auth::Principal& actor, ContactFilter filter, ContactSort sort,
                   std::int64_t limit, std::int64_t offset);
  ContactDetail get(const auth::Principal& actor, std::int64_t id);
  Contact update(const auth::Principal& actor, std::int64_t id, const ContactUpdate& update);
  Interaction add_interaction(const auth::Principal& actor, std::int64_t id,
                              const NewInteraction& in);
  InteractionPage interactions(const auth::Principal& actor, std::int64_t id, std::int64_t limit,
                               std::int64_t offset);
  FollowUp add_follow_up(const auth::Principal& actor, std::int64_t id, const NewFollowUp& in);
  Contact mark_yellow(const auth::Principal& actor, std::int64_t id,
                      const std::optional<std::string>& note);
  // Staff id -> number of contacts given to them.
  std::map<std::int64_t, std::int64_t> assign(const auth::Principal& actor,
                                              const AssignRequest& request);

  // A staff-role caller's follow-ups whose contact is now assigned to someone else are listed
  // as `reassigned`, without the contact's phone and name (see FollowUp).
  FollowUpPage follow_ups(const auth::Principal& actor, FollowUpDue due,
                          std::optional<std::int64_t> staff_id, bool everyone, std::int64_t limit,
                          std::int64_t offset);
  FollowUp complete_follow_up(const auth::Principal& actor, std::int64_t follow_up_id);

  UploadPage uploads(const auth::Principal& actor, std::int64_t limit, std::int64_t offset);
  // The upload with one page of its problem rows, in row order, and their number.
  UploadDetail upload(const auth::Principal& actor, std::int64_t id, std::int64_t errors_limit,
                      std::int64_t errors_offset);
  // The same, for the errors.csv download: taking data out of rxtrack is audited.
  UploadDetail export_upload_errors(const auth::Principal& actor, std::int64_t id);

  // Fills the service-owned parts of a filter (today's bounds) for the actor's shop.
  void prepare_filter(const auth::Principal& actor, ContactFilter& filter) const;

 private:
  Contact visible_contact(storage::Connection& c, const auth::Principal& actor, std::int64_t id);

  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::contacts
