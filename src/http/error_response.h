#pragma once

#include "core/error.h"

#include <httplib.h>

namespace rx::http {

// The one table from error code to HTTP status.
int status_for(core::ErrorCode code);

// Writes {"error":{"code","message","details"}} with the mapped status.
void write_error(httplib::Response& res, const core::AppError& error);
void write_error(httplib::Response& res, core::ErrorCode code, std::string message);

}  // namespace rx::http
