// The foundation's API contract, run against the real binary on SQLite and on PostgreSQL.
#include "direct_sql.h"
#include "test_server.h"

#include <gtest/gtest.h>
#include <sodium.h>

namespace rx::test {
namespace {

class FoundationTest : public SharedServerTest {};

TEST_F(FoundationTest, HealthChecksTheDatabase) {
  Response res = ApiClient(server().port()).get("/healthz");
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, nlohmann::json({{"status", "ok"}}));
}

TEST_F(FoundationTest, EveryResponseCarriesSecurityHeaders) {
  Response res = ApiClient(server().port()).get("/healthz");
  EXPECT_NE(res.header("Content-Security-Policy").find("frame-ancestors 'none'"),
            std::string::npos);
  EXPECT_EQ(res.header("X-Content-Type-Options"), "nosniff");
  EXPECT_FALSE(res.header("Referrer-Policy").empty());
}

TEST_F(FoundationTest, ShopCreateCommandPrintsIds) {
  CommandResult result =
      run_rxtrack({"shop", "create", "--db", server().db_url(), "--name", "Cli Shop",
                   "--owner-name", "Cli Owner", "--owner-email", unique_email("cli")},
                  "cli-password-1\n");
  ASSERT_EQ(result.exit_code, 0) << result.out;
  auto json = nlohmann::json::parse(result.out);
  EXPECT_GT(json["shop_id"].get<int>(), 0);
  EXPECT_GT(json["owner_id"].get<int>(), 0);
}

TEST_F(FoundationTest, ShopCreateRefusesAShortPassword) {
  CommandResult result = run_rxtrack({"shop", "create", "--db", server().db_url(), "--name", "X",
                                      "--owner-name", "X", "--owner-email", unique_email("short")},
                                     "short\n");
  EXPECT_NE(result.exit_code, 0);
}

TEST_F(FoundationTest, LoginReturnsTokenStaffAndStrictCookie) {
  SignedInStaff owner = create_shop(server(), "Login Shop");
  Response res =
      ApiClient(server().port())
          .post("/api/auth/login", {{"email", owner.email}, {"password", owner.password}});
  ASSERT_EQ(res.status, 200) << res.raw;
  EXPECT_FALSE(res.body["token"].get<std::string>().empty());
  EXPECT_EQ(res.body["staff"]["role"], "owner");
  EXPECT_EQ(res.body["staff"]["email"], owner.email);
  EXPECT_EQ(res.body["staff"]["shop_id"], owner.shop_id);
  const std::string cookie = res.header("Set-Cookie");
  EXPECT_NE(cookie.find("rxtrack_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
}

TEST_F(FoundationTest, LoginIsCaseInsensitiveOnEmail) {
  SignedInStaff owner = create_shop(server(), "Case Shop");
  std::string upper = owner.email;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  Response res = ApiClient(server().port())
                     .post("/api/auth/login", {{"email", upper}, {"password", owner.password}});
  EXPECT_EQ(res.status, 200) << res.raw;
}

TEST_F(FoundationTest, UnknownEmailAndWrongPasswordLookAlike) {
  SignedInStaff owner = create_shop(server(), "Alike Shop");
  ApiClient anonymous(server().port());
  Response wrong =
      anonymous.post("/api/auth/login", {{"email", owner.email}, {"password", "wrong-pass-1"}});
  Response unknown = anonymous.post(
      "/api/auth/login", {{"email", unique_email("nobody")}, {"password", "wrong-pass-1"}});
  expect_error(wrong, 401, "unauthorized");
  expect_error(unknown, 401, "unauthorized");
  EXPECT_EQ(wrong.body["error"]["message"], unknown.body["error"]["message"]);
}

TEST_F(FoundationTest, ApiNeedsASession) {
  ApiClient anonymous(server().port());
  expect_error(anonymous.get("/api/me"), 401, "unauthorized");
  expect_error(anonymous.get("/api/staff"), 401, "unauthorized");
  expect_error(ApiClient(server().port(), "not-a-token").get("/api/me"), 401, "unauthorized");
}

TEST_F(FoundationTest, MeAnswersWithBearerAndWithCookie) {
  SignedInStaff owner = create_shop(server(), "Me Shop");
  Response bearer = ApiClient(server().port(), owner.token).get("/api/me");
  ASSERT_EQ(bearer.status, 200);
  EXPECT_EQ(bearer.body["id"], owner.id);
  EXPECT_EQ(bearer.body["shop_id"], owner.shop_id);
  EXPECT_EQ(bearer.body["role"], "owner");
  Response cookie =
      ApiClient(server().port()).get("/api/me", {{"Cookie", "rxtrack_session=" + owner.token}});
  EXPECT_EQ(cookie.status, 200);
  EXPECT_EQ(cookie.body["id"], owner.id);
}

TEST_F(FoundationTest, CookieWritesNeedTheCsrfHeader) {
  SignedInStaff owner = create_shop(server(), "Csrf Shop");
  ApiClient anonymous(server().port());
  const httplib::Headers cookie = {{"Cookie", "rxtrack_session=" + owner.token}};
  expect_error(anonymous.put("/api/shop", {{"refill_lead_days", 6}}, cookie), 403, "csrf_rejected");
  httplib::Headers with_header = cookie;
  with_header.emplace("X-Requested-With", "rxtrack");
  Response ok = anonymous.put("/api/shop", {{"refill_lead_days", 6}}, with_header);
  EXPECT_EQ(ok.status, 200) << ok.raw;
  EXPECT_EQ(ok.body["refill_lead_days"], 6);
  // A bearer token is not sent by browsers on their own, so it needs no CSRF header.
  EXPECT_EQ(
      ApiClient(server().port(), owner.token).put("/api/shop", {{"refill_lead_days", 5}}).status,
      200);
}

TEST_F(FoundationTest, LogoutRevokesTheSession) {
  SignedInStaff owner = create_shop(server(), "Logout Shop");
  ApiClient client(server().port(), owner.token);
  Response out = client.post("/api/auth/logout", nlohmann::json::object());
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  expect_error(client.get("/api/me"), 401, "unauthorized");
}

TEST_F(FoundationTest, OwnerManagesStaff) {
  SignedInStaff owner = create_shop(server(), "Staff Shop");
  ApiClient client(server().port(), owner.token);
  const std::string email = unique_email("Priya");
  Response created = client.post("/api/staff", {{"name", "Priya"},
                                                {"email", email},
                                                {"password", "priya-password"},
                                                {"role", "staff"},
                                                {"phone", "+919876543210"}});
  ASSERT_EQ(created.status, 201) << created.raw;
  const auto id = created.body["id"].get<std::int64_t>();
  EXPECT_EQ(created.body["email"], [&] {
    std::string lower = email;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower;
  }());
  EXPECT_EQ(created.body["role"], "staff");
  EXPECT_EQ(created.body["active"], true);
  EXPECT_EQ(created.body["shop_id"], owner.shop_id);
  EXPECT_FALSE(created.body.contains("password_hash"));

  Response list = client.get("/api/staff");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body["total"], 2);
  EXPECT_EQ(list.body["items"].size(), 2u);

  Response one = client.get("/api/staff/" + std::to_string(id));
  EXPECT_EQ(one.status, 200);
  EXPECT_EQ(one.body["name"], "Priya");

  Response updated = client.put("/api/staff/" + std::to_string(id),
                                {{"name", "Priya S"}, {"role", "manager"}, {"phone", nullptr}});
  ASSERT_EQ(updated.status, 200) << updated.raw;
  EXPECT_EQ(updated.body["name"], "Priya S");
  EXPECT_EQ(updated.body["role"], "manager");
  EXPECT_TRUE(updated.body["phone"].is_null());

  Response page = client.get("/api/staff?limit=1&offset=1");
  EXPECT_EQ(page.body["items"].size(), 1u);
  EXPECT_EQ(page.body["total"], 2);
}

TEST_F(FoundationTest, DuplicateEmailIsAConflictOnEveryEngine) {
  SignedInStaff owner = create_shop(server(), "Dup Shop");
  SignedInStaff other_owner = create_shop(server(), "Dup Shop 2");
  ApiClient client(server().port(), other_owner.token);
  Response res = client.post("/api/staff", {{"name", "Again"},
                                            {"email", owner.email},
                                            {"password", "again-password"},
                                            {"role", "staff"}});
  expect_error(res, 409, "conflict");
}

TEST_F(FoundationTest, ValidationNamesEveryBadField) {
  SignedInStaff owner = create_shop(server(), "Valid Shop");
  Response res =
      ApiClient(server().port(), owner.token)
          .post("/api/staff", {{"email", "not-an-email"}, {"password", "short"}, {"role", "boss"}});
  expect_error(res, 422, "validation_failed");
  const auto& fields = res.body["error"]["details"]["fields"];
  EXPECT_TRUE(fields.contains("name"));
  EXPECT_TRUE(fields.contains("email"));
  EXPECT_TRUE(fields.contains("password"));
  EXPECT_TRUE(fields.contains("role"));
}

TEST_F(FoundationTest, RolesLimitStaffManagement) {
  SignedInStaff owner = create_shop(server(), "Roles Shop");
  SignedInStaff manager = add_staff(server(), owner, "manager");
  SignedInStaff worker = add_staff(server(), owner, "staff");
  ApiClient as_manager(server().port(), manager.token);
  ApiClient as_worker(server().port(), worker.token);
  const nlohmann::json new_owner = {{"name", "O2"},
                                    {"email", unique_email("o2")},
                                    {"password", "owner2-password"},
                                    {"role", "owner"}};
  expect_error(as_manager.post("/api/staff", new_owner), 403, "forbidden");
  EXPECT_EQ(as_manager
                .post("/api/staff", {{"name", "S2"},
                                     {"email", unique_email("s2")},
                                     {"password", "staff2-password"},
                                     {"role", "staff"}})
                .status,
            201);
  expect_error(as_manager.put("/api/staff/" + std::to_string(worker.id), {{"role", "owner"}}), 403,
               "forbidden");
  expect_error(as_manager.put("/api/staff/" + std::to_string(owner.id), {{"name", "Demoted"}}), 403,
               "forbidden");
  Response phone =
      as_manager.put("/api/staff/" + std::to_string(worker.id), {{"phone", "098765 43210"}});
  EXPECT_EQ(phone.status, 200) << phone.raw;
  EXPECT_EQ(phone.body["phone"], "+919876543210");
  expect_error(as_manager.put("/api/staff/" + std::to_string(worker.id), {{"phone", "abc"}}), 422,
               "validation_failed");

  expect_error(as_worker.get("/api/staff"), 403, "forbidden");
  expect_error(as_worker.get("/api/staff/" + std::to_string(worker.id)), 403, "forbidden");
  expect_error(as_worker.post("/api/staff", new_owner), 403, "forbidden");
  expect_error(as_worker.put("/api/staff/" + std::to_string(worker.id), {{"name", "x"}}), 403,
               "forbidden");
  expect_error(as_worker.put("/api/shop", {{"name", "x"}}), 403, "forbidden");
  expect_error(as_manager.put("/api/shop", {{"name", "x"}}), 403, "forbidden");
  EXPECT_EQ(as_worker.get("/api/me").body["role"], "staff");
}

TEST_F(FoundationTest, DeactivationRevokesSessionsAndSignIn) {
  SignedInStaff owner = create_shop(server(), "Deactivate Shop");
  SignedInStaff worker = add_staff(server(), owner, "staff");
  ApiClient as_owner(server().port(), owner.token);
  ApiClient as_worker(server().port(), worker.token);
  ASSERT_EQ(as_worker.get("/api/me").status, 200);
  Response off = as_owner.put("/api/staff/" + std::to_string(worker.id), {{"active", false}});
  ASSERT_EQ(off.status, 200) << off.raw;
  EXPECT_EQ(off.body["active"], false);
  expect_error(as_worker.get("/api/me"), 401, "unauthorized");
  expect_error(
      ApiClient(server().port())
          .post("/api/auth/login", {{"email", worker.email}, {"password", worker.password}}),
      401, "unauthorized");
  ASSERT_EQ(as_owner.put("/api/staff/" + std::to_string(worker.id), {{"active", true}}).status,
            200);
  EXPECT_NO_THROW(sign_in(server(), worker.email, worker.password));
}

TEST_F(FoundationTest, TheLastOwnerCannotBeRemoved) {
  SignedInStaff owner = create_shop(server(), "Last Owner Shop");
  ApiClient client(server().port(), owner.token);
  expect_error(client.put("/api/staff/" + std::to_string(owner.id), {{"active", false}}), 409,
               "conflict");
  expect_error(client.put("/api/staff/" + std::to_string(owner.id), {{"role", "manager"}}), 409,
               "conflict");
}

TEST_F(FoundationTest, EveryoneChangesTheirOwnPassword) {
  SignedInStaff owner = create_shop(server(), "Password Shop");
  SignedInStaff worker = add_staff(server(), owner, "staff");
  ApiClient client(server().port(), worker.token);
  SignedInStaff other_device = sign_in(server(), worker.email, worker.password);
  Response wrong = client.put(
      "/api/me/password", {{"current_password", "nope-nope"}, {"new_password", "brand-new-pass"}});
  expect_error(wrong, 422, "validation_failed");
  EXPECT_TRUE(wrong.body["error"]["details"]["fields"].contains("current_password"));
  Response ok = client.put("/api/me/password", {{"current_password", worker.password},
                                                {"new_password", "brand-new-pass"}});
  EXPECT_EQ(ok.status, 204) << ok.raw;
  EXPECT_NO_THROW(sign_in(server(), worker.email, "brand-new-pass"));
  EXPECT_THROW(sign_in(server(), worker.email, worker.password), std::runtime_error);
  EXPECT_EQ(client.get("/api/me").status, 200) << "the session that changed it stays";
  EXPECT_EQ(ApiClient(server().port(), other_device.token).get("/api/me").status, 401)
      << "others end";
}

TEST_F(FoundationTest, ShopSettingsHaveDefaultsAndValidation) {
  SignedInStaff owner = create_shop(server(), "Settings Shop");
  ApiClient client(server().port(), owner.token);
  Response shop = client.get("/api/shop");
  ASSERT_EQ(shop.status, 200);
  EXPECT_EQ(shop.body["id"], owner.shop_id);
  EXPECT_EQ(shop.body["phone_region"], "IN");
  EXPECT_EQ(shop.body["time_zone"], "Asia/Kolkata");
  EXPECT_EQ(shop.body["refill_lead_days"], 5);

  Response bad =
      client.put("/api/shop",
                 {{"time_zone", "Mars/Olympus"}, {"phone_region", "XX"}, {"refill_lead_days", 99}});
  expect_error(bad, 422, "validation_failed");
  for (const char* field : {"time_zone", "phone_region", "refill_lead_days"}) {
    EXPECT_TRUE(bad.body["error"]["details"]["fields"].contains(field)) << field;
  }
  Response changed = client.put("/api/shop", {{"name", "Renamed"},
                                              {"time_zone", "Asia/Dubai"},
                                              {"phone_region", "ae"},
                                              {"refill_lead_days", 3}});
  ASSERT_EQ(changed.status, 200) << changed.raw;
  EXPECT_EQ(changed.body["phone_region"], "AE");
  EXPECT_EQ(client.get("/api/shop").body["time_zone"], "Asia/Dubai");
  EXPECT_EQ(client.get("/api/shop").body["name"], "Renamed");
}

TEST_F(FoundationTest, MalformedJsonIs400) {
  SignedInStaff owner = create_shop(server(), "Json Shop");
  Response res = ApiClient(server().port(), owner.token)
                     .post_raw("/api/staff", "{\"name\": ", "application/json");
  expect_error(res, 400, "bad_request");
}

TEST_F(FoundationTest, UnknownApiRouteIs404Json) {
  SignedInStaff owner = create_shop(server(), "Route Shop");
  expect_error(ApiClient(server().port(), owner.token).get("/api/no-such-thing"), 404, "not_found");
  expect_error(ApiClient(server().port(), owner.token).post("/api/no-such-thing", {{"a", 1}}), 404,
               "not_found");
}

TEST_F(FoundationTest, OversizedBodiesAre413) {
  SignedInStaff owner = create_shop(server(), "Big Shop");
  ApiClient client(server().port(), owner.token);
  const std::string big_json = "{\"name\":\"" + std::string(2 * 1024 * 1024, 'a') + "\"}";
  expect_error(client.post_raw("/api/staff", big_json, "application/json"), 413,
               "payload_too_large");
  const std::string huge(22 * 1024 * 1024, 'x');
  Response res = client.post_raw("/api/staff", huge, "application/octet-stream");
  EXPECT_EQ(res.status, 413);
}

TEST_F(FoundationTest, AnotherShopsIdsAre404LikeMissingOnes) {
  SignedInStaff shop_a = create_shop(server(), "Tenant A");
  SignedInStaff worker_a = add_staff(server(), shop_a, "staff");
  SignedInStaff shop_b = create_shop(server(), "Tenant B");
  ApiClient as_b(server().port(), shop_b.token);
  const std::string theirs = "/api/staff/" + std::to_string(worker_a.id);
  Response get = as_b.get(theirs);
  Response missing = as_b.get("/api/staff/999999999");
  expect_error(get, 404, "not_found");
  expect_error(missing, 404, "not_found");
  EXPECT_EQ(get.body, missing.body);
  expect_error(as_b.put(theirs, {{"name", "Stolen"}}), 404, "not_found");
  expect_error(as_b.put(theirs, {{"active", false}}), 404, "not_found");
  // Shop A's member is untouched and shop B's list does not show them.
  EXPECT_EQ(ApiClient(server().port(), shop_a.token).get(theirs).body["name"], "Test staff");
  for (const auto& item : as_b.get("/api/staff").body["items"])
    EXPECT_EQ(item["shop_id"], shop_b.shop_id);
  EXPECT_EQ(ApiClient(server().port(), worker_a.token).get("/api/me").body["shop_id"],
            shop_a.shop_id);
}

// These need a server of their own: an empty database, or special limits.
TEST(FirstRunTest, SetupWorksOnceThenSignsTheOwnerIn) {
  TestServer server;
  ApiClient anonymous(server.port());
  EXPECT_EQ(anonymous.get("/api/setup").body["needed"], true);
  expect_error(anonymous.post("/api/setup", {{"shop_name", ""}}), 422, "validation_failed");
  const std::string email = unique_email("first");
  Response res = anonymous.post("/api/setup", {{"shop_name", "First Pharmacy"},
                                               {"owner_name", "First Owner"},
                                               {"email", email},
                                               {"password", "first-password"}});
  ASSERT_EQ(res.status, 201) << res.raw;
  EXPECT_EQ(res.body["staff"]["role"], "owner");
  EXPECT_EQ(anonymous.get("/api/me", {{"Cookie", session_cookie_of(res)}}).status, 200);
  EXPECT_EQ(anonymous.get("/api/setup").body["needed"], false);
  expect_error(anonymous.post("/api/setup", {{"shop_name", "Second"},
                                             {"owner_name", "Second"},
                                             {"email", unique_email("second")},
                                             {"password", "second-password"}}),
               409, "conflict");
  EXPECT_EQ(server.stop(), 0) << "graceful shutdown exits 0";
}

TEST(RateLimitTest, RepeatedFailuresGet429WithRetryAfter) {
  TestServer server({"--login-max-failures", "3"});
  SignedInStaff owner = create_shop(server, "Throttle Shop");
  ApiClient anonymous(server.port());
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(
        anonymous.post("/api/auth/login", {{"email", owner.email}, {"password", "bad-password"}})
            .status,
        401);
  }
  Response limited =
      anonymous.post("/api/auth/login", {{"email", owner.email}, {"password", owner.password}});
  expect_error(limited, 429, "rate_limited");
  const int retry_after = std::stoi(limited.header("Retry-After"));
  EXPECT_GT(retry_after, 0);
  EXPECT_LE(retry_after, 15 * 60);
  // Another email from the same address is still allowed until the per-address limit.
  SignedInStaff other = create_shop(server, "Other Throttle Shop");
  EXPECT_EQ(
      anonymous.post("/api/auth/login", {{"email", other.email}, {"password", other.password}})
          .status,
      200);
}

// rxtrack hashed passwords with libsodium's 64 MiB cost before it used OWASP's 19 MiB: such a
// hash still signs in, and is replaced by one of the current cost at that moment.
TEST(PasswordUpgradeTest, AnOlderCostHashSignsInAndIsReplaced) {
  TestServer server;
  SignedInStaff owner = create_shop(server, "Upgrade Shop");
  ASSERT_GE(sodium_init(), 0);
  char old_hash[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str_alg(old_hash, owner.password.data(), owner.password.size(),
                                  crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                  crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13),
            0);
  const std::string where = " WHERE id = " + std::to_string(owner.id);
  exec_sql(server.db_url(),
           "UPDATE staff SET password_hash = '" + std::string(old_hash) + "'" + where);

  ApiClient anonymous(server.port());
  ASSERT_EQ(
      anonymous.post("/api/auth/login", {{"email", owner.email}, {"password", owner.password}})
          .status,
      200);
  // Marks the row only if its hash now carries the current cost, then reads the mark back.
  exec_sql(server.db_url(), "UPDATE staff SET name = 'Upgraded'" + where +
                                " AND password_hash LIKE '$argon2id$v=19$m=19456,t=2,p=1$%'");
  ApiClient api(server.port(), owner.token);
  EXPECT_EQ(api.get("/api/me").body["name"], "Upgraded");
  EXPECT_EQ(
      anonymous.post("/api/auth/login", {{"email", owner.email}, {"password", owner.password}})
          .status,
      200);
  EXPECT_EQ(
      anonymous.post("/api/auth/login", {{"email", owner.email}, {"password", "wrong-password"}})
          .status,
      401);
}

}  // namespace
}  // namespace rx::test

