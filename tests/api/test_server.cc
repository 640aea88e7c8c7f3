#include "test_server.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace rx::test {

std::string ist_date(int days) {
  using namespace std::chrono;
  const auto now = system_clock::now() + hours(5) + minutes(30) + hours(24 * days);
  const std::time_t t = system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[16];
  std::strftime(out, sizeof out, "%Y-%m-%d", &tm);
  return out;
}
namespace {

std::atomic<int> counter{0};

std::string env_or(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value && *value ? value : fallback;
}

// A folder of this test process's own, made with mkdtemp: a process id alone is reused across
// runs, and a stale database left under a reused id made shop creation clash with old emails.
std::string scratch_dir() {
  static const std::string dir = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "rxtrack-api-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    // Removed when the process ends (its servers are stopped by then). The path is leaked on
    // purpose so that it outlives every static destructor.
    static const std::string* const to_remove = new std::string(pattern);
    std::atexit([] {
      std::error_code ignored;
      std::filesystem::remove_all(*to_remove, ignored);
    });
    return pattern;
  }();
  return dir;
}

// What makes this process's names unique: the random part of its scratch folder.
// Lower-cased, since emails and PostgreSQL database names are.
std::string run_tag() {
  std::string tag = scratch_dir().substr(scratch_dir().size() - 6);
  for (char& ch : tag) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return tag;
}

void exec_pg(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot reach the test PostgreSQL: " + message);
  }
  PGresult* result = PQexec(conn, sql.c_str());
  const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  std::string message = PQerrorMessage(conn);
  PQclear(result);
  PQfinish(conn);
  if (!ok) throw std::runtime_error("PostgreSQL: " + message);
}

// Replaces the database name at the end of a postgresql:// URL.
std::string with_database(const std::string& url, const std::string& name) {
  const std::size_t slash = url.rfind('/');
  const std::size_t query = url.find('?', slash);
  return url.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

// Generous timeouts: a server waiting out a busy database answers after several seconds.
httplib::Client http_client(int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(30, 0);
  client.set_write_timeout(30, 0);
  return client;
}

Response to_response(const httplib::Result& result) {
  Response out;
  if (!result) {
    out.status = -1;
    return out;
  }
  out.status = result->status;
  out.headers = result->headers;
  out.raw = result->body;
  out.body = nlohmann::json::parse(result->body, nullptr, false);
  if (out.body.is_discarded()) out.body = nullptr;
  return out;
}

}  // namespace

std::string engine() { return env_or("RXTRACK_TEST_ENGINE", "sqlite"); }

// PostgreSQL has no file for rxtrack to keep a secret key beside, so every rxtrack the suite
// starts on PostgreSQL reads one key file through RXTRACK_SECRET_KEY_FILE (SQLite servers make
// <database>.key themselves).
static void use_postgres_secret_key_file() {
  static const bool done = [] {
    const std::string path = scratch_dir() + "/postgres-secret.key";
    std::FILE* file = std::fopen(path.c_str(), "w");
    if (!file) throw std::runtime_error("cannot write " + path);
    std::fputs("5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7\n", file);
    std::fclose(file);
    chmod(path.c_str(), 0600);
    setenv("RXTRACK_SECRET_KEY_FILE", path.c_str(), 0);
    return true;
  }();
  (void)done;
}

std::string fresh_database_url() {
  const int n = counter++;
  if (engine() == "postgres") {
    use_postgres_secret_key_file();
    const std::string admin = env_or("RXTRACK_TEST_PG_URL", "");
    if (admin.empty()) throw std::runtime_error("RXTRACK_TEST_PG_URL is not set");
    const std::string name = "rxtest_" + run_tag() + "_" + std::to_string(n);
    exec_pg(admin, "CREATE DATABASE " + name);
    return with_database(admin, name);
  }
  return "sqlite:" + scratch_dir() + "/db" + std::to_string(n) + ".sqlite";
}

std::string Response::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

TestServer::TestServer(std::vector<std::string> extra_args) : db_url_(fresh_database_url()) {
  start(extra_args, {});
}

TestServer::TestServer(ExistingDatabase database, std::vector<std::string> extra_args,
                       ProcessLimits limits)
    : db_url_(std::move(database.url)) {
  start(extra_args, limits);
}

