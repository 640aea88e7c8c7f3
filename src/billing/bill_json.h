#pragma once

#include "billing/bill_service.h"

#include "core/json_writer.h"

#include <nlohmann/json.hpp>

#include <string>

namespace rx::billing {

// Writers of answers; none throws (a bug aside).
// A bill as its JSON object, written straight to text (lists and the counter's answer).
void write_json(core::JsonWriter& w, const Bill& bill, std::string_view time_zone);
nlohmann::json to_json(const Bill& bill, std::string_view time_zone);
void write_json(core::JsonWriter& w, const Purchase& purchase);
nlohmann::json to_json(const Purchase& purchase);
// The answer to GET /api/customer-tracking/counter/{phone}.
std::string counter_view_json(const CounterView& view, std::string_view time_zone);
// The answer to POST /api/bills; `today` is the shop's date (for the reminders' days overdue).
std::string bill_result_json(const BillResult& result, std::string_view time_zone,
                             std::string_view today);

}  // namespace rx::billing
