#pragma once

#include "audit/audit_repository.h"
#include "core/clock.h"
#include "core/identity/principal.h"
#include "storage/database.h"

#include <optional>
#include <string>
#include <vector>

namespace rx::audit {

struct AuditQuery {
  std::optional<std::string> action;
  std::optional<std::int64_t> staff_id;
  std::optional<std::string> entity;
  std::optional<std::int64_t> entity_id;
  std::optional<std::string> from;  // shop-local dates, both inclusive
  std::optional<std::string> to;
};

struct AuditPage {
  std::vector<AuditItem> items;
  std::int64_t total = 0;
};

// The owner's view of the shop's audit log, newest first.
class AuditService {
 public:
  explicit AuditService(storage::Database& db) : db_(db) {}
  // Throws AppError(kValidation) naming the field for a `from`/`to` that is no date.
  AuditPage list(const auth::Principal& actor, const AuditQuery& query, std::int64_t limit,
                 std::int64_t offset);

 private:
  storage::Database& db_;
};

}  // namespace rx::audit
