#pragma once

#include "http/router.h"
#include "refills/refill_service.h"

namespace rx::refills {

// /api/customer-tracking/refill-reminders: the daily list, mark-sent, response, cancel.
void register_refill_routes(http::Router& router, RefillService& service);

}  // namespace rx::refills
