#pragma once

#include "audit/audit_log.h"
#include "storage/database.h"

#include <optional>
#include <string>
#include <vector>

namespace rx::audit {

struct AuditItem {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::optional<std::int64_t> staff_id;
  std::optional<std::string> staff_name;
  std::string action;
  std::optional<std::string> entity;
  std::optional<std::int64_t> entity_id;
  std::optional<std::string> details;  // JSON text
  std::optional<std::string> client_ip;
};

struct AuditFilter {
  std::optional<std::string> action;
  std::optional<std::int64_t> staff_id;
  std::optional<std::string> entity;
  std::optional<std::int64_t> entity_id;
  std::optional<std::int64_t> from_ms;   // at >= from_ms
  std::optional<std::int64_t> until_ms;  // at < until_ms
};

// SQL for audit_log: insert and read, nothing else (the table is append-only). Every read is
// scoped by shop_id.
// Failures: every call throws the driver's AppError (storage/driver_error.h): kUnavailable when
// the database is busy or unreachable, kConflict for a unique or foreign key violation.
class AuditRepository {
 public:
  static void insert(storage::Connection& c, const Entry& entry);
  static std::vector<AuditItem> list(storage::Connection& c, std::int64_t shop_id,
                                     const AuditFilter& filter, std::int64_t limit,
                                     std::int64_t offset);
  static std::int64_t count(storage::Connection& c, std::int64_t shop_id,
                            const AuditFilter& filter);
};

}  // namespace rx::audit
