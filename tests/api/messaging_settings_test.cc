// Messaging settings (secrets never shown, provider URLs kept out of the operator's network),
// consent and opt-out on customers.
#include "direct_sql.h"
#include "messaging_support.h"

#include <utility>

namespace rx::test {
namespace {

class MessagingSettingsTest : public MessagingTest {};

TEST_F(MessagingSettingsTest, SettingsRoundTripShowsWhetherSecretsAreSetNeverTheirValues) {
  SignedInStaff owner = create_shop(server(), "Settings Shop");
  SignedInStaff manager = add_staff(server(), owner, "manager");
  SignedInStaff staff = add_staff(server(), owner, "staff");

  Response defaults = client(owner).get("/api/shop/messaging");
  ASSERT_EQ(defaults.status, 200) << defaults.raw;
  EXPECT_EQ(defaults.body["whatsapp_base_url"], "https://graph.facebook.com");
  EXPECT_EQ(defaults.body["whatsapp_api_version"], "v23.0");
  EXPECT_EQ(defaults.body["send_window_start"], "09:00");
  EXPECT_EQ(defaults.body["send_window_end"], "20:00");
  EXPECT_EQ(defaults.body["include_medicine_names"], false);
  EXPECT_EQ(defaults.body["whatsapp_access_token_set"], false);
  EXPECT_EQ(defaults.body["whatsapp_ready"], false);
  EXPECT_EQ(defaults.body["sms_ready"], false);
  EXPECT_TRUE(defaults.body["whatsapp_phone_number_id"].is_null());
  EXPECT_EQ(defaults.body["opt_out_keywords"], nlohmann::json::array());
  const std::string key = defaults.body["webhook_key"];
  EXPECT_GE(key.size(), 16u);
  EXPECT_EQ(defaults.body["webhook_url_path"], "/api/webhooks/whatsapp/" + key);

  const nlohmann::json change = {{"whatsapp_base_url", "http://127.0.0.1:9/"},
                                 {"whatsapp_phone_number_id", "106540352242922"},
                                 {"whatsapp_access_token", "EAAG-secret-token"},
                                 {"whatsapp_app_secret", "app-secret-value"},
                                 {"whatsapp_verify_token", "verify-secret-value"},
                                 {"whatsapp_template_refill", "refill_reminder"},
                                 {"whatsapp_template_language", "en"},
                                 {"sms_base_url", "https://control.msg91.com"},
                                 {"sms_auth_key", "msg91-secret-key"},
                                 {"sms_template_id", "6543210fedcba"},
                                 {"sms_sender", "RXSHOP"},
                                 {"send_window_start", "08:30"},
                                 {"send_window_end", "21:00"},
                                 {"include_medicine_names", true},
                                 {"opt_out_keywords", {"Band Karo", " nahi chahiye "}},
                                 {"whatsapp_price_paise", 80},
                                 {"sms_price_paise", 25}};
  Response put = client(owner).put("/api/shop/messaging", change);
  ASSERT_EQ(put.status, 200) << put.raw;
  Response got = client(owner).get("/api/shop/messaging");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body, put.body) << "PUT answers what GET shows";
  Response managers = client(manager).get("/api/shop/messaging");
  ASSERT_EQ(managers.status, 200);
  nlohmann::json without_keys = got.body;
  for (const char* field :
       {"webhook_key", "webhook_url_path", "webhook_previous_key_expires_at", "sms_webhook_key",
        "sms_webhook_url_path", "sms_webhook_previous_key_expires_at"}) {
    without_keys.erase(field);
  }
  EXPECT_EQ(managers.body, without_keys) << "a manager sees all but the webhook keys";
  for (const char* secret :
       {"EAAG-secret-token", "app-secret-value", "verify-secret-value", "msg91-secret-key"}) {
    EXPECT_EQ(got.raw.find(secret), std::string::npos) << secret << " leaked";
  }
  for (const char* field :
       {"whatsapp_access_token", "whatsapp_app_secret", "whatsapp_verify_token", "sms_auth_key"}) {
    EXPECT_FALSE(got.body.contains(field)) << field;
    EXPECT_EQ(got.body[std::string(field) + "_set"], true) << field;
  }
  EXPECT_EQ(got.body["whatsapp_base_url"], "http://127.0.0.1:9") << "trailing slash dropped";
  EXPECT_EQ(got.body["send_window_start"], "08:30");
  EXPECT_EQ(got.body["include_medicine_names"], true);
  EXPECT_EQ(got.body["opt_out_keywords"], nlohmann::json({"band karo", "nahi chahiye"}));
  EXPECT_EQ(got.body["whatsapp_price_paise"], 80);
  EXPECT_EQ(got.body["whatsapp_ready"], true);
  EXPECT_EQ(got.body["sms_ready"], true);
  EXPECT_EQ(got.body["webhook_key"], key) << "the key does not change";

