#pragma once

#include "http/router.h"
#include "insights_api/contact_times_service.h"

namespace rx::insights_api {

// GET /api/customer-tracking/insights/contact-times?from=&to=&staff_id= for every signed-in
// role: the shop's reach rates by shop-local weekday and hour and its best windows. 422 names
// from, to or staff_id when one is wrong.
void register_contact_times_routes(http::Router& router, ContactTimesService& service);

}  // namespace rx::insights_api
