#include "http/access_log.h"

#include "core/json_writer.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cmath>

namespace rx::http {
namespace {

struct RequestTrace {
  std::chrono::steady_clock::time_point started{};
  std::string_view route;
};
thread_local RequestTrace trace;

}  // namespace

void begin_request_log() {
  trace = {};
  trace.started = std::chrono::steady_clock::now();
}

void note_route(std::string_view path_template) { trace.route = path_template; }

std::string_view noted_route() { return trace.route.empty() ? kUnmatchedRoute : trace.route; }

std::string access_log_line(std::string_view method, std::string_view route, int status, double ms,
                            std::size_t bytes, std::string_view ip) {
  core::JsonWriter out;
  out.reserve(160);
  out.begin_object();
  out.key("method").string(method);
  out.key("route").string(route);
  out.field("status", status);
  // Hundredths of a millisecond, written as a decimal number.
  const auto hundredths = static_cast<std::int64_t>(std::llround(ms * 100));
  std::string text = std::to_string(hundredths / 100) + "." +
                     std::to_string(hundredths % 100 / 10) + std::to_string(hundredths % 10);
  out.key("ms").raw(text);
  out.field("bytes", bytes);
  out.key("ip").string(ip);
  out.end_object();
  return out.take();
}

void log_request(const httplib::Request& req, const httplib::Response& res) {
  // Requests refused before routing (unreadable, too slow) have no handling time.
  const double ms = trace.started == std::chrono::steady_clock::time_point{}
                        ? 0.0
                        : std::chrono::duration<double, std::milli>(
                              std::chrono::steady_clock::now() - trace.started)
                              .count();
  // An unparsable request line leaves whatever the client sent as the method.
  const std::string_view method = std::string_view(req.method).substr(0, 16);
  spdlog::info("{}", access_log_line(method, noted_route(), res.status, ms, res.body.size(),
                                     req.remote_addr));
  trace = {};
}

}  // namespace rx::http