  // Absent keeps, null clears.
  Response cleared = client(owner).put(
      "/api/shop/messaging", {{"whatsapp_access_token", nullptr}, {"sms_price_paise", nullptr}});
  ASSERT_EQ(cleared.status, 200) << cleared.raw;
  EXPECT_EQ(cleared.body["whatsapp_access_token_set"], false);
  EXPECT_EQ(cleared.body["whatsapp_app_secret_set"], true);
  EXPECT_EQ(cleared.body["whatsapp_ready"], false);
  EXPECT_TRUE(cleared.body["sms_price_paise"].is_null());
  EXPECT_EQ(cleared.body["whatsapp_phone_number_id"], "106540352242922");

  Response bad =
      client(owner).put("/api/shop/messaging", {{"whatsapp_base_url", "ftp://example.com"},
                                                {"sms_base_url", "not a url"},
                                                {"send_window_start", "9am"},
                                                {"send_window_end", "25:00"},
                                                {"whatsapp_price_paise", -1},
                                                {"whatsapp_access_token", 12345},
                                                {"opt_out_keywords", "stop"}});
  expect_error(bad, 422, "validation_failed");
  for (const char* field :
       {"whatsapp_base_url", "sms_base_url", "send_window_start", "send_window_end",
        "whatsapp_price_paise", "whatsapp_access_token", "opt_out_keywords"}) {
    EXPECT_TRUE(bad.body["error"]["details"]["fields"].contains(field)) << field << bad.raw;
  }
  expect_error(client(owner).put("/api/shop/messaging",
                                 {{"send_window_start", "21:00"}, {"send_window_end", "21:00"}}),
               422, "validation_failed");
  EXPECT_EQ(client(owner).get("/api/shop/messaging").body["send_window_start"], "08:30")
      << "nothing half-written";

  // Roles: the owner changes, the manager reads, staff neither.
  expect_error(client(manager).put("/api/shop/messaging", {{"sms_sender", "X"}}), 403, "forbidden");
  expect_error(client(staff).get("/api/shop/messaging"), 403, "forbidden");
  expect_error(client(staff).put("/api/shop/messaging", {{"sms_sender", "X"}}), 403, "forbidden");
  expect_error(ApiClient(server().port()).get("/api/shop/messaging"), 401, "unauthorized");

