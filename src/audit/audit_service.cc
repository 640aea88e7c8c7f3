#include "audit/audit_service.h"

#include "core/time_zone.h"

namespace rx::audit {

AuditPage AuditService::list(const auth::Principal& actor, const AuditQuery& query,
                             std::int64_t limit, std::int64_t offset) {
  AuditFilter filter;
  filter.action = query.action;
  filter.staff_id = query.staff_id;
  filter.entity = query.entity;
  filter.entity_id = query.entity_id;
  if (query.from) filter.from_ms = core::start_of_local_day(*query.from, actor.time_zone);
  if (query.to) {
    filter.until_ms = core::start_of_local_day(core::add_days(*query.to, 1), actor.time_zone);
  }
  AuditPage page;
  db_.with_connection([&](storage::Connection& c) {
    page.items = AuditRepository::list(c, actor.shop_id, filter, limit, offset);
    page.total = AuditRepository::count(c, actor.shop_id, filter);
  });
  return page;
}

}  // namespace rx::audit
