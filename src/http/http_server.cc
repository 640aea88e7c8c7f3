#include "http/http_server.h"

#include <thread>

#include "core/error.h"
#include "http/bounded_task_queue.h"
#include "http/connection_stream.h"
#include "http/deadline_server.h"
#include "http/error_response.h"

#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>

namespace rx::http {
namespace {

constexpr int kKeepAliveSeconds = 5;
thread_local std::chrono::steady_clock::time_point request_started;

core::ErrorCode code_for_status(int status) {
  switch (status) {
    case 400:
      return core::ErrorCode::kBadRequest;
    case 401:
      return core::ErrorCode::kUnauthorized;
    case 403:
      return core::ErrorCode::kForbidden;
    case 404:
      return core::ErrorCode::kNotFound;
    case 408:
      return core::ErrorCode::kRequestTimeout;
    case 409:
      return core::ErrorCode::kConflict;
    case 413:
      return core::ErrorCode::kPayloadTooLarge;
    case 431:
      return core::ErrorCode::kHeadersTooLarge;
    case 415:
      return core::ErrorCode::kUnsupportedMediaType;
    case 422:
      return core::ErrorCode::kValidation;
    case 429:
      return core::ErrorCode::kRateLimited;
    case 503:
      return core::ErrorCode::kUnavailable;
    default:
      return status >= 500 ? core::ErrorCode::kInternal : core::ErrorCode::kBadRequest;
  }
}

std::size_t header_bytes(const httplib::Request& req) {
  std::size_t total = 0;
  for (const auto& [name, value] : req.headers) total += name.size() + value.size() + 4;
  return total;
}

std::string_view message_for_status(int status) {
  switch (status) {
    case 404:
      return "no such route";
    case 413:
      return "the request body is too large";
    case 414:
      return "the request URI is too long";
    case 405:
      return "method not allowed";
    default:
      return "the request could not be handled";
  }
}

}  // namespace

HttpServer::HttpServer(ServerOptions options, auth::Authenticator& authenticator)
    : options_(std::move(options)) {
  const std::chrono::seconds deadline(options_.request_deadline_seconds);
  if (tls()) {
    auto ssl = std::make_unique<DeadlineServer<httplib::SSLServer>>(
        deadline, options_.tls_cert_file.c_str(), options_.tls_key_file.c_str());
    if (!ssl->is_valid()) {
      throw core::AppError(core::ErrorCode::kValidation, "cannot load the TLS certificate or key");
    }
    server_ = std::move(ssl);
  } else {
    server_ = std::make_unique<DeadlineServer<httplib::Server>>(deadline);
  }
  const auto active_handlers =
      options_.active_handlers > 0
          ? static_cast<std::size_t>(options_.active_handlers)
          : 4 * std::max<std::size_t>(1, std::thread::hardware_concurrency());
  router_ =
      std::make_unique<Router>(*server_, authenticator, options_.trust_proxy, active_handlers);

  const auto threads = static_cast<std::size_t>(options_.threads);
  const auto max_queued = static_cast<std::size_t>(options_.max_queued);
  server_->new_task_queue = [threads, max_queued] {
    return new BoundedTaskQueue(threads, max_queued);
  };
  server_->set_payload_max_length(options_.max_body_bytes);
  server_->set_read_timeout(options_.read_timeout_seconds, 0);
  server_->set_write_timeout(options_.write_timeout_seconds, 0);
  // An idle connection is not kept longer than a silent one mid-request would be.
  server_->set_keep_alive_timeout(std::min(kKeepAliveSeconds, options_.read_timeout_seconds));
  // A busy client (a telecaller's phone, a counter terminal) reuses its connection: closing it
  // every 5 requests, httplib's default, spends more time in connect/accept than in answering.
  server_->set_keep_alive_max_count(1000);
  // httplib sends the headers and the body in two writes; with Nagle's algorithm the second
  // waits for the client's delayed ACK, adding 40 ms to every answer on a kept-alive connection.
  server_->set_tcp_nodelay(true);
  // cpp-httplib 0.11 listens with a backlog of 5. A burst of new connections (many clients whose
  // keep-alive ends together, a proxy opening a pool) then overflowed the kernel's accept queue
  // while the accepting thread waited for a core: handshakes were dropped, clients waited 1 to
  // 31 s in SYN retransmits, and some requests never reached the server. The options hook runs
  // on the listening socket (accepted sockets do not pass through it), so bind() can listen on
  // it again with the system's maximum; past the worker queue's bound, connections are then
  // answered 503 by BoundedTaskQueue instead of being dropped unseen.
  server_->set_socket_options([this](socket_t sock) {
    httplib::default_socket_options(sock);
    listening_socket_ = sock;
  });

  httplib::Headers headers = {
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"X-Frame-Options", "DENY"},
  };
  if (tls()) headers.emplace("Strict-Transport-Security", "max-age=31536000");
  server_->set_default_headers(std::move(headers));

