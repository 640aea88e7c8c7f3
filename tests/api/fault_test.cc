// Faults: kill -9 of the server in the middle of a 100,000-row import and of a burst of bills,
// a PostgreSQL restart under load, a busy and a full SQLite database. Nothing half-written,
// nothing answered 201 lost, 503 (never 500) while the database cannot serve.
#include "api_paths.h"
#include "test_database.h"
#include "test_server.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace rx::test {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;

std::string big_sheet(int rows) {
  std::string sheet = "Name,Phone\n";
  sheet.reserve(static_cast<std::size_t>(rows) * 24);
  for (int i = 0; i < rows; ++i) {
    sheet += "Person ";
    sheet += std::to_string(i);
    sheet += ',';
    sheet += std::to_string(9100000000LL + i);
    sheet += '\n';
  }
  return sheet;
}

// True while another connection holds the database's write lock (SQLite) or has a write
// transaction open (PostgreSQL).
bool write_in_progress(const std::string& db_url) {
  const std::string path = sqlite_path(db_url);
  if (path.empty()) {
    return sql_count(db_url,
                     "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                     "AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL "
                     "AND state = 'active'") > 0;
  }
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  sqlite3_busy_timeout(db, 0);
  const bool busy = sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_BUSY;
  if (!busy) sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  return busy;
}

// Waits until a write has been in progress for `held` without a break; false on timeout.
bool wait_for_long_write(const std::string& db_url, milliseconds held, milliseconds timeout) {
  const auto deadline = steady_clock::now() + timeout;
  bool writing = false;
  auto since = steady_clock::now();
  while (steady_clock::now() < deadline) {
    if (write_in_progress(db_url)) {
      if (!writing) since = steady_clock::now();
      writing = true;
      if (steady_clock::now() - since >= held) return true;
    } else {
      writing = false;
    }
    std::this_thread::sleep_for(milliseconds(3));
  }
  return false;
}

void expect_sqlite_intact(const std::string& db_url) {
  if (!sqlite_path(db_url).empty()) {
    EXPECT_EQ(sql_scalar(db_url, "PRAGMA integrity_check"), "ok");
  }
}

TEST(FaultTest, KillDuringA100kRowImportLeavesAllOrNothing) {
  auto server = std::make_unique<TestServer>();
  const std::string url = server->db_url();
  SignedInStaff owner = create_shop(*server, "Crash Import Shop");
  const std::string sheet = big_sheet(100000);
  std::atomic<int> status{0};
  std::thread upload([&] {
    status = ApiClient(server->port(), owner.token)
                 .upload(kTracking + "/contacts/upload", "file", "big.csv", sheet)
                 .status;
  });
  const bool caught = wait_for_long_write(url, milliseconds(150), milliseconds(60000));
  server->kill_hard();
  upload.join();
  ASSERT_TRUE(caught) << "the import's transaction was never seen open";
  EXPECT_EQ(status, -1) << "killed before it could answer";

  TestServer again(ExistingDatabase{url});
  ApiClient client(again.port(), owner.token);
  Response uploads = client.get(kTracking + "/uploads");
  ASSERT_EQ(uploads.status, 200) << uploads.raw;
  const std::int64_t contacts = client.get(kTracking + "/contacts?limit=1").body["total"];
  if (uploads.body["total"] == 0) {
    EXPECT_EQ(contacts, 0) << "no upload, no contacts";
  } else {
    EXPECT_EQ(contacts, uploads.body["items"][0]["imported"]) << "the whole upload";
  }
  EXPECT_EQ(sql_count(url, "SELECT COUNT(*) FROM contact_records"), contacts);
  expect_sqlite_intact(url);
  Response retry = client.upload(kTracking + "/contacts/upload", "file", "small.csv",
                                 "Name,Phone\nAfter Crash,9876599001\n");
  EXPECT_EQ(retry.status, 201) << "imports work again: " << retry.raw;
}