  // Another shop has its own settings and its own key.
  SignedInStaff other = create_shop(server(), "Other Settings Shop");
  Response theirs = client(other).get("/api/shop/messaging");
  EXPECT_EQ(theirs.body["whatsapp_ready"], false);
  EXPECT_EQ(theirs.body["whatsapp_access_token_set"], false);
  EXPECT_NE(theirs.body["webhook_key"], key);
}

TEST_F(MessagingSettingsTest, ConsentChangesAreKeptAsHistory) {
  SignedInStaff owner = create_shop(server(), "Consent Shop");
  SignedInStaff staff = add_staff(server(), owner, "staff");
  nlohmann::json bill = due_bill(staff, "9876540001", "Meera", true, false);
  const std::string id = bill["customer"]["id"].dump();
  EXPECT_EQ(bill["customer"]["whatsapp_consent"], true);
  EXPECT_EQ(bill["customer"]["sms_consent"], false);
  EXPECT_TRUE(bill["customer"]["opted_out_at"].is_null());

  Response sms =
      client(staff).post(kCustomers + "/" + id + "/consent", {{"channel", "sms"},
                                                              {"granted", true},
                                                              {"method", "form"},
                                                              {"note", "signed the consent form"}});
  ASSERT_EQ(sms.status, 200) << sms.raw;
  EXPECT_EQ(sms.body["sms_consent"], true);
  EXPECT_EQ(sms.body["whatsapp_consent"], true);
  const nlohmann::json& history = sms.body["consent_history"];
  ASSERT_EQ(history.size(), 2u) << sms.raw;
  EXPECT_EQ(history[0]["channel"], "sms") << "newest first";
  EXPECT_EQ(history[0]["granted"], true);
  EXPECT_EQ(history[0]["method"], "form");
  EXPECT_EQ(history[0]["note"], "signed the consent form");
  EXPECT_EQ(history[0]["staff_id"], staff.id);
  EXPECT_EQ(history[0]["staff_name"], "Test staff");
  EXPECT_TRUE(history[0]["at"].is_string());
  EXPECT_EQ(history[1]["channel"], "whatsapp");
  EXPECT_EQ(history[1]["method"], "counter") << "the bill recorded it at the counter";

  Response withdrawn =
      client(owner).post(kCustomers + "/" + id + "/consent",
                         {{"channel", "whatsapp"}, {"granted", false}, {"method", "staff"}});
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.raw;
  EXPECT_EQ(withdrawn.body["whatsapp_consent"], false);
  EXPECT_EQ(withdrawn.body["sms_consent"], true);

  Response detail = client(owner).get(kCustomers + "/" + id);
  ASSERT_EQ(detail.status, 200);
  EXPECT_EQ(detail.body["consent_history"].size(), 3u);
  EXPECT_EQ(detail.body["consent_history"][0]["granted"], false);

  Response bad =
      client(owner).post(kCustomers + "/" + id + "/consent",
                         {{"channel", "email"}, {"granted", "yes"}, {"method", "reply"}});
  expect_error(bad, 422, "validation_failed");
  for (const char* field : {"channel", "granted", "method"}) {
    EXPECT_TRUE(bad.body["error"]["details"]["fields"].contains(field)) << field;
  }
  expect_error(client(owner).post(kCustomers + "/999999/consent",
                                  {{"channel", "sms"}, {"granted", true}, {"method", "staff"}}),
               404, "not_found");
}

TEST_F(MessagingSettingsTest, OptOutHoldsOnEveryChannelUntilConsentIsGivenAgain) {
  SignedInStaff owner = create_shop(server(), "Opt Out Shop");
  SignedInStaff staff = add_staff(server(), owner, "staff");
  nlohmann::json bill = due_bill(staff, "9876540002", "Ravi", true, true);
  const std::string id = bill["customer"]["id"].dump();

  Response out =
      client(staff).post(kCustomers + "/" + id + "/opt-out", {{"note", "asked at the counter"}});
  ASSERT_EQ(out.status, 200) << out.raw;
  EXPECT_EQ(out.body["whatsapp_consent"], false);
  EXPECT_EQ(out.body["sms_consent"], false);
  ASSERT_TRUE(out.body["opted_out_at"].is_string());
  EXPECT_EQ(out.body["consent_history"][0]["channel"], "all");
  EXPECT_EQ(out.body["consent_history"][0]["granted"], false);
  EXPECT_EQ(out.body["consent_history"][0]["method"], "staff");
  EXPECT_EQ(out.body["consent_history"][0]["note"], "asked at the counter");
  const std::size_t events = out.body["consent_history"].size();

  // A later bill (or profile edit) that sends consent flags does not undo the opt-out.
  nlohmann::json again = due_bill(staff, "9876540002", std::nullopt, true, true);
  EXPECT_EQ(again["customer"]["whatsapp_consent"], false);
  EXPECT_EQ(again["customer"]["sms_consent"], false);
  EXPECT_EQ(again["customer"]["opted_out_at"], out.body["opted_out_at"]);
  Response edit = client(owner).put(kCustomers + "/" + id, {{"sms_consent", true}});
  ASSERT_EQ(edit.status, 200) << edit.raw;
  EXPECT_EQ(edit.body["sms_consent"], false);
  Response detail = client(owner).get(kCustomers + "/" + id);
  EXPECT_EQ(detail.body["consent_history"].size(), events) << "no grant was recorded";

  // An explicit grant through the consent endpoint ends the opt-out.
  Response back =
      client(staff).post(kCustomers + "/" + id + "/consent",
                         {{"channel", "whatsapp"}, {"granted", true}, {"method", "counter"}});
  ASSERT_EQ(back.status, 200) << back.raw;
  EXPECT_TRUE(back.body["opted_out_at"].is_null());
  EXPECT_EQ(back.body["whatsapp_consent"], true);
  EXPECT_EQ(back.body["sms_consent"], false) << "only the channel granted";
  EXPECT_EQ(back.body["consent_history"].size(), events + 1);

  // Opt-out without a body works too.
  Response bare = ApiClient(server().port(), staff.token)
                      .post_raw(kCustomers + "/" + id + "/opt-out", "", "application/json");
  ASSERT_EQ(bare.status, 200) << bare.raw;
  EXPECT_TRUE(bare.body["opted_out_at"].is_string());
}

TEST_F(MessagingSettingsTest, AnotherShopsCustomerIsNotFound) {
  SignedInStaff owner = create_shop(server(), "Consent Shop A");
  SignedInStaff other = create_shop(server(), "Consent Shop B");
  nlohmann::json bill = due_bill(owner, "9876540003", "Asha", true, true);
  const std::string id = bill["customer"]["id"].dump();
  expect_error(client(other).post(kCustomers + "/" + id + "/consent",
                                  {{"channel", "sms"}, {"granted", false}, {"method", "staff"}}),
               404, "not_found");
  expect_error(client(other).post(kCustomers + "/" + id + "/opt-out", nlohmann::json::object()),
               404, "not_found");
  Response mine = client(owner).get(kCustomers + "/" + id);
  EXPECT_EQ(mine.body["sms_consent"], true) << "unchanged";
  EXPECT_TRUE(mine.body["opted_out_at"].is_null());
  EXPECT_EQ(client(other).get("/api/messages").body["total"], 0);
}

// A server started without --allow-provider-host, as in production.
class ProviderNetworkTest : public MessagingTest {
 protected:
  std::vector<std::string> server_args() const override { return {}; }
};

// Writes a base URL straight into the database: settings saved before the address rule existed.
void store_base_url(TestServer& server, const SignedInStaff& owner, const std::string& column,
                    const std::string& url) {
  exec_sql(server.db_url(), "UPDATE shop_messaging_settings SET " + column + " = '" + url +
                                "' WHERE shop_id = " + std::to_string(owner.shop_id));
}

// The error of a test message without its message id (the rest must not vary with the cause).
nlohmann::json test_message(TestServer& server, const SignedInStaff& owner,
                            const std::string& channel, const std::string& phone, Response& res) {
  res = ApiClient(server.port(), owner.token)
            .post("/api/shop/messaging/test", {{"channel", channel}, {"phone", phone}});
  nlohmann::json error = res.body.is_object() ? res.body["error"] : nlohmann::json();
  if (error.is_object() && error["details"].is_object()) error["details"].erase("message_id");
  return error;
}

const nlohmann::json kUnreachable = {
    {"code", "provider_error"},
    {"message", "the provider could not be reached"},
    {"details", {{"provider_code", "provider_unreachable"}, {"http_status", 0}}}};

TEST_F(ProviderNetworkTest, BaseUrlsMustBeHttpsAndMayNotNameTheOperatorsNetwork) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Network Rule Shop");
  const std::string port = std::to_string(graph.port());
  const std::string https = "must be an https:// URL";
  const auto in = [](const std::string& range) {
    return "may not name an address in the " + range + " range";
  };
  const std::vector<std::pair<std::string, std::string>> refused = {
      {graph.base_url(), https},  // http://127.0.0.1:<port>, where the fake listens
      {"http://graph.facebook.com", https},
      {"https://127.0.0.1:" + port, in("loopback")},
      {"https://127.1:" + port, in("loopback")},
      {"https://2130706433:" + port, in("loopback")},
      {"https://localhost:" + port, in("loopback")},
      {"https://10.20.30.40", in("private")},
      {"https://172.16.0.1", in("private")},
      {"https://192.168.0.10/gateway", in("private")},
      {"https://169.254.169.254/latest/meta-data", in("cloud metadata")},
      {"https://169.254.1.1", in("link-local")},
      {"https://100.64.0.1", in("shared (carrier-grade NAT)")},
      {"https://0.0.0.0:" + port, in("unspecified")},
      {"https://224.0.0.1", in("multicast")},
  };
  for (const auto& [url, reason] : refused) {
    for (const char* field : {"whatsapp_base_url", "sms_base_url"}) {
      Response res = client(owner).put("/api/shop/messaging", {{field, url}});
      expect_error(res, 422, "validation_failed");
      EXPECT_EQ(res.body["error"]["details"]["fields"][field], reason) << field << " " << url;
    }
  }
  Response both = client(owner).put(
      "/api/shop/messaging",
      {{"whatsapp_base_url", "https://10.0.0.1"}, {"sms_base_url", "http://sms.example.com"}});
  expect_error(both, 422, "validation_failed");
  EXPECT_EQ(both.body["error"]["details"]["fields"].size(), 2u) << both.raw;

