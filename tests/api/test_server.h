#pragma once

#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace rx::test {

// Today in Asia/Kolkata (UTC+05:30, no daylight saving), shifted by `days`, as YYYY-MM-DD.
std::string ist_date(int days = 0);

// The database engine the suite runs on: RXTRACK_TEST_ENGINE=sqlite (default) or postgres with
// RXTRACK_TEST_PG_URL naming a server where the suite may create databases.
std::string engine();

// A fresh, empty database for one server: a temporary SQLite file or a new PostgreSQL database.
std::string fresh_database_url();

struct Response {
  int status = 0;
  nlohmann::json body;
  httplib::Headers headers;
  std::string raw;
  std::string header(const std::string& name) const;
};

// The "rxtrack_session=..." pair of a response's Set-Cookie, to send back as a Cookie header.
inline std::string session_cookie_of(const Response& res) {
  const std::string cookie = res.header("Set-Cookie");
  return cookie.substr(0, cookie.find(';'));
}

// How to start a server on a database that already exists (a restart, a restore).
struct ExistingDatabase {
  std::string url;
};

// Resource limits set on the server process before it starts.
struct ProcessLimits {
  std::uint64_t max_file_bytes = 0;  // RLIMIT_FSIZE (0: none); SIGXFSZ is ignored
};

// The real `rxtrack serve` binary on a free loopback port, stopped with SIGTERM. Its reminder
// scheduler is off unless `extra_args` holds --scheduler-interval.
class TestServer {
 public:
  explicit TestServer(std::vector<std::string> extra_args = {});
  TestServer(ExistingDatabase database, std::vector<std::string> extra_args = {},
             ProcessLimits limits = {});
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  int port() const { return port_; }
  // The server's process id (for /proc/<pid>/status), or -1 once stopped.
  int pid() const { return pid_; }
  const std::string& db_url() const { return db_url_; }
  // Everything the server wrote to stderr (its request log) so far.
  std::string log() const;
  // Sends SIGTERM and returns the exit status.
  int stop();
  // kill -9: no chance to finish anything.
  void kill_hard();

 private:
  void start(const std::vector<std::string>& extra_args, ProcessLimits limits);

  int pid_ = -1;
  int port_ = 0;
  std::string db_url_;
  std::string log_path_;
};

// A client holding a bearer token (or none).
class ApiClient {
 public:
  explicit ApiClient(int port, std::string token = "");
  Response get(const std::string& path, const httplib::Headers& headers = {});
  Response post(const std::string& path, const nlohmann::json& body,
                const httplib::Headers& headers = {});
  Response put(const std::string& path, const nlohmann::json& body,
               const httplib::Headers& headers = {});
  Response post_raw(const std::string& path, const std::string& body,
                    const std::string& content_type, const httplib::Headers& headers = {});
  Response del(const std::string& path, const httplib::Headers& headers = {});
  // multipart/form-data with one file field.
  Response upload(const std::string& path, const std::string& field, const std::string& file_name,
                  const std::string& content);
  const std::string& token() const { return token_; }

 private:
  httplib::Headers with_auth(const httplib::Headers& headers) const;
  int port_;
  std::string token_;
};

struct SignedInStaff {
  std::int64_t id = 0;
  std::int64_t shop_id = 0;
  std::string email;
  std::string password;
  std::string token;
};

// Runs `rxtrack shop create` against the server's database and signs the owner in.
SignedInStaff create_shop(TestServer& server, const std::string& name);
// Adds a staff member through the API as `actor` and signs them in.
SignedInStaff add_staff(TestServer& server, const SignedInStaff& actor, const std::string& role);
SignedInStaff sign_in(TestServer& server, const std::string& email, const std::string& password);
std::string unique_email(const std::string& prefix);

// Runs the rxtrack binary with arguments and standard input; returns exit code, stdout, stderr.
struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
CommandResult run_rxtrack(const std::vector<std::string>& args, const std::string& input = "");

// The error shape {"error":{"code","message","details"}} with the given status and code.
void expect_error(const Response& res, int status, const std::string& code);

// A fresh folder for one test's files, under this process's scratch folder.
std::string scratch_folder(const std::string& name);

// The path of a sqlite: URL ("" for other engines).
std::string sqlite_path(const std::string& db_url);

// The repository's sample sheets, tests/data/samples (RXTRACK_SAMPLES_DIR overrides).
std::string samples_dir();
std::string read_file(const std::string& path);

// A suite whose cases share one server, started before its first case and stopped after its
// last; each case makes its own shop, so cases stay independent.
class SharedServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static TestServer& server() { return *server_; }
  ApiClient client(const SignedInStaff& who) { return ApiClient(server().port(), who.token); }

 private:
  static inline TestServer* server_ = nullptr;
};

}  // namespace rx::test
