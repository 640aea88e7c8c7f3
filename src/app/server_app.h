#pragma once

#include "http/http_server.h"
#include "messaging/provider_host_allow_list.h"
#include "signin/auth_service.h"

#include <string>

namespace rx::app {

struct ServeConfig {
  std::string db_url;
  // The key file sealing provider secrets ("" : RXTRACK_SECRET_KEY_FILE's default rules, see
  // messaging::load_secret_key).
  std::string secret_key_file;
  http::ServerOptions server;
  signin::AuthOptions auth;
  bool scheduler = true;
  // A few connections serve many threads: SQLite answers from one core at a time per
  // connection, and each connection keeps its own page cache.
  int db_pool_size = 8;
  int scheduler_interval_seconds = 60;
  // Provider hosts exempt from the address rule (--allow-provider-host).
  messaging::ProviderHostAllowList allowed_provider_hosts;
  bool print_routes = false;  // print "METHOD /path" for every route and exit
};

// The composition root: opens the database, applies migrations, builds every service, registers
// every route, and serves until SIGTERM or SIGINT. Returns the process exit code.
int serve(const ServeConfig& config);

}  // namespace rx::app