  Response unchanged = client(owner).get("/api/shop/messaging");
  EXPECT_EQ(unchanged.body["whatsapp_base_url"], "https://graph.facebook.com");
  EXPECT_TRUE(unchanged.body["sms_base_url"].is_null());

  // Public https URLs are saved; a name is looked up when a message goes out.
  Response saved = client(owner).put("/api/shop/messaging",
                                     {{"whatsapp_base_url", "https://graph.facebook.com/"},
                                      {"sms_base_url", "https://control.msg91.com"}});
  ASSERT_EQ(saved.status, 200) << saved.raw;
  EXPECT_EQ(saved.body["sms_base_url"], "https://control.msg91.com");
  EXPECT_EQ(graph.count(), 0u);
}

TEST_F(ProviderNetworkTest, AStoredInternalUrlIsRefusedWhenATestMessageGoesOut) {
  FakeGraphApi graph;
  FakeMsg91 sms;
  SignedInStaff owner = create_shop(server(), "Old Settings Shop");
  nlohmann::json settings = whatsapp_settings(graph);
  settings.update(sms_settings(sms));
  settings["whatsapp_base_url"] = "https://graph.facebook.com";
  settings["sms_base_url"] = "https://control.msg91.com";
  configure(owner, settings);

  const std::string port = std::to_string(graph.port());
  // The fake itself over http, a name that resolves to loopback (checked after the lookup), a
  // private and a metadata address (connecting to them would hang until the timeout instead).
  for (const std::string& url :
       std::vector<std::string>{graph.base_url(), "https://localhost:" + port, "https://10.0.0.1",
                                "https://169.254.169.254"}) {
    store_base_url(server(), owner, "whatsapp_base_url", url);
    Response res;
    EXPECT_EQ(test_message(server(), owner, "whatsapp", "9876543101", res), kUnreachable)
        << url << res.raw;
    EXPECT_EQ(res.status, 502);
  }
  store_base_url(server(), owner, "sms_base_url", sms.base_url());
  Response by_sms;
  EXPECT_EQ(test_message(server(), owner, "sms", "9876543102", by_sms), kUnreachable) << by_sms.raw;
  EXPECT_EQ(graph.count(), 0u);
  EXPECT_EQ(sms.count(), 0u);

  nlohmann::json failed = messages(owner, "&status=failed")["items"];
  ASSERT_EQ(failed.size(), 5u);
  for (const auto& m : failed) {
    EXPECT_EQ(m["error_code"], "provider_unreachable") << m;
    EXPECT_EQ(m["error_message"], "the provider could not be reached") << m;
  }
  const std::string log = server().log();
  EXPECT_NE(log.find("localhost resolves to "), std::string::npos) << log;
  EXPECT_NE(log.find("in the loopback range; not connecting"), std::string::npos) << log;
  EXPECT_NE(log.find("10.0.0.1 is in the private range"), std::string::npos) << log;
  EXPECT_NE(log.find("must be an https:// URL"), std::string::npos) << log;
}

