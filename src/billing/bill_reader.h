#pragma once

#include "billing/bill.h"

#include <nlohmann/json.hpp>

#include <string>

namespace rx::billing {

// Reads a POST /api/bills body: the customer (phone required, normalised in the shop's phone
// region), the category, the items and the rest. Throws one AppError(kValidation) naming every
// bad field.
BillInput read_bill_input(const nlohmann::json& body, const std::string& phone_region,
                          const std::string& time_zone);

}  // namespace rx::billing
