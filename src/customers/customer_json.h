#pragma once

#include "customers/customer_service.h"

#include "core/json_writer.h"

#include <nlohmann/json.hpp>

namespace rx::customers {

// Writers of answers; none throws (a bug aside).
// A customer as its JSON object, written straight to text (lists and the counter's answers).
void write_json(core::JsonWriter& w, const Customer& customer, std::string_view time_zone);
nlohmann::json to_json(const Customer& customer, std::string_view time_zone);
// A list item: the summary fields only.
void write_json(core::JsonWriter& w, const CustomerSummary& customer, std::string_view time_zone);
nlohmann::json to_json(const std::vector<ConsentEvent>& history, std::string_view time_zone);

}  // namespace rx::customers
