#include "http/http_server.h"

#include <thread>

#include "core/error.h"
#include "http/access_log.h"
#include "http/body_policy.h"
#include "http/bounded_task_queue.h"
#include "http/connection_stream.h"
#include "http/deadline_server.h"
#include "http/error_response.h"
#include "http/session_cookie.h"

#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>

namespace rx::http {
namespace {

constexpr int kKeepAliveSeconds = 5;

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

bool is_api_path(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

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

HttpServer::HttpServer(ServerOptions options, core::Authenticator& authenticator)
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

  // Runs once the request line and headers are in, before any of the body is read: httplib's
  // Server::routing calls it first, and reads the body (Server::read_content) only after it
  // returned Unhandled. An answer given here closes the connection (close_after_response), as
  // the unread body would otherwise be taken for the next request.
  const std::size_t max_header_bytes = options_.max_header_bytes;
  const BodyLimits body_limits{kMaxJsonBodyBytes, options_.max_body_bytes};
  server_->set_pre_routing_handler([this, max_header_bytes, body_limits](
                                       const httplib::Request& req, httplib::Response& res) {
    begin_request_log();
    // The body is discarded only after a refusal of the body itself: a busy server does not
    // spend a worker on it.
    const auto refuse = [&res](const core::AppError& error, bool discard_body) {
      res.set_header("Connection", "close");
      close_after_response(discard_body);
      write_error(res, error);
      return httplib::Server::HandlerResponse::Handled;
    };
    if (BoundedTaskQueue::overloaded()) {
      res.set_header("Retry-After", "1");
      return refuse(
          core::AppError(core::ErrorCode::kUnavailable, "the server is busy; try again shortly"),
          false);
    }
    if (header_bytes(req) > max_header_bytes) {
      return refuse(
          core::AppError(core::ErrorCode::kHeadersTooLarge, "the request headers are too large"),
          false);
    }
    std::optional<BodyKind> body_kind;
    if (method_has_body(req.method)) {
      if (const Router::Route* route = router_->find(req.method, req.path)) {
        note_route(route->path_template);
        body_kind = route->body;
      }
    }
    const BodyVerdict verdict = judge_body(req, body_kind, body_limits);
    if (verdict.refusal) return refuse(*verdict.refusal, method_has_body(req.method));
    if (method_has_body(req.method)) limit_request_body(verdict.max_bytes);
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Every answer: API answers are never cached (they hold customers' details), and behind a TLS
  // proxy the session cookie is marked Secure like on a direct TLS connection.
  const bool trust_proxy = options_.trust_proxy;
  server_->set_post_routing_handler(
      [trust_proxy](const httplib::Request& req, httplib::Response& res) {
        if (is_api_path(req.path)) res.set_header("Cache-Control", "no-store");
        if (trust_proxy && forwarded_over_https(req)) mark_cookies_secure(res);
      });
  // Statuses httplib sets by itself (unmatched route, body too large, a request that could not
  // be read) get the JSON error shape.
  server_->set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (request_body_too_large()) {
          // httplib says 400 for a body it could not read in full; this one passed the limit.
          res.set_header("Connection", "close");
          write_error(res, core::ErrorCode::kPayloadTooLarge, std::string(message_for_status(413)));
          return httplib::Server::HandlerResponse::Handled;
        }
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
          spdlog::error("unhandled error on {} {}: {}", req.method, noted_route(), e.what());
        } catch (...) {
        }
        write_error(res, core::ErrorCode::kInternal, "internal error");
      });
  server_->set_logger(log_request);
}

HttpServer::~HttpServer() = default;

void HttpServer::serve_web_app() {
  static_files_.emplace(options_.web_dir);
  server_->Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
    if (!is_api_path(req.path)) note_route(kWebAppRoute);
    if (is_api_path(req.path)) {
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
