#pragma once

#include <httplib.h>

#include <string>
#include <string_view>

namespace rx::http {

// The request log: one JSON object per request, naming the route's template
// (`/api/customer-tracking/customers/phone/{id}`), never the raw path, which can carry phone
// numbers and webhook keys, nor the query string, which can carry names.

// Names of requests that matched no route template.
inline constexpr std::string_view kUnmatchedRoute = "(unmatched)";
inline constexpr std::string_view kWebAppRoute = "(web app)";

// Marks the start of a request on this thread (its handling time is measured from here).
void begin_request_log();
// The template of the route the request on this thread matched. `path_template` must outlive
// the server (the router keeps its templates for as long as it lives).
void note_route(std::string_view path_template);
// The route noted for the request on this thread, or kUnmatchedRoute.
std::string_view noted_route();

// The log line's JSON object (exposed for tests).
std::string access_log_line(std::string_view method, std::string_view route, int status, double ms,
                            std::size_t bytes, std::string_view ip);

// Writes the line of the request this thread has answered, then forgets the request.
void log_request(const httplib::Request& req, const httplib::Response& res);

}  // namespace rx::http
