#pragma once

#include "contacts/contact_types.h"
#include "storage/database.h"

#include <map>
#include <optional>
#include <vector>

namespace rx::contacts {

struct ContactChanges {
  std::optional<std::optional<std::string>> name;
  std::optional<std::optional<std::string>> notes;
};

struct AssignCandidate {
  std::int64_t id = 0;
  bool open = false;  // pending or contacted: counts toward the holder's load
  std::optional<std::int64_t> holder;
  bool converted = false;
};

// SQL for contact_records and what hangs off them. Every statement is scoped by shop_id.
class ContactRepository {
 public:
  static std::optional<Contact> find(storage::Connection& c, std::int64_t shop_id, std::int64_t id);
  static std::optional<Contact> find_by_phone(storage::Connection& c, std::int64_t shop_id,
                                              const std::string& e164);
  static std::vector<Contact> list(storage::Connection& c, std::int64_t shop_id,
                                   const ContactFilter& filter, ContactSort sort,
                                   std::int64_t limit, std::int64_t offset);
  static std::int64_t count(storage::Connection& c, std::int64_t shop_id,
                            const ContactFilter& filter);
  // Contacts that may be handed out, in id order; `only_unassigned` adds "assigned to nobody".
  static std::vector<AssignCandidate> ids_matching(storage::Connection& c, std::int64_t shop_id,
                                                   const ContactFilter& filter,
                                                   bool only_unassigned, std::int64_t limit);
  // Of `ids`, those that exist in the shop and are not converted.
  static std::vector<AssignCandidate> existing_ids(storage::Connection& c, std::int64_t shop_id,
                                                   const std::vector<std::int64_t>& ids);
  // Open (pending or contacted) contacts each staff member holds.
  static std::map<std::int64_t, std::int64_t> open_counts(storage::Connection& c,
                                                          std::int64_t shop_id);
  static void assign(storage::Connection& c, std::int64_t shop_id, std::int64_t staff_id,
                     const std::vector<std::int64_t>& ids, std::int64_t now_ms);
  // PostgreSQL: locks these contacts' rows in id order (a no-op on SQLite, whose writer holds
  // the whole database). An assignment takes them all before it moves any count, so a bill that
  // holds one of them and waits for a count row cannot be waiting on the assignment.
  static void lock_for_update(storage::Connection& c, std::int64_t shop_id,
                              std::vector<std::int64_t> ids);

  static void update(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                     const ContactChanges& changes, std::int64_t now_ms);
  // Moves the status; the matching *_at column is stamped. Returns false if the row had moved on.
  static bool move_status(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                          ContactStatus from, ContactStatus to, std::int64_t now_ms);
  static void set_whatsapp_status(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                                  WhatsappStatus status, std::string_view source,
                                  std::int64_t now_ms);
  // pending|contacted|yellow -> converted by a bill; false when the contact had moved on.
  static bool convert(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                      std::int64_t bill_id, std::int64_t value_paise, std::int64_t customer_id,
                      std::int64_t at_ms, std::int64_t now_ms);
  static void link_customer(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                            std::int64_t customer_id, std::int64_t now_ms);
  static void flag_wrong_number(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                                std::int64_t now_ms);

  static std::int64_t insert_interaction(storage::Connection& c, std::int64_t shop_id,
                                         std::int64_t contact_id,
                                         std::optional<std::int64_t> staff_id,
                                         std::string_view kind, std::string_view outcome,
                                         const std::optional<std::string>& notes,
                                         std::int64_t now_ms);
  // Every interaction of the contact, newest first (the privacy export's).
  static std::vector<Interaction> interactions(storage::Connection& c, std::int64_t shop_id,
                                               std::int64_t contact_id);
  // One page of them, newest first.
  static std::vector<Interaction> interactions(storage::Connection& c, std::int64_t shop_id,
                                               std::int64_t contact_id, std::int64_t limit,
                                               std::int64_t offset);
  static std::int64_t count_interactions(storage::Connection& c, std::int64_t shop_id,
                                         std::int64_t contact_id);
};

}  // namespace rx::contacts
