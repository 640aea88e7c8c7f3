#pragma once

#include "billing/bill_service.h"
#include "http/router.h"

namespace rx::billing {

// POST /api/bills (the counter), GET /api/bills and /api/bills/{id}, and
// GET /api/customer-tracking/counter/{phone} (the customer as the counter sees them).
// Handlers throw what BillService and read_bill_input throw; the router answers the error.
void register_bill_routes(http::Router& router, BillService& service);

}  // namespace rx::billing
