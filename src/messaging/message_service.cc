#include "messaging/message_service.h"

#include "core/time_zone.h"
#include "messaging/message_repository.h"

namespace rx::messaging {

MessagePage MessageService::list(const auth::Principal& actor, MessageQuery query,
                                 std::int64_t limit, std::int64_t offset) {
  if (query.from)
    query.filter.created_from = core::start_of_local_day(*query.from, actor.time_zone);
  if (query.to) {
    query.filter.created_until =
        core::start_of_local_day(core::add_days(*query.to, 1), actor.time_zone);
  }
  MessagePage page;
  db_.with_connection([&](storage::Connection& c) {
    page.items =
        MessageRepository::list(c, core::ShopId(actor.shop_id), query.filter, limit, offset);
    page.total = MessageRepository::count(c, core::ShopId(actor.shop_id), query.filter);
  });
  return page;
}

}  // namespace rx::messaging
