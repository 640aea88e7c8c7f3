// Provider secrets at rest: sealed with the server's secret key (crypto_secretbox), plain text
// sealed on start, and a database started with another key keeps working with its messaging
// marked "unreadable".
#include "direct_sql.h"
#include "messaging_support.h"

#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>

namespace rx::test {
namespace {

const char* const kSecretColumns[] = {"whatsapp_access_token", "whatsapp_app_secret",
                                      "whatsapp_verify_token", "sms_auth_key"};

class MessagingSecretsTest : public MessagingTest {
 protected:
  static std::string stored(const SignedInStaff& owner, const std::string& column) {
    return query_text(server().db_url(), "SELECT " + column +
                                             " FROM shop_messaging_settings WHERE shop_id = " +
                                             std::to_string(owner.shop_id));
  }
  // A key file other than the one the fixture's server uses.
  static std::string other_key_file(const std::string& hex, unsigned mode = 0600) {
    const std::string path = scratch_folder("keys") + "/other.key";
    std::FILE* file = std::fopen(path.c_str(), "w");
    std::fputs((hex + "\n").c_str(), file);
    std::fclose(file);
    chmod(path.c_str(), mode);
    return path;
  }
  static nlohmann::json all_settings(const FakeGraphApi& graph, const FakeMsg91& sms) {
    nlohmann::json settings = whatsapp_settings(graph);
    settings.update(sms_settings(sms));
    return settings;
  }
};

TEST_F(MessagingSecretsTest, SecretsAreStoredSealedAndMessagesStillGoOut) {
  FakeGraphApi graph;
  FakeMsg91 sms;
  SignedInStaff owner = create_shop(server(), "Sealed Shop");
  configure(owner, all_settings(graph, sms));
  const std::map<std::string, std::string> plain = {{"whatsapp_access_token", "test-access-token"},
                                                    {"whatsapp_app_secret", "test-app-secret"},
                                                    {"whatsapp_verify_token", "test-verify-token"},
                                                    {"sms_auth_key", "test-auth-key"}};
  for (const auto& [column, value] : plain) {
    const std::string cell = stored(owner, column);
    EXPECT_EQ(cell.rfind("rxsb1:", 0), 0u) << column << ": " << cell;
    EXPECT_EQ(cell.find(value), std::string::npos) << column;
  }
  EXPECT_EQ(stored(owner, "whatsapp_template_refill"), "refill_reminder") << "not a secret";
  if (engine() == "sqlite") {
    struct stat st {};
    ASSERT_EQ(stat((sqlite_path(server().db_url()) + ".key").c_str(), &st), 0)
        << "the key file is made beside the database";
    EXPECT_EQ(st.st_mode & 0777, 0600u);
  }
  Response settings = client(owner).get("/api/shop/messaging");
  EXPECT_EQ(settings.body["secrets_status"], "readable");
  EXPECT_EQ(settings.body["unreadable_secrets"], nlohmann::json::array());

  due_bill(owner, "9876548001", "Meera", true, false);
  due_bill(owner, "9876548002", "Ravi", false, true);
  RemindSummary pass = remind(server(), ist_instant(1, "10:00"));
  EXPECT_EQ(pass.counts["sent"], 2) << pass.counts;
  ASSERT_EQ(graph.count(), 1u);
  EXPECT_EQ(graph.requests()[0].authorization, "Bearer test-access-token");
  ASSERT_EQ(sms.count(), 1u);
  EXPECT_EQ(sms.requests()[0].authkey, "test-auth-key");
  // The webhook's verify token and app secret are opened too.
  Response handshake = ApiClient(server().port())
                           .get(settings.body["webhook_url_path"].get<std::string>() +
                                "?hub.mode=subscribe&hub.verify_token=test-verify-token"
                                "&hub.challenge=7");
  EXPECT_EQ(handshake.status, 200) << handshake.raw;
}

TEST_F(MessagingSecretsTest, PlainTextSecretsAreSealedOnTheNextStart) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Plain Shop");
  configure(owner, whatsapp_settings(graph));
  // As a database written before secrets were sealed.
  exec_sql(server().db_url(),
           "UPDATE shop_messaging_settings SET whatsapp_access_token = 'plain-access-token', "
           "sms_auth_key = 'plain-auth-key' WHERE shop_id = " +
               std::to_string(owner.shop_id));
  TestServer restarted(ExistingDatabase{server().db_url()});
  for (const char* column : {"whatsapp_access_token", "sms_auth_key"}) {
    const std::string cell = stored(owner, column);
    EXPECT_EQ(cell.rfind("rxsb1:", 0), 0u) << column << ": " << cell;
    EXPECT_EQ(cell.find("plain-"), std::string::npos) << column;
  }
  const std::string sealed_token = stored(owner, "whatsapp_access_token");
  TestServer again(ExistingDatabase{server().db_url()});
  EXPECT_EQ(stored(owner, "whatsapp_access_token"), sealed_token) << "sealed once, not twice";

