// rxtrack backup / restore: an online backup while the server runs, changes after it, a restore
// that refuses a database in use, and the data of the backup back after it, on both engines
// (PostgreSQL through pg_dump and pg_restore).
#include "api_paths.h"
#include "test_database.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <memory>

namespace rx::test {
namespace {

std::int64_t make_customer(TestServer& server, const SignedInStaff& owner, const std::string& phone,
                           const std::string& allergies) {
  Response res =
      ApiClient(server.port(), owner.token)
          .post(kCustomers,
                {{"phone", phone}, {"category", "regular_branded"}, {"allergies", allergies}});
  EXPECT_EQ(res.status, 201) << res.raw;
  return res.body.value("id", std::int64_t{0});
}

TEST(BackupTest, RoundTripRestoresTheBackedUpData) {
  auto server = std::make_unique<TestServer>();
  const std::string url = server->db_url();
  SignedInStaff owner = create_shop(*server, "Backup Shop");
  const std::int64_t kept = make_customer(*server, owner, "9876570001", "BEFORE-BACKUP");
  const std::string file = scratch_folder("backup") + "/nightly.backup";

  CommandResult backup = run_rxtrack({"backup", "--db", url, "--to", file});
  ASSERT_EQ(backup.exit_code, 0) << backup.err;
  const nlohmann::json report = nlohmann::json::parse(backup.out);
  EXPECT_EQ(report["backup"], file);
  EXPECT_GT(report["bytes"].get<std::int64_t>(), 0);
  EXPECT_EQ(report["engine"], engine() == "postgres" ? "postgresql" : "sqlite");

  // Changes after the backup, while the same server keeps running.
  ApiClient as_owner(server->port(), owner.token);
  ASSERT_EQ(as_owner.put(kCustomers + "/" + std::to_string(kept), {{"allergies", "AFTER"}}).status,
            200);
  const std::int64_t later = make_customer(*server, owner, "9876570002", "LATER");

  CommandResult refused = run_rxtrack({"restore", "--db", url, "--from", file});
  EXPECT_NE(refused.exit_code, 0) << "a database in use is not replaced";
  EXPECT_NE(refused.err.find("conflict"), std::string::npos) << refused.err;
  EXPECT_EQ(as_owner.get(kCustomers + "/" + std::to_string(later)).status, 200);

  EXPECT_EQ(server->stop(), 0);
  server.reset();
  CommandResult restored = run_rxtrack({"restore", "--db", url, "--from", file});
  ASSERT_EQ(restored.exit_code, 0) << restored.err;

  TestServer again(ExistingDatabase{url});
  ApiClient after(again.port(), owner.token);
  Response before = after.get(kCustomers + "/" + std::to_string(kept));
  ASSERT_EQ(before.status, 200) << "the session of the backup is back too: " << before.raw;
  EXPECT_EQ(before.body["allergies"], "BEFORE-BACKUP");
  expect_error(after.get(kCustomers + "/" + std::to_string(later)), 404, "not_found");
  EXPECT_EQ(after.get(kCustomers).body["total"], 1);
  EXPECT_NO_THROW(sign_in(again, owner.email, owner.password));
  EXPECT_EQ(
      after.post(kCustomers, {{"phone", "9876570002"}, {"category", "regular_branded"}}).status,
      201)
      << "and the database takes writes again";
  if (engine() == "sqlite") {
    EXPECT_EQ(sql_scalar(url, "PRAGMA integrity_check"), "ok");
  }
}

TEST(BackupTest, ADamagedBackupIsRefusedAndChangesNothing) {
  TestServer server;
  const std::string url = server.db_url();
  SignedInStaff owner = create_shop(server, "Damaged Backup Shop");
  make_customer(server, owner, "9876570003", "STAYS");
  const std::string file = scratch_folder("damaged") + "/not-a-backup";
  std::ofstream(file) << "this is not a database backup\n";
  server.stop();
  CommandResult restored = run_rxtrack({"restore", "--db", url, "--from", file});
  EXPECT_NE(restored.exit_code, 0);
  TestServer again(ExistingDatabase{url});
  EXPECT_EQ(ApiClient(again.port(), owner.token).get(kCustomers).body["total"], 1);
}

TEST(BackupTest, MissingToolsAndFilesAreClearErrors) {
  TestServer server;
  const std::string folder = scratch_folder("missing");
  CommandResult no_file = run_rxtrack(
      {"restore", "--db", server.db_url(), "--from", folder + "/no-such.backup", "--force"});
  EXPECT_NE(no_file.exit_code, 0);
  EXPECT_NE(no_file.err.find("no backup"), std::string::npos) << no_file.err;
  if (engine() == "postgres") {
    // Without pg_dump on PATH, the message says what to install.
    const std::string saved_path = std::getenv("PATH") ? std::getenv("PATH") : "";
    setenv("PATH", folder.c_str(), 1);
    CommandResult no_tool =
        run_rxtrack({"backup", "--db", server.db_url(), "--to", folder + "/x.backup"});
    setenv("PATH", saved_path.c_str(), 1);
    EXPECT_NE(no_tool.exit_code, 0);
    EXPECT_NE(no_tool.err.find("pg_dump was not found"), std::string::npos) << no_tool.err;
  } else {
    CommandResult no_db = run_rxtrack(
        {"backup", "--db", "sqlite:" + folder + "/absent.db", "--to", folder + "/x.backup"});
    EXPECT_NE(no_db.exit_code, 0);
    EXPECT_NE(no_db.err.find("no database"), std::string::npos) << no_db.err;
  }
}

}  // namespace
}  // namespace rx::test
