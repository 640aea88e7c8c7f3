#pragma once

#include "http/router.h"
#include "http/static_files.h"

#include <httplib.h>

#include <memory>
#include <optional>
#include <string>

namespace rx::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 picks a free port
  std::string web_dir;
  // httplib gives each open keep-alive connection a thread, so this bounds the clients served
  // at once; an idle thread costs a stack, not CPU.
  int threads = 64;
  // Reading handlers (GET) that run at once, first come first served; other workers' reads wait
  // their turn (FairGate). 0: four per core, enough to keep the cores busy while some handlers
  // wait for the database.
  int active_handlers = 0;
  // Connections waiting for a worker beyond `threads`; more are answered 503 at once.
  int max_queued = 256;
  std::size_t max_body_bytes = 21 * 1024 * 1024;  // uploads up to 20 MB plus multipart framing
  std::size_t max_header_bytes = 32 * 1024;       // all request headers together; over: 431
  int read_timeout_seconds = 10;  // a client silent this long mid-request is dropped
  // A request's headers and body must all arrive within this of its first byte, however the
  // client paces them (408 otherwise). Long enough for a 20 MB upload at about 3 Mbit/s.
  int request_deadline_seconds = 60;
  int write_timeout_seconds = 15;
  bool trust_proxy = false;
  std::string tls_cert_file;
  std::string tls_key_file;
};

// The HTTP front: owns the httplib server, the security headers, the request log, the error
// shape of unmatched routes and the static web app.
class HttpServer {
 public:
  HttpServer(ServerOptions options, core::Authenticator& authenticator);
  ~HttpServer();

  Router& router() { return *router_; }
  // Registers the web app as the last, catch-all GET route. Call after all API routes.
  void serve_web_app();
  // Binds the listening socket; returns the port (useful with port 0).
  int bind();
  // Serves until stop(); in-flight requests finish before it returns.
  void run();
  void stop();
  bool tls() const { return !options_.tls_cert_file.empty(); }

 private:
  ServerOptions options_;
  std::unique_ptr<httplib::Server> server_;
  std::unique_ptr<Router> router_;
  std::optional<StaticFiles> static_files_;
  // The listening socket, seen by httplib's socket-options hook (see the constructor).
  socket_t listening_socket_ = INVALID_SOCKET;
};

}  // namespace rx::http
