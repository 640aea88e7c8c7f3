#pragma once

#include "http/router.h"
#include "pickups/pickup_service.h"

namespace rx::pickups {

// /api/customer-tracking/pickups: the Keep ready list, ready, cancel. Any signed-in role.
void register_pickup_routes(http::Router& router, PickupService& service);

}  // namespace rx::pickups
