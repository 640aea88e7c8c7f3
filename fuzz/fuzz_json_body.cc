// Parses arbitrary bytes as a request body the way the server does (nlohmann::json, discarding
// malformed input) and runs the bill and customer readers over it. The readers must turn any
// body into values or one 422 (core::AppError), never crash, leak or throw anything else; and a
// bill they accept must hold what the service relies on.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "billing/bill_reader.h"
#include "core/error.h"
#include "core/json_fields.h"
#include "customers/customer_fields_reader.h"

namespace {

// Mirrors RequestContext::json_body: larger bodies never reach a reader.
constexpr std::size_t kMaxJsonBody = 1024 * 1024;

void check_bill(const rx::billing::BillInput& bill) {
  if (bill.items.size() > 200) std::abort();
  for (const auto& item : bill.items) {
    if (item.quantity < 1 || item.unit_price_paise < 0) std::abort();
    if (item.duration_days && *item.duration_days < 1) std::abort();
  }
  if (bill.customer.phone && bill.customer.phone->rfind('+', 0) != 0) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kMaxJsonBody) return 0;
  const nlohmann::json body = nlohmann::json::parse(data, data + size, nullptr, false);
  if (body.is_discarded()) return 0;
  try {
    check_bill(rx::billing::read_bill_input(body, "IN", "Asia/Kolkata"));
  } catch (const rx::core::AppError& error) {
    if (error.code() != rx::core::ErrorCode::kValidation) std::abort();
  }
  try {
    rx::core::FieldReader fields(body);
    const auto customer = rx::customers::read_customer_fields(fields, body, "IN");
    fields.finish();
    if (customer.phone && customer.phone->rfind('+', 0) != 0) std::abort();
  } catch (const rx::core::AppError& error) {
    if (error.code() != rx::core::ErrorCode::kValidation) std::abort();
  }
  // What the server does with every response: serialise it.
  (void)body.dump();
  return 0;
}
