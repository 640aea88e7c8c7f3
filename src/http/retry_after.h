#pragma once

#include <httplib.h>

#include <functional>

namespace rx::http {

// Runs `work`; an AppError(kRateLimited) it throws leaves with its Retry-After header set from
// the error's "retry_after_seconds" detail (60 when absent). Every error `work` throws is
// rethrown unchanged.
void with_retry_after(httplib::Response& res, const std::function<void()>& work);

}  // namespace rx::http