void TestServer::start(const std::vector<std::string>& extra_args, ProcessLimits limits) {
  // Also for a database the test made itself on a cluster of its own (the fault tests).
  if (db_url_.rfind("postgres", 0) == 0) use_postgres_secret_key_file();
  int out_pipe[2];
  if (pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> args = {RXTRACK_BIN,   "serve", "--listen",
                                   "127.0.0.1:0", "--db",  db_url_};
  // The reminder scheduler stays off unless a test asks for it by giving its interval.
  const bool scheduler =
      std::find(extra_args.begin(), extra_args.end(), "--scheduler-interval") != extra_args.end();
  if (!scheduler) args.push_back("--no-scheduler");
  // A web folder of the test's own, or an empty one (not the scratch folder: it holds databases).
  if (std::find(extra_args.begin(), extra_args.end(), "--web-dir") == extra_args.end()) {
    args.insert(args.end(), {"--web-dir", scratch_folder("web")});
  }
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  const int serial = counter++;
  log_path_ = scratch_dir() + "/server-" + std::to_string(serial) + ".log";
  pid_ = fork();
  if (pid_ == 0) {
    dup2(out_pipe[1], STDOUT_FILENO);
    close(out_pipe[0]);
    close(out_pipe[1]);
    // The server's request log goes to a file beside its database, not into the test output.
    FILE* log = std::fopen(log_path_.c_str(), "w");
    if (log) dup2(fileno(log), STDERR_FILENO);
    if (limits.max_file_bytes > 0) {
      // Writes past the limit fail with EFBIG instead of killing the process.
      signal(SIGXFSZ, SIG_IGN);
      const rlimit limit{limits.max_file_bytes, limits.max_file_bytes};
      setrlimit(RLIMIT_FSIZE, &limit);
    }
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  FILE* out = fdopen(out_pipe[0], "r");
  char line[512];
  const std::regex listening(R"(listening on https?://[^:]+:(\d+))");
  while (std::fgets(line, sizeof line, out)) {
    std::cmatch match;
    if (std::regex_search(line, match, listening)) {
      port_ = std::stoi(match[1].str());
      break;
    }
  }
  // Keep draining stdout in the background so the server never blocks on a full pipe.
  std::thread([out] {
    char sink[512];
    while (std::fgets(sink, sizeof sink, out)) {
    }
    std::fclose(out);
  }).detach();
  if (port_ == 0) {
    stop();
    throw std::runtime_error("rxtrack serve did not start");
  }
}

TestServer::~TestServer() { stop(); }

std::string TestServer::log() const {
  std::ifstream in(log_path_, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void TestServer::kill_hard() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::string scratch_folder(const std::string& name) {
  const std::string dir = scratch_dir() + "/" + name + "-" + std::to_string(counter++);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string sqlite_path(const std::string& db_url) {
  return db_url.rfind("sqlite:", 0) == 0 ? db_url.substr(7) : "";
}

int TestServer::stop() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

ApiClient::ApiClient(int port, std::string token) : port_(port), token_(std::move(token)) {}

httplib::Headers ApiClient::with_auth(const httplib::Headers& headers) const {
  httplib::Headers out = headers;
  if (!token_.empty()) out.emplace("Authorization", "Bearer " + token_);
  return out;
}

Response ApiClient::get(const std::string& path, const httplib::Headers& headers) {
  httplib::Client client = http_client(port_);
  return to_response(client.Get(path, with_auth(headers)));
}

Response ApiClient::post(const std::string& path, const nlohmann::json& body,
                         const httplib::Headers& headers) {
  return post_raw(path, body.dump(), "application/json", headers);
}

Response ApiClient::post_raw(const std::string& path, const std::string& body,
                             const std::string& content_type, const httplib::Headers& headers) {
  httplib::Client client = http_client(port_);
  return to_response(client.Post(path, with_auth(headers), body, content_type));
}

Response ApiClient::put(const std::string& path, const nlohmann::json& body,
                        const httplib::Headers& headers) {
  httplib::Client client = http_client(port_);
  return to_response(client.Put(path, with_auth(headers), body.dump(), "application/json"));
}

Response ApiClient::del(const std::string& path, const httplib::Headers& headers) {
  httplib::Client client = http_client(port_);
  return to_response(client.Delete(path, with_auth(headers)));
}

Response ApiClient::upload(const std::string& path, const std::string& field,
                           const std::string& file_name, const std::string& content) {
  httplib::Client client = http_client(port_);
  client.set_read_timeout(60, 0);
  httplib::MultipartFormDataItems items = {{field, content, file_name, "application/octet-stream"}};
  return to_response(client.Post(path, with_auth({}), items));
}

void expect_error(const Response& res, int status, const std::string& code) {
  EXPECT_EQ(res.status, status) << res.raw;
  ASSERT_TRUE(res.body.is_object()) << res.raw;
  ASSERT_TRUE(res.body.contains("error")) << res.raw;
  EXPECT_EQ(res.body["error"]["code"], code) << res.raw;
  EXPECT_TRUE(res.body["error"]["message"].is_string());
  EXPECT_TRUE(res.body["error"].contains("details"));
}

std::string samples_dir() { return env_or("RXTRACK_SAMPLES_DIR", RXTRACK_SAMPLES_DEFAULT); }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string unique_email(const std::string& prefix) {
  return prefix + "-" + run_tag() + "-" + std::to_string(counter++) + "@example.test";
}

CommandResult run_rxtrack(const std::vector<std::string>& args, const std::string& input) {
  int in_pipe[2];
  int out_pipe[2];
  if (pipe(in_pipe) != 0 || pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
  std::vector<std::string> all = {RXTRACK_BIN};
  all.insert(all.end(), args.begin(), args.end());
  const std::string err_path = scratch_dir() + "/command-" + std::to_string(counter++) + ".err";
  const int pid = fork();
  if (pid == 0) {
    dup2(in_pipe[0], STDIN_FILENO);
    dup2(out_pipe[1], STDOUT_FILENO);
    FILE* err = std::fopen(err_path.c_str(), "w");
    if (err) dup2(fileno(err), STDERR_FILENO);
    close(in_pipe[1]);
    close(out_pipe[0]);
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  if (!input.empty() && write(in_pipe[1], input.data(), input.size()) < 0) {
    throw std::runtime_error("write failed");
  }
  close(in_pipe[1]);
  CommandResult result;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = read(out_pipe[0], buffer, sizeof buffer)) > 0) result.out.append(buffer, n);
  close(out_pipe[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_path, std::ios::binary);
  std::ostringstream err_text;
  err_text << err.rdbuf();
  result.err = err_text.str();
  return result;
}

SignedInStaff sign_in(TestServer& server, const std::string& email, const std::string& password) {
  ApiClient anonymous(server.port());
  Response res = anonymous.post("/api/auth/login", {{"email", email}, {"password", password}});
  if (res.status != 200) {
    throw std::runtime_error("sign-in failed for " + email + ": " + std::to_string(res.status) +
                             " " + res.raw);
  }
  SignedInStaff out;
  out.id = res.body["staff"]["id"];
  out.shop_id = res.body["staff"]["shop_id"];
  out.email = email;
  out.password = password;
  out.token = res.body["token"];
  return out;
}

SignedInStaff create_shop(TestServer& server, const std::string& name) {
  const std::string email = unique_email("owner");
  const std::string password = "owner-password-1";
  CommandResult result = run_rxtrack({"shop", "create", "--db", server.db_url(), "--name", name,
                                      "--owner-name", name + " Owner", "--owner-email", email},
                                     password + "\n");
  if (result.exit_code != 0) throw std::runtime_error("shop create failed: " + result.err);
  return sign_in(server, email, password);
}

SignedInStaff add_staff(TestServer& server, const SignedInStaff& actor, const std::string& role) {
  const std::string email = unique_email(role);
  const std::string password = role + "-password-1";
  ApiClient client(server.port(), actor.token);
  Response res = client.post(
      "/api/staff",
      {{"name", "Test " + role}, {"email", email}, {"password", password}, {"role", role}});
  if (res.status != 201) throw std::runtime_error("add staff failed: " + res.raw);
  return sign_in(server, email, password);
}

}  // namespace rx::test

namespace rx::test {
namespace {

// Fails the whole run up front when the chosen engine cannot be reached, so a missing
// PostgreSQL can never turn into skipped tests that look green.
class EngineCheck : public ::testing::Environment {
 public:
  void SetUp() override {
    if (engine() != "postgres") return;
    const std::string admin = env_or("RXTRACK_TEST_PG_URL", "");
    ASSERT_FALSE(admin.empty()) << "RXTRACK_TEST_ENGINE=postgres needs RXTRACK_TEST_PG_URL";
    ASSERT_NO_THROW(exec_pg(admin, "SET application_name = 'rxtrack-tests'"))
        << "cannot reach " << admin;
  }
};

[[maybe_unused]] ::testing::Environment* const kEngineCheck =
    ::testing::AddGlobalTestEnvironment(new EngineCheck);

}  // namespace
}  // namespace rx::test
