#pragma once

#include "billing/customer_detail.h"
#include "http/router.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace rx::billing {

// The customer with their history, as GET /api/customer-tracking/customers/{id} answers it.
nlohmann::json to_json(const CustomerDetail& detail, std::string_view time_zone);

// GET /api/customer-tracking/customers/{id}: 404 for an id that is not the shop's customer.
void register_customer_detail_routes(http::Router& router, CustomerDetailService& service);

}  // namespace rx::billing