TEST_F(MessagingSettingsTest, AnUnreachableProviderLooksTheSameWhateverTheCause) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Probe Shop");
  configure(owner, whatsapp_settings(graph));
  std::string closed;
  {
    FakeGraphApi gone;
    closed = gone.base_url();
  }
  // Refused connection (allowed host, closed port), no such name, an internal address behind a
  // name, a metadata address: one answer, nothing about which.
  const std::vector<std::string> causes = {closed, "https://no-such-provider.invalid",
                                           "https://localhost:" + std::to_string(graph.port()),
                                           "https://169.254.169.254"};
  for (const std::string& url : causes) {
    store_base_url(server(), owner, "whatsapp_base_url", url);
    Response res;
    EXPECT_EQ(test_message(server(), owner, "whatsapp", "9876543201", res), kUnreachable)
        << url << res.raw;
    EXPECT_EQ(res.status, 502);
    for (const char* clue : {"refused", "onnection", "resolve", "127.0.0.1", "169.254", "loopback",
                             "metadata", "invalid", "timed out"}) {
      EXPECT_EQ(res.raw.find(clue), std::string::npos) << clue << " in " << res.raw;
    }
  }
  for (const auto& m : messages(owner, "&status=failed")["items"]) {
    EXPECT_EQ(m.dump().find("127.0.0.1"), std::string::npos) << m;
    EXPECT_EQ(m["error_code"], "provider_unreachable");
  }
  EXPECT_EQ(graph.count(), 0u);
  // The causes are in the server's log for the operator.
  const std::string log = server().log();
  for (const char* cause : {"no-such-provider.invalid did not resolve", "localhost resolves to ",
                            "in the loopback range; not connecting",
                            "169.254.169.254 is in the cloud metadata range", closed.c_str()}) {
    EXPECT_NE(log.find(cause), std::string::npos) << cause;
  }
}

}  // namespace
}  // namespace rx::test
