#pragma once

#include "contacts/contact_types.h"
#include "storage/database.h"

#include <optional>
#include <vector>

namespace rx::contacts {

// Which open follow-ups a list shows, relative to the shop's today.
struct FollowUpWindow {
  std::optional<std::int64_t> due_from;   // inclusive
  std::optional<std::int64_t> due_until;  // exclusive
  bool include_done = false;
};

// SQL for contact_reminders (a telecaller's follow-ups).
class FollowUpRepository {
 public:
  static std::int64_t insert(storage::Connection& c, std::int64_t shop_id, std::int64_t contact_id,
                             std::int64_t staff_id, std::int64_t created_by, std::int64_t due_at,
                             const std::optional<std::string>& note, std::int64_t now_ms);
  static std::optional<FollowUp> find(storage::Connection& c, std::int64_t shop_id,
                                      std::int64_t id);
  static std::vector<FollowUp> for_contact(storage::Connection& c, std::int64_t shop_id,
                                           std::int64_t contact_id);
  static std::vector<FollowUp> list(storage::Connection& c, std::int64_t shop_id,
                                    std::optional<std::int64_t> staff_id,
                                    const FollowUpWindow& window, std::int64_t limit,
                                    std::int64_t offset);
  static std::int64_t count(storage::Connection& c, std::int64_t shop_id,
                            std::optional<std::int64_t> staff_id, const FollowUpWindow& window);
  static bool mark_done(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                        std::int64_t now_ms);
};

}  // namespace rx::contacts