TEST(FaultTest, KillDuringABurstOfBillsKeepsEveryAnsweredBill) {
  auto server = std::make_unique<TestServer>();
  const std::string url = server->db_url();
  SignedInStaff owner = create_shop(*server, "Crash Bills Shop");
  std::mutex mutex;
  std::map<std::int64_t, std::int64_t> answered;  // bill id -> total
  std::atomic<bool> stop{false};
  std::vector<std::thread> clerks;
  for (int t = 0; t < 4; ++t) {
    clerks.emplace_back([&, t] {
      ApiClient client(server->port(), owner.token);
      for (int i = 0; !stop; ++i) {
        const std::int64_t price = 100 + t * 1000 + i;
        Response res = client.post(
            "/api/bills", {{"customer", {{"phone", std::to_string(9200000000LL + t * 100000 + i)}}},
                           {"customer_category", "regular_branded"},
                           {"was_contacted_before", false},
                           {"items",
                            {{{"medicine", "Crocin"},
                              {"quantity", 1},
                              {"unit_price_paise", price},
                              {"duration_days", 10}}}}});
        if (res.status == -1) return;
        if (res.status == 201) {
          std::lock_guard lock(mutex);
          answered[res.body["bill"]["id"]] = res.body["bill"]["total_paise"];
        }
      }
    });
  }
  const auto deadline = steady_clock::now() + std::chrono::seconds(60);
  while (steady_clock::now() < deadline) {
    {
      std::lock_guard lock(mutex);
      if (answered.size() >= 60) break;
    }
    std::this_thread::sleep_for(milliseconds(5));
  }
  server->kill_hard();
  stop = true;
  for (auto& clerk : clerks) clerk.join();
  ASSERT_GE(answered.size(), 60u);

  TestServer again(ExistingDatabase{url});
  ApiClient client(again.port(), owner.token);
  for (const auto& [id, total] : answered) {
    Response bill = client.get("/api/bills/" + std::to_string(id));
    ASSERT_EQ(bill.status, 200) << "bill " << id << " was answered 201 and is gone";
    EXPECT_EQ(bill.body["total_paise"], total);
  }
  const std::int64_t stored = client.get("/api/bills?limit=1").body["total"];
  EXPECT_GE(stored, static_cast<std::int64_t>(answered.size()));
  EXPECT_EQ(sql_count(url, "SELECT COUNT(*) FROM bill_items"), stored)
      << "every bill has its one item";
  expect_sqlite_intact(url);
}