  due_bill(owner, "9876548011", "Meera", true, false);
  RemindSummary pass = remind(server(), ist_instant(1, "10:00"));
  EXPECT_EQ(pass.counts["sent"], 1) << pass.counts;
  ASSERT_EQ(graph.count(), 1u);
  EXPECT_EQ(graph.requests()[0].authorization, "Bearer plain-access-token");
}

TEST_F(MessagingSecretsTest, AnotherKeyLeavesSecretsUnreadableAndTheServerUp) {
  FakeGraphApi graph;
  FakeMsg91 sms;
  SignedInStaff owner = create_shop(server(), "Wrong Key Shop");
  configure(owner, all_settings(graph, sms));
  SignedInStaff staff = add_staff(server(), owner, "staff");
  due_bill(staff, "9876548021", "Meera", true, true);
  const std::string other =
      other_key_file("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

  TestServer moved(ExistingDatabase{server().db_url()}, {"--secret-key-file", other});
  ASSERT_GT(moved.port(), 0) << moved.log();
  ApiClient as_owner(moved.port(), owner.token);
  Response settings = as_owner.get("/api/shop/messaging");
  ASSERT_EQ(settings.status, 200) << settings.raw;
  EXPECT_EQ(settings.body["secrets_status"], "unreadable");
  nlohmann::json expected = nlohmann::json::array();
  for (const char* column : kSecretColumns) {
    expected.push_back(column);
    EXPECT_EQ(settings.body[std::string(column) + "_set"], true) << column;
  }
  EXPECT_EQ(settings.body["unreadable_secrets"], expected);
  EXPECT_EQ(settings.body["whatsapp_ready"], false);
  EXPECT_EQ(settings.body["sms_ready"], false);
  EXPECT_EQ(ApiClient(moved.port()).get("/healthz").status, 200);

  // The scheduler with that key sends nothing and leaves the reminder on the call list.
  CommandResult pass = run_rxtrack({"remind", "--db", server().db_url(), "--now",
                                    ist_instant(1, "10:00"), "--secret-key-file", other});
  ASSERT_EQ(pass.exit_code, 0) << pass.err;
  const nlohmann::json counts = nlohmann::json::parse(pass.out);
  EXPECT_EQ(counts["sent"], 0) << pass.out;
  EXPECT_EQ(counts["skipped"], 1) << pass.out;
  EXPECT_EQ(graph.count(), 0u);
  EXPECT_EQ(sms.count(), 0u);
  EXPECT_EQ(call_list(owner).size(), 1u);

  // Saving a secret again replaces the unreadable one.
  Response saved = as_owner.put("/api/shop/messaging", {{"whatsapp_access_token", "fresh-token"}});
  ASSERT_EQ(saved.status, 200) << saved.raw;
  EXPECT_EQ(saved.body["unreadable_secrets"],
            nlohmann::json({"whatsapp_app_secret", "whatsapp_verify_token", "sms_auth_key"}));
  Response replaced = as_owner.put(
      "/api/shop/messaging",
      {{"whatsapp_app_secret", "a"}, {"whatsapp_verify_token", "b"}, {"sms_auth_key", nullptr}});
  ASSERT_EQ(replaced.status, 200) << replaced.raw;
  EXPECT_EQ(replaced.body["secrets_status"], "readable");
  EXPECT_EQ(replaced.body["whatsapp_ready"], true);
  EXPECT_EQ(moved.stop(), 0) << moved.log();
}

TEST_F(MessagingSecretsTest, RotateKeySealsEverySecretWithTheNewKey) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Rotate Key Shop");
  configure(owner, whatsapp_settings(graph));
  const char* env_key = std::getenv("RXTRACK_SECRET_KEY_FILE");
  const std::string old_key = engine() == "sqlite" ? sqlite_path(server().db_url()) + ".key"
                                                   : std::string(env_key ? env_key : "");
  const std::string new_key = scratch_folder("rotate") + "/new.key";
  const std::string before = stored(owner, "whatsapp_access_token");

  // A wrong old key changes nothing.
  const std::string wrong =
      other_key_file("fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210");
  CommandResult refused = run_rxtrack({"secrets", "rotate-key", "--db", server().db_url(),
                                       "--old-key-file", wrong, "--new-key-file", new_key});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_NE(refused.err.find("whatsapp_access_token"), std::string::npos) << refused.err;
  EXPECT_EQ(stored(owner, "whatsapp_access_token"), before);

  CommandResult rotated = run_rxtrack({"secrets", "rotate-key", "--db", server().db_url(),
                                       "--old-key-file", old_key, "--new-key-file", new_key});
  ASSERT_EQ(rotated.exit_code, 0) << rotated.err;
  EXPECT_EQ(nlohmann::json::parse(rotated.out)["resealed"], 3) << rotated.out;
  EXPECT_NE(stored(owner, "whatsapp_access_token"), before);
  EXPECT_EQ(stored(owner, "whatsapp_access_token").rfind("rxsb1:", 0), 0u);
  CommandResult again = run_rxtrack({"secrets", "rotate-key", "--db", server().db_url(),
                                     "--old-key-file", old_key, "--new-key-file", new_key});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(nlohmann::json::parse(again.out)["resealed"], 0) << "a second run finds nothing";

  TestServer with_new(ExistingDatabase{server().db_url()}, {"--secret-key-file", new_key});
  Response settings = ApiClient(with_new.port(), owner.token).get("/api/shop/messaging");
  EXPECT_EQ(settings.body["secrets_status"], "readable") << settings.raw;
  EXPECT_EQ(client(owner).get("/api/shop/messaging").body["secrets_status"], "unreadable")
      << "the server still on the old key cannot read them";
  due_bill(owner, "9876548031", "Meera", true, false);
  CommandResult pass =
      run_rxtrack(with_fake_providers({"remind", "--db", server().db_url(), "--now",
                                       ist_instant(1, "10:00"), "--secret-key-file", new_key}));
  ASSERT_EQ(pass.exit_code, 0) << pass.err;
  EXPECT_EQ(nlohmann::json::parse(pass.out)["sent"], 1) << pass.out;
  ASSERT_EQ(graph.count(), 1u);
  EXPECT_EQ(graph.requests()[0].authorization, "Bearer test-access-token");
}

TEST_F(MessagingSecretsTest, AKeyFileOthersCanReadIsRefusedWithItsName) {
  const std::string loose =
      other_key_file("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", 0644);
  CommandResult serve = run_rxtrack({"serve", "--db", server().db_url(), "--listen", "127.0.0.1:0",
                                     "--no-scheduler", "--secret-key-file", loose});
  EXPECT_NE(serve.exit_code, 0);
  EXPECT_NE(serve.err.find(loose), std::string::npos) << serve.err;
  EXPECT_NE(serve.err.find("chmod 600"), std::string::npos) << serve.err;
  CommandResult missing = run_rxtrack({"remind", "--db", server().db_url(), "--secret-key-file",
                                       scratch_folder("none") + "/absent.key"});
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_NE(missing.err.find("absent.key"), std::string::npos) << missing.err;
  if (engine() == "postgres") {
    // PostgreSQL has nowhere to keep a key of its own: without a key file, serve refuses.
    CommandResult keyless = run_rxtrack(
        {"serve", "--db", server().db_url(), "--listen", "127.0.0.1:0", "--secret-key-file", ""});
    EXPECT_NE(keyless.exit_code, 0);
    EXPECT_NE(keyless.err.find("--secret-key-file"), std::string::npos) << keyless.err;
  }
}

}  // namespace
}  // namespace rx::test
