#pragma once

#include "customers/customer_service.h"
#include "http/router.h"

namespace rx::customers {

// /api/customer-tracking/customers: create, list, update, lookup by phone (the detail, which
// joins bills, is billing/customer_detail_routes.h). Handlers throw what CustomerService and
// read_customer_fields throw; the router answers the error.
void register_customer_routes(http::Router& router, CustomerService& service);

}  // namespace rx::customers
