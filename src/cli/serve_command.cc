#include "app/server_app.h"
#include "cli/commands.h"
#include "core/error.h"

#include <unistd.h>
#include <filesystem>
#include <memory>

namespace rx::cli {
namespace {

// The built web app: next to the binary's source tree (build/<type>/rxtrack -> web/dist), in an
// installed share folder, or under the working directory.
std::string default_web_dir() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  std::vector<std::filesystem::path> candidates;
  if (!ec) {
    for (auto dir = exe.parent_path(); dir.has_relative_path(); dir = dir.parent_path()) {
      candidates.push_back(dir / "web" / "dist");
      candidates.push_back(dir / "share" / "rxtrack" / "web");
    }
  }
  candidates.emplace_back("web/dist");
  for (const auto& candidate : candidates) {
    if (std::filesystem::exists(candidate / "index.html", ec)) return candidate.string();
  }
  return "web/dist";
}

void split_listen(const std::string& listen, http::ServerOptions& options) {
  const std::size_t colon = listen.rfind(':');
  if (colon == std::string::npos) {
    throw core::AppError(core::ErrorCode::kValidation, "--listen must be HOST:PORT");
  }
  options.host = listen.substr(0, colon);
  options.port = std::stoi(listen.substr(colon + 1));
}

}  // namespace

Action add_serve_command(CLI::App& app) {
  auto config = std::make_shared<app::ServeConfig>();
  auto listen = std::make_shared<std::string>("127.0.0.1:8080");
  auto no_scheduler = std::make_shared<bool>(false);
  auto max_failures = std::make_shared<int>(5);
  auto allowed_provider_hosts = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the HTTP API and the web app");
  add_db_option(*cmd, config->db_url);
  cmd->add_option("--listen", *listen, "HOST:PORT (port 0 picks a free one)")
      ->envname("RXTRACK_LISTEN")
      ->capture_default_str();
  cmd->add_option("--web-dir", config->server.web_dir, "folder of the built web app")
      ->envname("RXTRACK_WEB_DIR");
  cmd->add_option("--threads", config->server.threads, "HTTP worker threads")
      ->envname("RXTRACK_THREADS")
      ->check(CLI::Range(2, 256))
      ->capture_default_str();
  cmd->add_option("--active-handlers", config->server.active_handlers,
                  "reads (GET) handled at once, first come first served; 0: four per core")
      ->envname("RXTRACK_ACTIVE_HANDLERS")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  cmd->add_option("--db-connections", config->db_pool_size,
                  "database connections shared by the worker threads")
      ->envname("RXTRACK_DB_CONNECTIONS")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_option("--max-queued", config->server.max_queued,
                  "connections that may wait for a worker; more are answered 503")
      ->envname("RXTRACK_MAX_QUEUED")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  cmd->add_option("--read-timeout", config->server.read_timeout_seconds,
                  "seconds a client may stay silent mid-request before it is dropped")
      ->envname("RXTRACK_READ_TIMEOUT")
      ->check(CLI::Range(1, 300))
      ->capture_default_str();
  cmd->add_option("--request-deadline", config->server.request_deadline_seconds,
                  "seconds a request's headers and body may take to arrive, however paced")
      ->envname("RXTRACK_REQUEST_DEADLINE")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  cmd->add_option("--tls-cert", config->server.tls_cert_file, "TLS certificate (PEM)")
      ->envname("RXTRACK_TLS_CERT");
  cmd->add_option("--tls-key", config->server.tls_key_file, "TLS private key (PEM)")
      ->envname("RXTRACK_TLS_KEY");
  cmd->add_flag("--trust-proxy", config->server.trust_proxy,
                "take the client address from X-Forwarded-For (behind a reverse proxy)")
      ->envname("RXTRACK_TRUST_PROXY");
  cmd->add_option("--secret-key-file", config->secret_key_file,
                  "key sealing the shops' provider secrets (default for SQLite: <database>.key, "
                  "made on first run; PostgreSQL needs one)")
      ->envname("RXTRACK_SECRET_KEY_FILE");
  cmd->add_flag("--print-routes", config->print_routes, "print every API route and exit");
  cmd->add_flag("--no-scheduler", *no_scheduler,
                "do not run the reminder scheduler in this process");
  cmd->add_option("--scheduler-interval", config->scheduler_interval_seconds,
                  "seconds between two passes of the reminder scheduler")
      ->envname("RXTRACK_SCHEDULER_INTERVAL")
      ->check(CLI::Range(1, 86400))
      ->capture_default_str();
  cmd->add_option("--login-max-failures", *max_failures,
                  "failed sign-ins per email in 15 minutes before 429")
      ->envname("RXTRACK_LOGIN_MAX_FAILURES")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cmd->add_option("--allow-provider-host", *allowed_provider_hosts,
                  "HOST[:PORT] a messaging provider URL may name even inside this network, "
                  "over http too (repeatable; tests, local fakes, gateways)")
      ->envname("RXTRACK_ALLOW_PROVIDER_HOSTS");
  return [config, listen, no_scheduler, max_failures, allowed_provider_hosts] {
    return run_reporting_errors([&] {
      split_listen(*listen, config->server);
      if (config->server.web_dir.empty()) config->server.web_dir = default_web_dir();
      if (config->server.tls_cert_file.empty() != config->server.tls_key_file.empty()) {
        throw core::AppError(core::ErrorCode::kValidation, "--tls-cert and --tls-key go together");
      }
      config->scheduler = !*no_scheduler;
      config->allowed_provider_hosts =
          messaging::ProviderHostAllowList::parse(*allowed_provider_hosts);
      config->auth.throttle.max_failures_per_email = *max_failures;
      config->auth.throttle.max_failures_per_client = *max_failures * 4;
      return app::serve(*config);
    });
  };
}

}  // namespace rx::cli