TEST(SqliteFaultTest, ABusyDatabaseIs503AndNothingIsHalfWritten) {
  TestServer server;
  SignedInStaff owner = create_shop(server, "Busy Shop");
  ApiClient client(server.port(), owner.token);
  const nlohmann::json bill = {
      {"customer", {{"phone", "9876599101"}}},
      {"customer_category", "regular_branded"},
      {"was_contacted_before", false},
      {"items", {{{"medicine", "Crocin"}, {"quantity", 1}, {"unit_price_paise", 100}}}}};
  sqlite3* holder = nullptr;
  ASSERT_EQ(sqlite3_open(sqlite_path(server.db_url()).c_str(), &holder), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
  Response busy = client.post("/api/bills", bill);
  expect_error(busy, 503, "unavailable");
  EXPECT_NE(busy.body["error"]["message"].get<std::string>().find("busy"), std::string::npos);
  EXPECT_EQ(client.get("/api/bills").status, 200) << "reads go on while a writer holds the lock";
  sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(holder);
  EXPECT_EQ(client.get("/api/bills").body["total"], 0) << "the refused bill left nothing";
  EXPECT_EQ(client.get(kTracking + "/customers").body["total"], 0);
  EXPECT_EQ(client.post("/api/bills", bill).status, 201);
}

TEST(SqliteFaultTest, AFullDiskIs503AndNothingIsHalfWritten) {
  auto setup = std::make_unique<TestServer>();
  const std::string url = setup->db_url();
  SignedInStaff owner = create_shop(*setup, "Full Disk Shop");
  setup->stop();  // checkpoints: the database file holds everything, the log is empty
  setup.reset();
  const auto db_bytes = std::filesystem::file_size(sqlite_path(url));
  {
    // No file of the server may grow past the database's size plus 64 KB.
    TestServer limited(ExistingDatabase{url}, {}, ProcessLimits{db_bytes + 64 * 1024});
    ApiClient client(limited.port(), owner.token);
    Response full =
        client.upload(kTracking + "/contacts/upload", "file", "big.csv", big_sheet(20000));
    expect_error(full, 503, "unavailable");
    const std::string message = full.body["error"]["message"];
    EXPECT_TRUE(message.find("full") != std::string::npos ||
                message.find("could not read or write") != std::string::npos)
        << message;
    EXPECT_EQ(client.get(kTracking + "/uploads").body["total"], 0);
    EXPECT_EQ(client.get(kTracking + "/contacts").body["total"], 0);
    EXPECT_EQ(client.get("/healthz").status, 200) << "the server itself is fine";
  }
  TestServer again(ExistingDatabase{url});
  expect_sqlite_intact(url);
  ApiClient client(again.port(), owner.token);
  EXPECT_EQ(client.get(kTracking + "/uploads").body["total"], 0) << "nothing half-written";
  EXPECT_EQ(sql_count(url, "SELECT COUNT(*) FROM contact_records"), 0);
  EXPECT_EQ(
      client.upload(kTracking + "/contacts/upload", "file", "big.csv", big_sheet(20000)).status,
      201)
      << "with room again, the same upload goes in";
}

// A PostgreSQL cluster of this test's own (scripts/pg-test-cluster.sh), so that it can be stopped
// and started without disturbing the suite's shared server.
class ThrowawayCluster {
 public:
  ThrowawayCluster() {
    const char* port = std::getenv("RXTRACK_TEST_PG_RESTART_PORT");
    port_ = port && *port ? std::stoi(port) : 55453;
    std::string pattern = "/tmp/rxtrack-pgfault-XXXXXX";
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    dir_ = pattern;
    chmod(dir_.c_str(), 0755);
    // The port lies in the ephemeral range: a client socket may hold it for a moment, so a
    // few neighbours are tried.
    for (int attempt = 0; attempt < kPortAttempts && admin_url_.empty(); ++attempt) {
      admin_url_ = script("start");
      if (admin_url_.empty()) ++port_;
    }
    if (admin_url_.empty()) {
      remove();
      throw std::runtime_error("cannot start a throwaway PostgreSQL near port " +
                               std::to_string(port_));
    }
  }
  ~ThrowawayCluster() {
    script("stop");
    remove();
  }
  void stop() { script("stop"); }
  // Restarts on the same port (the URL rxtrack holds), waiting out a port held for a moment.
  bool start() {
    for (int attempt = 0; attempt < kPortAttempts; ++attempt) {
      if (!script("start").empty()) return true;
      std::this_thread::sleep_for(milliseconds(300));
    }
    return false;
  }
  const std::string& admin_url() const { return admin_url_; }

 private:
  static constexpr int kPortAttempts = 5;

  // The script's output (the admin URL on start), or "" when it failed.
  std::string script(const std::string& action) {
    const std::string command = std::string(RXTRACK_SOURCE_DIR) + "/scripts/pg-test-cluster.sh " +
                                action + " " + dir_ + " " + std::to_string(port_);
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return "";
    std::string out;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
    if (pclose(pipe) != 0) return "";
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out.empty() ? "ok" : out;
  }
  void remove() {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  int port_ = 0;
  std::string dir_;
  std::string admin_url_;
};

TEST(PostgresFaultTest, ARestartUnderLoadIs503ThenHealsWithoutRestartingRxtrack) {
  ThrowawayCluster cluster;
  ASSERT_TRUE(run_sql(cluster.admin_url(), "CREATE DATABASE rxfault").ok);
  const std::string url =
      cluster.admin_url().substr(0, cluster.admin_url().rfind('/')) + "/rxfault";
  TestServer server(ExistingDatabase{url});
  SignedInStaff owner = create_shop(server, "Restart Shop");

  std::mutex mutex;
  std::map<int, int> statuses;  // status -> count, while the load runs
  std::atomic<int> phase{0};    // 0 before the stop, 1 while down, 2 after the start
  std::map<int, std::map<int, int>> by_phase;
  std::atomic<bool> stop{false};
  std::vector<std::thread> load;
  for (int t = 0; t < 3; ++t) {
    load.emplace_back([&, t] {
      ApiClient client(server.port(), owner.token);
      for (int i = 0; !stop; ++i) {
        const int seen_phase = phase;
        Response res =
            (i % 2 == 0)
                ? client.get(kTracking + "/customers")
                : client.post(
                      "/api/bills",
                      {{"customer", {{"phone", std::to_string(9300000000LL + t * 100000 + i)}}},
                       {"customer_category", "regular_branded"},
                       {"was_contacted_before", false},
                       {"items",
                        {{{"medicine", "Crocin"}, {"quantity", 1}, {"unit_price_paise", 100}}}}});
        std::lock_guard lock(mutex);
        by_phase[seen_phase][res.status]++;
        std::this_thread::sleep_for(milliseconds(10));
      }
    });
  }
  std::this_thread::sleep_for(milliseconds(700));
  phase = 1;
  cluster.stop();
  std::this_thread::sleep_for(milliseconds(1500));
  Response down = ApiClient(server.port(), owner.token).get(kTracking + "/customers");
  expect_error(down, 503, "unavailable");
  EXPECT_EQ(ApiClient(server.port()).get("/healthz").status, 503);
  EXPECT_TRUE(cluster.start());
  phase = 2;
  // The pool reconnects on demand: success again within a few seconds, same rxtrack process.
  int healthy = 0;
  for (int i = 0; i < 100 && healthy != 200; ++i) {
    healthy = ApiClient(server.port()).get("/healthz").status;
    if (healthy != 200) std::this_thread::sleep_for(milliseconds(100));
  }
  EXPECT_EQ(healthy, 200);
  std::this_thread::sleep_for(milliseconds(700));
  stop = true;
  for (auto& thread : load) thread.join();

  for (const auto& [seen_phase, counts] : by_phase) {
    for (const auto& [status, count] : counts) {
      EXPECT_TRUE(status == 200 || status == 201 || status == 503)
          << "phase " << seen_phase << ": " << count << " answers of " << status;
    }
  }
  EXPECT_GT(by_phase[0][201], 0) << "bills went in before the restart";
  EXPECT_GT(by_phase[1][503], 0) << "503 while the database was down";
  EXPECT_GT(by_phase[2][201] + by_phase[2][200], 0) << "and success after it";
  Response after =
      ApiClient(server.port(), owner.token)
          .post(
              "/api/bills",
              {{"customer", {{"phone", "9876599201"}}},
               {"customer_category", "regular_branded"},
               {"was_contacted_before", false},
               {"items", {{{"medicine", "Crocin"}, {"quantity", 1}, {"unit_price_paise", 100}}}}});
  EXPECT_EQ(after.status, 201) << after.raw;
}

}  // namespace
}  // namespace rx::test