  // Runs once the request line and headers are in, before the body is read.
  const std::size_t max_header_bytes = options_.max_header_bytes;
  server_->set_pre_routing_handler(
      [max_header_bytes](const httplib::Request& req, httplib::Response& res) {
        request_started = std::chrono::steady_clock::now();
        if (BoundedTaskQueue::overloaded()) {
          res.set_header("Retry-After", "1");
          res.set_header("Connection", "close");
          write_error(res, core::ErrorCode::kUnavailable, "the server is busy; try again shortly");
          return httplib::Server::HandlerResponse::Handled;
        }
        if (header_bytes(req) > max_header_bytes) {
          res.set_header("Connection", "close");
          write_error(res, core::ErrorCode::kHeadersTooLarge, "the request headers are too large");
          return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
      });
  // Statuses httplib sets by itself (unmatched route, body too large, a request that could not
  // be read) get the JSON error shape.
  server_->set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (request_deadline_missed()) {
          // httplib says 400 for any request it could not read in full; this one was too slow.
          res.set_header("Connection", "close");
          write_error(res, core::ErrorCode::kRequestTimeout,
                      "the request did not arrive in time; the connection is closed");
          return httplib::Server::HandlerResponse::Handled;
        }
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        write_error(res, code_for_status(res.status), std::string(message_for_status(res.status)));
        return httplib::Server::HandlerResponse::Handled;
      }));
  server_->set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          spdlog::error("unhandled error on {} {}: {}", req.method, req.path, e.what());
        } catch (...) {
        }
        write_error(res, core::ErrorCode::kInternal, "internal error");
      });
  server_->set_logger([](const httplib::Request& req, const httplib::Response& res) {
    // Requests refused before routing (unreadable, too slow) have no handling time.
    const double ms = request_started == std::chrono::steady_clock::time_point{}
                          ? 0.0
                          : std::chrono::duration<double, std::milli>(
                                std::chrono::steady_clock::now() - request_started)
                                .count();
    request_started = {};
    // The path only: query strings can carry phone numbers and names.
    spdlog::info(R"({{"method":"{}","path":"{}","status":{},"ms":{:.2f},"bytes":{},"ip":"{}"}})",
                 req.method, req.path, res.status, ms, res.body.size(), req.remote_addr);
  });
}

HttpServer::~HttpServer() = default;

void HttpServer::serve_web_app() {
  static_files_.emplace(options_.web_dir);
  server_->Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0 || req.path == "/api") {
      write_error(res, core::ErrorCode::kNotFound, "no such route");
      return;
    }
    static_files_->serve(req, res);
  });
}

int HttpServer::bind() {
  int port = options_.port;
  if (port == 0) {
    port = server_->bind_to_any_port(options_.host);
  } else if (!server_->bind_to_port(options_.host, port)) {
    port = -1;
  }
  if (port < 0) {
    throw core::AppError(core::ErrorCode::kUnavailable,
                         "cannot listen on " + options_.host + ":" + std::to_string(options_.port));
  }
  if (::listen(listening_socket_, SOMAXCONN) != 0) {
    spdlog::warn("cannot widen the listen backlog; bursts of connections may be dropped");
  }
  return port;
}

void HttpServer::run() { server_->listen_after_bind(); }

void HttpServer::stop() { server_->stop(); }

}  // namespace rx::http