namespace rx::test {
namespace {

TEST(DemoTest, FillsEveryAreaAndPrintsWorkingSignIns) {
  TestServer server;
  CommandResult demo = run_rxtrack({"demo", "--db", server.db_url()});
  ASSERT_EQ(demo.exit_code, 0) << demo.out;
  const std::size_t at = demo.out.find("owner    ");
  ASSERT_NE(at, std::string::npos) << demo.out;
  const std::string email = demo.out.substr(at + 9, demo.out.find('\n', at) - at - 9);
  SignedInStaff owner = sign_in(server, email, "demo-password");
  ApiClient api(server.port(), owner.token);
  EXPECT_EQ(api.get("/api/staff").body["total"], 5);
  EXPECT_GT(api.get("/api/customer-tracking/contacts?status=converted").body["total"].get<int>(),
            0);
  EXPECT_GT(api.get("/api/customer-tracking/contacts?status=yellow").body["total"].get<int>(), 0);
  EXPECT_GT(api.get("/api/customer-tracking/contacts?status=pending").body["total"].get<int>(), 0);
  EXPECT_GT(api.get("/api/customer-tracking/customers").body["total"].get<int>(), 40);
  EXPECT_GT(api.get("/api/bills").body["total"].get<int>(), 100);
  EXPECT_GT(api.get("/api/customer-tracking/refill-reminders").body["total"].get<int>(), 0);
  EXPECT_GT(api.get("/api/customer-tracking/reminders?staff_id=all").body["total"].get<int>(), 0);
  EXPECT_GT(api.get("/api/customer-tracking/uploads").body["total"].get<int>(), 0);
  // The history has the demo's true structure: evenings pick up more than mornings.
  Response times = api.get("/api/customer-tracking/insights/contact-times");
  ASSERT_EQ(times.status, 200) << times.raw;
  ASSERT_FALSE(times.body["best"].empty()) << times.raw;
  EXPECT_GE(times.body["best"][0]["start_hour"].get<int>(), 16) << times.body["best"];
  long long evening[2] = {0, 0}, morning[2] = {0, 0};
  for (const auto& cell : times.body["cells"]) {
    long long* sum = cell["hour"].get<int>() >= 17  ? evening
                     : cell["hour"].get<int>() < 13 ? morning
                                                    : nullptr;
    if (!sum) continue;
    sum[0] += cell["attempts"].get<long long>();
    sum[1] += cell["reached"].get<long long>();
  }
  ASSERT_GT(evening[0], 50);
  ASSERT_GT(morning[0], 50);
  EXPECT_GT(static_cast<double>(evening[1]) / evening[0],
            static_cast<double>(morning[1]) / morning[0] + 0.15);
}

}  // namespace
}  // namespace rx::test
