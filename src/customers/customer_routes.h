#pragma once

#include "customers/customer_service.h"
#include "http/router.h"

namespace rx::customers {

// /api/customer-tracking/customers: create, list, detail, update, lookup by phone.
void register_customer_routes(http::Router& router, CustomerService& service);

}  // namespace rx::customers
