#pragma once

#include "core/json_fields.h"
#include "customers/customer.h"

#include <string>

namespace rx::customers {

// Reads the customer fields of a JSON object (a customer body, or a bill's "customer" object).
// The phone is normalised in the shop's region. Throws nothing: every problem is recorded in
// `fields`, whose finish() throws the one AppError(kValidation).
CustomerFields read_customer_fields(core::FieldReader& fields, const nlohmann::json& body,
                                    const std::string& phone_region);

}  // namespace rx::customers
