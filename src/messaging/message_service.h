#pragma once

#include "core/identity/principal.h"
#include "messaging/message.h"
#include "storage/database.h"

#include <optional>
#include <string>
#include <vector>

namespace rx::messaging {

struct MessagePage {
  std::vector<Message> items;
  std::int64_t total = 0;
};

// The outbox as the shop's managers see it. `from`/`to` are shop-local dates of creation.
struct MessageQuery {
  MessageFilter filter;
  std::optional<std::string> from;
  std::optional<std::string> to;
};

// Database failures are thrown as core::AppError (storage/driver_error.h).
class MessageService {
 public:
  explicit MessageService(storage::Database& db) : db_(db) {}
  MessagePage list(const auth::Principal& actor, MessageQuery query, std::int64_t limit,
                   std::int64_t offset);

 private:
  storage::Database& db_;
};

}  // namespace rx::messaging
