#include "http/retry_after.h"

#include "core/error.h"

#include <string>

namespace rx::http {

void with_retry_after(httplib::Response& res, const std::function<void()>& work) {
  try {
    work();
  } catch (const core::AppError& error) {
    if (error.code() == core::ErrorCode::kRateLimited) {
      res.set_header("Retry-After",
                     std::to_string(error.details().value("retry_after_seconds", 60)));
    }
    throw;
  }
}

}  // namespace rx::http
