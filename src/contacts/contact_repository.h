#pragma once

#include "contacts/assign_split.h"
#include "contacts/contact_types.h"
#include "core/strong_id.h"
#include "storage/database.h"

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rx::contacts {

struct ContactChanges {
  std::optional<std::optional<std::string>> name;
  std::optional<std::optional<std::string>> notes;
};

// SQL for contact_records and what hangs off them. Every statement is scoped by shop_id.
//
// Failures, for every function below: a driver failure is thrown as core::AppError with the code
// storage/driver_error.h gives it (kConflict for a unique key, kValidation for a broken check or
// foreign key, kUnavailable for a busy or lost database, else kInternal); a row holding a state
// this version does not know throws kInternal (storage/codec.h). A missing row is not a failure:
// a find answers nullopt and a write to it changes nothing.
class ContactRepository {
 public:
  using ShopId = core::ShopId;
  using ContactId = core::ContactId;
  using StaffId = core::StaffId;

  static std::optional<Contact> find(storage::Connection& c, ShopId shop_id, ContactId id);
  static std::optional<Contact> find_by_phone(storage::Connection& c, ShopId shop_id,
                                              const std::string& e164);
  static std::vector<Contact> list(storage::Connection& c, ShopId shop_id,
                                   const ContactFilter& filter, ContactSort sort,
                                   std::int64_t limit, std::int64_t offset);
  static std::int64_t count(storage::Connection& c, ShopId shop_id, const ContactFilter& filter);
  // The statement of a best-first page's scored contacts (contact_scores in score order, joined
  // to their rows): what `list` runs for ContactSort::kScore before the unscored contacts; its
  // query plan is checked in a test.
  static std::pair<std::string, storage::Params> best_first_statement(ShopId shop_id,
                                                                      const ContactFilter& filter,
                                                                      std::int64_t limit,
                                                                      std::int64_t offset);
  // The statement that counts the contacts `filter` finds by reading contact_records (what
  // `count` runs when the kept counts cannot answer, and for the few set aside); its query plan
  // is checked in a test.
  static std::pair<std::string, storage::Params> count_statement(ShopId shop_id,
                                                                 const ContactFilter& filter);
  // Contacts that may be handed out, in id order; `only_unassigned` adds "assigned to nobody".
  static std::vector<AssignCandidate> ids_matching(storage::Connection& c, ShopId shop_id,
                                                   const ContactFilter& filter,
                                                   bool only_unassigned, std::int64_t limit);
  // Of `ids`, those that exist in the shop, in id order.
  static std::vector<AssignCandidate> existing_ids(storage::Connection& c, ShopId shop_id,
                                                   const std::vector<ContactId>& ids);
  // Open (pending or contacted) contacts each staff member holds.
  static std::map<StaffId, std::int64_t> open_counts(storage::Connection& c, ShopId shop_id);
  // Makes assignments of one shop run one at a time until the transaction ends, so two never
  // hand out the same contact and the loads they balance are current: a PostgreSQL advisory
  // lock (SQLite's write lock already serialises them).
  static void lock_assignments(storage::Connection& c, ShopId shop_id);
  static void assign(storage::Connection& c, ShopId shop_id, StaffId staff_id,
                     const std::vector<ContactId>& ids, std::int64_t now_ms);
  // PostgreSQL: locks these contacts' rows in id order (a no-op on SQLite, whose writer holds
  // the whole database). An assignment takes them all before it moves any count, so a bill that
  // holds one of them and waits for a count row cannot be waiting on the assignment.
  static void lock_for_update(storage::Connection& c, ShopId shop_id, std::vector<ContactId> ids);

  static void update(storage::Connection& c, ShopId shop_id, ContactId id,
                     const ContactChanges& changes, std::int64_t now_ms);
  // Moves the status; the matching *_at column is stamped. Returns false if the row had moved on.
  static bool move_status(storage::Connection& c, ShopId shop_id, ContactId id, ContactStatus from,
                          ContactStatus to, std::int64_t now_ms);
  static void set_whatsapp_status(storage::Connection& c, ShopId shop_id, ContactId id,
                                  WhatsappStatus status, std::string_view source,
                                  std::int64_t now_ms);
  // pending|contacted|yellow -> converted by a bill; false when the contact had moved on.
  static bool convert(storage::Connection& c, ShopId shop_id, ContactId id, core::BillId bill_id,
                      std::int64_t value_paise, core::CustomerId customer_id, std::int64_t at_ms,
                      std::int64_t now_ms);
  // Sets the contact's customer if it has none yet.
  static void link_customer(storage::Connection& c, ShopId shop_id, ContactId id,
                            core::CustomerId customer_id, std::int64_t now_ms);
  static void flag_wrong_number(storage::Connection& c, ShopId shop_id, ContactId id,
                                std::int64_t now_ms);

  // The shop's max_call_attempts (shops.max_call_attempts).
  static std::int64_t max_call_attempts(storage::Connection& c, ShopId shop_id);
  // Keeps unreached_calls and unreachable in step with one interaction (call_effect): a call
  // that did not reach the person counts one more and sets unreachable at `max_call_attempts`;
  // a call that did, or the person getting in touch, starts the count again and clears it.
  static void apply_call_effect(storage::Connection& c, ShopId shop_id, ContactId id,
                                CallEffect effect, std::int64_t max_call_attempts,
                                std::int64_t now_ms);
  // The contact with this phone, if any, came back (a bill, a visit): as kCameBack.
  static void came_back_by_phone(storage::Connection& c, ShopId shop_id, const std::string& e164,
                                 std::int64_t now_ms);

  // `staff_id` empty: logged by rxtrack itself (a reply that came in). `occurred_at_ms` empty:
  // it happened when it was logged (`now_ms`). `inbound`: the person got in touch.
  static core::InteractionId insert_interaction(
      storage::Connection& c, ShopId shop_id, ContactId contact_id, std::optional<StaffId> staff_id,
      InteractionKind kind, InteractionOutcome outcome, const std::optional<std::string>& notes,
      std::int64_t now_ms, std::optional<std::int64_t> occurred_at_ms = std::nullopt,
      bool inbound = false);
  // Every interaction of the contact, newest first (the privacy export's).
  static std::vector<Interaction> interactions(storage::Connection& c, ShopId shop_id,
                                               ContactId contact_id);
  // One page of them, newest first.
  static std::vector<Interaction> interactions(storage::Connection& c, ShopId shop_id,
                                               ContactId contact_id, std::int64_t limit,
                                               std::int64_t offset);
  static std::int64_t count_interactions(storage::Connection& c, ShopId shop_id,
                                         ContactId contact_id);

 private:
  // Best first: the scored contacts in score order, then the unscored ones (closed, or not yet
  // seen by a training) newest first.
  static std::vector<Contact> list_best_first(storage::Connection& c, ShopId shop_id,
                                              const ContactFilter& filter, std::int64_t limit,
                                              std::int64_t offset);
};

}  // namespace rx::contacts
