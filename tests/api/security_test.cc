// Security: every route against every role, in its own shop and with another shop's ids;
// the sign-in, setup and password-change throttles under parallel attempts, idle sessions and
// the password rules; hostile text in every list filter and search; path traversal into the
// web folder; the security headers on API and static responses; the body types routes take (no
// cross-site form sign-in), compressed bodies, caching, the session cookie behind a TLS proxy,
// and what the log holds of paths and database errors.
#include "api_paths.h"
#include "direct_sql.h"
#include "raw_http.h"
#include "test_server.h"

#include <gtest/gtest.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

namespace rx::test {
namespace {

enum class Role { kAnonymous, kStaff, kManager, kOwner };
enum class Need { kPublic, kSignedIn, kManagerOrOwner, kOwner };
// The kind of id a route's {id} stands for.
enum class Id {
  kNone,
  kStaff,
  kCustomer,
  kPhone,
  kBill,
  kContact,
  kUpload,
  kFollowUp,
  kRefill,
  kUnknownWebhookKey,  // a key no shop has: the public webhook answers 404 for it
  kMessage,            // an outbox id no shop has: both shops answer 404
  kPickup              // a pickup id no shop has (replies_that_act_test checks real ones)
};

struct Rule {
  std::string route;  // as `rxtrack serve --print-routes` prints it
  Need need;
  Id id = Id::kNone;
  nlohmann::json body = nullptr;  // for POST and PUT: enough to reach the id lookup
  bool fresh_session = false;     // the call ends the session it is made with
};

// The expected access of every route. A route the server registers that is missing here fails
// the matrix test: new routes must be classified.
const std::vector<Rule>& access_table() {
  static const std::vector<Rule> rules = {
      {"GET /healthz", Need::kPublic},
      {"POST /api/auth/login", Need::kPublic, Id::kNone, nlohmann::json::object()},
      {"GET /api/setup", Need::kPublic},
      {"POST /api/setup", Need::kPublic, Id::kNone, nlohmann::json::object()},
      {"POST /api/auth/logout", Need::kSignedIn, Id::kNone, nlohmann::json::object(), true},
      {"GET /api/me", Need::kSignedIn},
      {"PUT /api/me/password",
       Need::kSignedIn,
       Id::kNone,
       {{"current_password", "not-the-password"}, {"new_password", "another-password-1"}}},
      {"GET /api/shop", Need::kSignedIn},
      {"PUT /api/shop", Need::kOwner, Id::kNone, {{"refill_lead_days", 5}}},
      {"GET /api/staff", Need::kManagerOrOwner},
      {"POST /api/staff", Need::kManagerOrOwner, Id::kNone, nlohmann::json::object()},
      {"GET /api/staff/{id}", Need::kManagerOrOwner, Id::kStaff},
      {"PUT /api/staff/{id}", Need::kManagerOrOwner, Id::kStaff, {{"name", "Test staff"}}},
      {"POST /api/customer-tracking/contacts/upload", Need::kManagerOrOwner, Id::kNone,
       nlohmann::json::object()},
      {"GET /api/customer-tracking/uploads", Need::kManagerOrOwner},
      {"GET /api/customer-tracking/uploads/{id}", Need::kManagerOrOwner, Id::kUpload},
      {"GET /api/customer-tracking/uploads/{id}/errors.csv", Need::kManagerOrOwner, Id::kUpload},
      {"GET /api/customer-tracking/contacts", Need::kSignedIn},
      {"POST /api/customer-tracking/contacts/assign", Need::kManagerOrOwner, Id::kNone,
       nlohmann::json::object()},
      {"GET /api/customer-tracking/contacts/{id}", Need::kSignedIn, Id::kContact},
      {"PUT /api/customer-tracking/contacts/{id}",
       Need::kSignedIn,
       Id::kContact,
       {{"notes", "matrix"}}},
      {"POST /api/customer-tracking/contacts/{id}/interactions",
       Need::kSignedIn,
       Id::kContact,
       {{"kind", "call"}, {"outcome", "answered"}}},
      {"GET /api/customer-tracking/contacts/{id}/interactions", Need::kSignedIn, Id::kContact},
      {"POST /api/customer-tracking/contacts/{id}/reminders",
       Need::kSignedIn,
       Id::kContact,
       {{"due_at", "2099-01-01T10:00"}}},
      {"POST /api/customer-tracking/contacts/{id}/mark-yellow", Need::kSignedIn, Id::kContact,
       nlohmann::json::object()},
      {"GET /api/customer-tracking/reminders", Need::kSignedIn},
      {"POST /api/customer-tracking/reminders/{id}/done", Need::kSignedIn, Id::kFollowUp,
       nlohmann::json::object()},
      {"POST /api/customer-tracking/customers", Need::kSignedIn, Id::kNone,
       nlohmann::json::object()},
      {"GET /api/customer-tracking/customers", Need::kSignedIn},
      {"GET /api/customer-tracking/customers/phone/{id}", Need::kSignedIn, Id::kPhone},
      {"GET /api/customer-tracking/counter/{id}", Need::kSignedIn, Id::kPhone},
      {"GET /api/customer-tracking/customers/{id}", Need::kSignedIn, Id::kCustomer},
      {"PUT /api/customer-tracking/customers/{id}",
       Need::kSignedIn,
       Id::kCustomer,
       {{"notes", "matrix"}}},
      {"POST /api/bills", Need::kSignedIn, Id::kNone, nlohmann::json::object()},
      {"GET /api/bills", Need::kSignedIn},
      {"GET /api/bills/{id}", Need::kSignedIn, Id::kBill},
      {"GET /api/customer-tracking/refill-reminders", Need::kSignedIn},
      {"POST /api/customer-tracking/refill-reminders/{id}/mark-sent",
       Need::kSignedIn,
       Id::kRefill,
       {{"channel", "call"}}},
      {"POST /api/customer-tracking/refill-reminders/{id}/response",
       Need::kSignedIn,
       Id::kRefill,
       {{"response", "will_visit"}}},
      {"POST /api/customer-tracking/refill-reminders/{id}/cancel", Need::kSignedIn, Id::kRefill,
       nlohmann::json::object()},
      {"GET /api/customer-tracking/insights/contact-times", Need::kSignedIn},
      {"GET /api/customer-tracking/insights/models", Need::kManagerOrOwner},
      {"GET /api/customer-tracking/reports/conversion", Need::kManagerOrOwner},
      {"GET /api/customer-tracking/reports/refills", Need::kManagerOrOwner},
      {"GET /api/customer-tracking/reports/adherence", Need::kManagerOrOwner},
      {"GET /api/customer-tracking/reports/customers", Need::kManagerOrOwner},
      {"GET /api/customer-tracking/reports/timeseries", Need::kManagerOrOwner},
      {"GET /api/shop/messaging", Need::kManagerOrOwner},
      {"PUT /api/shop/messaging", Need::kOwner, Id::kNone, {{"send_window_start", "09:00"}}},
      {"POST /api/shop/webhook-keys/rotate", Need::kOwner, Id::kNone, {{"channel", "sms"}}},
      {"GET /api/messages", Need::kManagerOrOwner},
      {"GET /api/messages/daily", Need::kManagerOrOwner},
      {"POST /api/messages/{id}/retry", Need::kManagerOrOwner, Id::kMessage,
       nlohmann::json::object()},
      {"POST /api/shop/messaging/test", Need::kOwner, Id::kNone, nlohmann::json::object()},
      {"POST /api/messages/approve", Need::kManagerOrOwner, Id::kNone, {{"all", true}}},
      {"POST /api/customer-tracking/customers/{id}/consent",
       Need::kSignedIn,
       Id::kCustomer,
       {{"channel", "sms"}, {"granted", true}, {"method", "counter"}}},
      {"POST /api/customer-tracking/customers/{id}/opt-out", Need::kSignedIn, Id::kCustomer,
       nlohmann::json::object()},
      {"GET /api/webhooks/whatsapp/{id}", Need::kPublic, Id::kUnknownWebhookKey},
      {"POST /api/webhooks/whatsapp/{id}", Need::kPublic, Id::kUnknownWebhookKey,
       nlohmann::json::object()},
      {"GET /api/webhooks/sms/{id}", Need::kPublic, Id::kUnknownWebhookKey},
      {"POST /api/webhooks/sms/{id}", Need::kPublic, Id::kUnknownWebhookKey,
       nlohmann::json::object()},
      {"GET /api/audit", Need::kOwner},
      {"GET /api/customer-tracking/customers/{id}/export", Need::kOwner, Id::kCustomer},
      {"POST /api/customer-tracking/customers/{id}/erase", Need::kOwner, Id::kCustomer,
       nlohmann::json::object()},
      // Calls that stop: only an owner allows calls and messages again.
      {"DELETE /api/customer-tracking/contacts/{id}/do-not-contact", Need::kOwner, Id::kContact},
      {"DELETE /api/customer-tracking/customers/{id}/do-not-contact", Need::kOwner, Id::kCustomer},
      // Replies that act: the counter's Keep ready list.
      {"GET /api/customer-tracking/pickups", Need::kSignedIn},
      {"POST /api/customer-tracking/pickups/{id}/ready", Need::kSignedIn, Id::kPickup,
       nlohmann::json::object()},
      {"POST /api/customer-tracking/pickups/{id}/cancel", Need::kSignedIn, Id::kPickup,
       nlohmann::json::object()},
  };
  return rules;
}

bool allows(Need need, Role role) {
  switch (need) {
    case Need::kPublic:
      return true;
    case Need::kSignedIn:
      return role != Role::kAnonymous;
    case Need::kManagerOrOwner:
      return role == Role::kManager || role == Role::kOwner;
    case Need::kOwner:
      return role == Role::kOwner;
  }
  return false;
}

const char* role_name(Role role) {
  switch (role) {
    case Role::kAnonymous:
      return "anonymous";
    case Role::kStaff:
      return "staff";
    case Role::kManager:
      return "manager";
    case Role::kOwner:
      return "owner";
  }
  return "?";
}

// One shop with a member of each role and one of everything a route can name by id.
struct ShopFixture {
  SignedInStaff owner, manager, worker;
  std::map<Id, std::string> ids;
};

ShopFixture make_shop(TestServer& server, const std::string& name, const std::string& digits) {
  ShopFixture f;
  f.owner = create_shop(server, name);
  f.manager = add_staff(server, f.owner, "manager");
  f.worker = add_staff(server, f.owner, "staff");
  ApiClient owner(server.port(), f.owner.token);
  const std::string base = "/api/customer-tracking";
  Response upload = owner.upload(base + "/contacts/upload", "file", "m.csv",
                                 "Name,Phone\nContact " + name + "," + digits + "1\nbad,12\n");
  EXPECT_EQ(upload.status, 201) << upload.raw;
  f.ids[Id::kUpload] = upload.body["id"].dump();
  f.ids[Id::kContact] = owner.get(base + "/contacts").body["items"][0]["id"].dump();
  Response follow_up = owner.post(base + "/contacts/" + f.ids[Id::kContact] + "/reminders",
                                  {{"due_at", "2099-01-01T10:00"}});
  EXPECT_EQ(follow_up.status, 201) << follow_up.raw;
  f.ids[Id::kFollowUp] = follow_up.body["id"].dump();
  Response bill = owner.post("/api/bills",
                             {{"customer", {{"phone", digits + "2"}, {"name", "Customer " + name}}},
                              {"customer_category", "regular_branded"},
                              {"was_contacted_before", false},
                              {"items",
                               {{{"medicine", "Metformin"},
                                 {"quantity", 1},
                                 {"unit_price_paise", 100},
                                 {"duration_days", 30}}}}});
  EXPECT_EQ(bill.status, 201) << bill.raw;
  f.ids[Id::kBill] = bill.body["bill"]["id"].dump();
  f.ids[Id::kCustomer] = bill.body["customer"]["id"].dump();
  f.ids[Id::kRefill] = bill.body["reminders"][0]["id"].dump();
  f.ids[Id::kPhone] = digits + "2";
  f.ids[Id::kStaff] = std::to_string(f.worker.id);
  f.ids[Id::kUnknownWebhookKey] = "no-such-webhook-key";
  f.ids[Id::kMessage] = "999999999";
  f.ids[Id::kPickup] = "999999999";
  return f;
}

Response send(ApiClient& client, const std::string& method, const std::string& path,
              const nlohmann::json& body) {
  const nlohmann::json payload = body.is_null() ? nlohmann::json::object() : body;
  if (method == "GET") return client.get(path);
  if (method == "POST") return client.post(path, payload);
  if (method == "PUT") return client.put(path, payload);
  return client.del(path);
}

std::vector<std::string> printed_routes() {
  CommandResult routes = run_rxtrack({"serve", "--db", fresh_database_url(), "--print-routes"});
  EXPECT_EQ(routes.exit_code, 0) << routes.err;
  std::vector<std::string> out;
  std::istringstream lines(routes.out);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

TEST(SecurityMatrixTest, EveryRouteIsClassified) {
  std::set<std::string> classified;
  for (const Rule& rule : access_table()) classified.insert(rule.route);
  std::set<std::string> printed;
  for (const std::string& route : printed_routes()) {
    printed.insert(route);
    EXPECT_TRUE(classified.count(route))
        << route << " is not in the access table of tests/api/security_test.cc: classify it";
  }
  for (const std::string& route : classified) {
    EXPECT_TRUE(printed.count(route)) << route << " is classified but no longer registered";
  }
  EXPECT_GT(printed.size(), 40u);
}

TEST(SecurityMatrixTest, EveryRouteAnswersEachRoleAsClassified) {
  TestServer server;
  ShopFixture a = make_shop(server, "Matrix A", "987659010");
  ShopFixture b = make_shop(server, "Matrix B", "987659020");
  const std::map<Role, const SignedInStaff*> members = {
      {Role::kStaff, &a.worker}, {Role::kManager, &a.manager}, {Role::kOwner, &a.owner}};
  int checked = 0;
  for (const Rule& rule : access_table()) {
    const std::string method = rule.route.substr(0, rule.route.find(' '));
    const std::string pattern = rule.route.substr(rule.route.find(' ') + 1);
    auto path_with = [&](const ShopFixture& shop) {
      std::string path = pattern;
      const std::size_t at = path.find("{id}");
      if (at != std::string::npos) path.replace(at, 4, shop.ids.at(rule.id));
      return path;
    };
    for (Role role : {Role::kAnonymous, Role::kStaff, Role::kManager, Role::kOwner}) {
      std::string token;
      if (role != Role::kAnonymous) {
        const SignedInStaff& member = *members.at(role);
        token = rule.fresh_session ? sign_in(server, member.email, member.password).token
                                   : member.token;
      }
      ApiClient client(server.port(), token);
      const std::string where = std::string(role_name(role)) + " " + rule.route;
      Response own = send(client, method, path_with(a), rule.body);
      ++checked;
      EXPECT_GT(own.status, 0) << where << ": no answer";
      EXPECT_LT(own.status, 500) << where << ": " << own.raw;
      if (role == Role::kAnonymous) {
        if (rule.need == Need::kPublic) {
          EXPECT_NE(own.status, 401) << where;
        } else {
          EXPECT_EQ(own.status, 401) << where << ": " << own.raw;
        }
      } else if (!allows(rule.need, role)) {
        EXPECT_EQ(own.status, 403) << where << ": " << own.raw;
      } else {
        EXPECT_NE(own.status, 401) << where << ": " << own.raw;
        EXPECT_NE(own.status, 403) << where << ": " << own.raw;
      }
      if (rule.id == Id::kNone || role == Role::kAnonymous || !allows(rule.need, role)) continue;
      Response other = send(client, method, path_with(b), rule.body);
      EXPECT_EQ(other.status, 404) << where << " with shop B's id: " << other.raw;
    }
  }
  EXPECT_GT(checked, 150);
  // Shop B saw nothing of it: its customer and bill are as they were.
  ApiClient as_b(server.port(), b.owner.token);
  Response customer = as_b.get("/api/customer-tracking/customers/" + b.ids[Id::kCustomer]);
  EXPECT_EQ(customer.body["erased"], false);
  EXPECT_TRUE(customer.body["notes"].is_null());
}

// --- sign-in, setup, sessions and passwords ---------------------------------------------------

std::int64_t wall_clock_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// Sends `count` POSTs at once (one thread and connection each), `body(i)` the i-th body, spread
// over `ports` in turn; answers how many got each status.
std::map<int, int> post_in_parallel(const std::vector<int>& ports, const std::string& path,
                                    int count, const std::function<nlohmann::json(int)>& body,
                                    const std::string& token = "") {
  std::vector<int> statuses(count, 0);
  std::vector<std::thread> threads;
  for (int i = 0; i < count; ++i) {
    threads.emplace_back([&, i] {
      ApiClient client(ports[i % ports.size()], token);
      statuses[i] = path == "/api/me/password" ? client.put(path, body(i)).status
                                               : client.post(path, body(i)).status;
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::map<int, int> by_status;
  for (int status : statuses) ++by_status[status];
  return by_status;
}

// Moves every recorded attempt 16 minutes into the past: the 15-minute window is over.
void end_throttle_window(const TestServer& server) {
  exec_sql(server.db_url(), "UPDATE login_attempts SET at = at - 960000");
}

TEST(SecuritySignInTest, ParallelWrongPasswordsForOneEmailGetNoMoreThanTheLimit) {
  TestServer server;  // the default limit: 5 failures per email in 15 minutes
  const SignedInStaff owner = create_shop(server, "Parallel Throttle");
  const std::map<int, int> answers =
      post_in_parallel({server.port()}, "/api/auth/login", 50, [&](int i) {
        return nlohmann::json{{"email", owner.email}, {"password", "wrong-" + std::to_string(i)}};
      });
  EXPECT_EQ(answers.count(401) ? answers.at(401) : 0, 5) << "exactly the limit are checked";
  EXPECT_EQ(answers.count(429) ? answers.at(429) : 0, 45) << "the rest are refused unchecked";

  ApiClient anonymous(server.port());
  const nlohmann::json right = {{"email", owner.email}, {"password", owner.password}};
  expect_error(anonymous.post("/api/auth/login", right), 429, "rate_limited");
  end_throttle_window(server);
  EXPECT_EQ(anonymous.post("/api/auth/login", right).status, 200) << "after the window";
}

TEST(SecuritySignInTest, ParallelFailuresFromOneAddressGetNoMoreThanItsLimit) {
  // --login-max-failures 2: 2 per email and 8 per client address.
  TestServer server({"--login-max-failures", "2"});
  const SignedInStaff owner = create_shop(server, "Address Throttle");
  const std::map<int, int> answers =
      post_in_parallel({server.port()}, "/api/auth/login", 20, [](int i) {
        return nlohmann::json{{"email", unique_email("nobody" + std::to_string(i))},
                              {"password", "whatever-it-is"}};
      });
  EXPECT_EQ(answers.count(401) ? answers.at(401) : 0, 8);
  EXPECT_EQ(answers.count(429) ? answers.at(429) : 0, 12);
  // The address is refused whatever the email, even with the right password.
  const Response refused =
      ApiClient(server.port())
          .post("/api/auth/login", {{"email", owner.email}, {"password", owner.password}});
  expect_error(refused, 429, "rate_limited");
  EXPECT_GT(std::stoi(refused.header("Retry-After")), 0);
}

TEST(SecuritySetupTest, ASetUpServerRefusesSetupBeforeHashingAndThrottlesTheAddress) {
  TestServer server;  // 20 failed attempts per client address in 15 minutes
  ApiClient anonymous(server.port());
  auto setup = [](int i) {
    return nlohmann::json{{"shop_name", "Shop " + std::to_string(i)},
                          {"owner_name", "Owner"},
                          {"email", unique_email("setup" + std::to_string(i))},
                          {"password", "setup-password-1"}};
  };
  ASSERT_EQ(anonymous.post("/api/setup", setup(0)).status, 201);

  // A failed sign-in always verifies one Argon2id hash: its time is the floor of a hash here.
  std::vector<double> sign_in_ms, refusal_ms;
  auto timed = [](const std::function<Response()>& send, std::vector<double>& into) {
    const auto started = std::chrono::steady_clock::now();
    Response res = send();
    into.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count());
    return res;
  };
  for (int i = 0; i < 3; ++i) {
    const Response res = timed(
        [&] {
          return anonymous.post("/api/auth/login", {{"email", unique_email("timing")},
                                                    {"password", "whatever-it-is"}});
        },
        sign_in_ms);
    EXPECT_EQ(res.status, 401);
  }
  // The success above does not count; twenty refusals do, and the next is throttled.
  for (int i = 1; i <= 20; ++i) {
    const Response res = timed([&] { return anonymous.post("/api/setup", setup(i)); }, refusal_ms);
    expect_error(res, 409, "conflict");
  }
  const Response throttled = anonymous.post("/api/setup", setup(21));
  expect_error(throttled, 429, "rate_limited");
  EXPECT_GT(std::stoi(throttled.header("Retry-After")), 0);
  EXPECT_LE(std::stoi(throttled.header("Retry-After")), 15 * 60);

  // A refusal that hashed would take at least a hash; half the fastest sign-in leaves room for
  // a loaded machine. The median keeps one slow answer from deciding.
  std::sort(refusal_ms.begin(), refusal_ms.end());
  const double fastest_sign_in = *std::min_element(sign_in_ms.begin(), sign_in_ms.end());
  EXPECT_LT(refusal_ms[refusal_ms.size() / 2], fastest_sign_in / 2)
      << "a refused setup took " << refusal_ms[refusal_ms.size() / 2]
      << " ms (median); a failed sign-in, which hashes, " << fastest_sign_in << " ms";

  // Sign-ins from the same address are counted apart from setups.
  EXPECT_EQ(anonymous
                .post("/api/auth/login",
                      {{"email", unique_email("after")}, {"password", "whatever-it-is"}})
                .status,
            401);
  end_throttle_window(server);
  expect_error(anonymous.post("/api/setup", setup(22)), 409, "conflict");
}

TEST(SecurityPasswordTest, WrongCurrentPasswordsAreThrottledLikeSignIns) {
  TestServer server({"--login-max-failures", "3"});
  const SignedInStaff owner = create_shop(server, "Password Throttle");
  const SignedInStaff other = create_shop(server, "Password Throttle Other");
  ApiClient me(server.port(), owner.token);
  auto change = [&](const std::string& current) {
    return me.put("/api/me/password",
                  {{"current_password", current}, {"new_password", "changed-password-1"}});
  };
  // Parallel guesses are counted as they come, like sign-ins.
  const std::map<int, int> answers = post_in_parallel(
      {server.port()}, "/api/me/password", 12,
      [](int i) {
        return nlohmann::json{{"current_password", "guess-" + std::to_string(i)},
                              {"new_password", "changed-password-1"}};
      },
      owner.token);
  EXPECT_EQ(answers.count(422) ? answers.at(422) : 0, 3);
  EXPECT_EQ(answers.count(429) ? answers.at(429) : 0, 9);
  const Response refused = change(owner.password);
  expect_error(refused, 429, "rate_limited");
  EXPECT_GT(std::stoi(refused.header("Retry-After")), 0);
  // The count is the account's: signing in with its email is refused as well, not another's.
  ApiClient anonymous(server.port());
  expect_error(
      anonymous.post("/api/auth/login", {{"email", owner.email}, {"password", owner.password}}),
      429, "rate_limited");
  EXPECT_EQ(ApiClient(server.port(), other.token)
                .put("/api/me/password",
                     {{"current_password", other.password}, {"new_password", "changed-password-1"}})
                .status,
            204);

  end_throttle_window(server);
  EXPECT_EQ(change(owner.password).status, 204);
  EXPECT_EQ(
      anonymous
          .post("/api/auth/login", {{"email", owner.email}, {"password", "changed-password-1"}})
          .status,
      200);
}

TEST(SecuritySessionTest, ASessionEndsAfterTwelveHoursUnusedAndItsUseIsWrittenOncePerMinute) {
  TestServer server;
  const SignedInStaff owner = create_shop(server, "Idle Session");
  ApiClient me(server.port(), owner.token);
  const std::string session = " WHERE staff_id = " + std::to_string(owner.id);
  auto last_seen = [&](const std::string& value) {
    exec_sql(server.db_url(), "UPDATE sessions SET last_seen_at = " + value + session);
  };
  auto hours = [](double h) { return std::to_string(static_cast<std::int64_t>(h * 3600 * 1000)); };
  ASSERT_EQ(me.get("/api/me").status, 200);

  // Used 11 hours ago: alive, and this use is written. Two hours on, it is still alive.
  last_seen(std::to_string(wall_clock_ms()) + " - " + hours(11));
  ASSERT_EQ(me.get("/api/me").status, 200);
  last_seen("last_seen_at - " + hours(2));
  ASSERT_EQ(me.get("/api/me").status, 200) << "the use 11 hours in was recorded";

  // Used 30 seconds ago: this use is not written (once a minute), so moving the last write
  // 11 h 59 min 40 s back leaves it more than 12 hours unused.
  last_seen(std::to_string(wall_clock_ms()) + " - 30000");
  ASSERT_EQ(me.get("/api/me").status, 200);
  last_seen("last_seen_at - " + std::to_string((12 * 3600 - 20) * 1000LL));
  expect_error(me.get("/api/me"), 401, "unauthorized");

  // A session from before last_seen_at existed counts as used now.
  const SignedInStaff again = sign_in(server, owner.email, owner.password);
  last_seen("NULL");
  EXPECT_EQ(ApiClient(server.port(), again.token).get("/api/me").status, 200);
  // Seven days after sign-in it ends, however recently used.
  exec_sql(server.db_url(),
           "UPDATE sessions SET expires_at = " + std::to_string(wall_clock_ms() - 1000) + session);
  expect_error(ApiClient(server.port(), again.token).get("/api/me"), 401, "unauthorized");
}

TEST(SecurityPasswordTest, NewPasswordsNeedTwelveCharactersAndOldShortOnesStillSignIn) {
  TestServer server;
  ApiClient anonymous(server.port());
  const std::string eleven = "abcdefghijk";
  const std::string eleven_accented = "ééééééééééé";  // 22 bytes, 11 characters
  for (const std::string& password : {eleven, eleven_accented}) {
    const Response res = anonymous.post("/api/setup", {{"shop_name", "Short"},
                                                       {"owner_name", "Short"},
                                                       {"email", unique_email("short")},
                                                       {"password", password}});
    expect_error(res, 422, "validation_failed");
    EXPECT_EQ(res.body["error"]["details"]["fields"]["password"], "must be at least 12 characters");
  }
  EXPECT_NE(run_rxtrack({"shop", "create", "--db", server.db_url(), "--name", "X", "--owner-name",
                         "X", "--owner-email", unique_email("short")},
                        eleven + "\n")
                .exit_code,
            0);
  const SignedInStaff owner = create_shop(server, "Length Shop");
  ApiClient api(server.port(), owner.token);
  Response staff = api.post("/api/staff", {{"name", "Short"},
                                           {"email", unique_email("short")},
                                           {"password", eleven},
                                           {"role", "staff"}});
  expect_error(staff, 422, "validation_failed");
  EXPECT_TRUE(staff.body["error"]["details"]["fields"].contains("password")) << staff.raw;
  Response change =
      api.put("/api/me/password", {{"current_password", owner.password}, {"new_password", eleven}});
  expect_error(change, 422, "validation_failed");
  EXPECT_TRUE(change.body["error"]["details"]["fields"].contains("new_password")) << change.raw;
  EXPECT_EQ(api.post("/api/staff", {{"name", "Twelve"},
                                    {"email", unique_email("twelve")},
                                    {"password", eleven + "l"},
                                    {"role", "staff"}})
                .status,
            201);

  // A password set before the rule, shorter than 12 characters, still signs in.
  ASSERT_GE(sodium_init(), 0);
  char old_hash[crypto_pwhash_STRBYTES];
  const std::string old_password = "old-pw-8";
  ASSERT_EQ(crypto_pwhash_str_alg(old_hash, old_password.data(), old_password.size(), 2,
                                  19 * 1024 * 1024, crypto_pwhash_ALG_ARGON2ID13),
            0);
  exec_sql(server.db_url(), "UPDATE staff SET password_hash = '" + std::string(old_hash) +
                                "' WHERE id = " + std::to_string(owner.id));
  EXPECT_EQ(anonymous.post("/api/auth/login", {{"email", owner.email}, {"password", old_password}})
                .status,
            200);
}

// --- hostile text in filters and searches ----------------------------------------------------

std::string percent_encode(const std::string& text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

struct RawAnswer {
  int status = -1;
  std::string body;
};

RawAnswer raw_get(int port, const std::string& target, const std::string& token) {
  const std::string response =
      raw_request(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " +
                            token + "\r\nConnection: close\r\n\r\n");
  const std::size_t split = response.find("\r\n\r\n");
  return {raw_status(response), split == std::string::npos ? "" : response.substr(split + 4)};
}

TEST(SecurityInjectionTest, FiltersAndSearchesTakeHostileTextWithoutErrorsOrLeaks) {
  TestServer server;
  ShopFixture a = make_shop(server, "Inject A", "987659110");
  ShopFixture b = make_shop(server, "ZZOTHERSHOP", "987659120");
  const std::map<std::string, std::vector<std::string>> lists = {
      {"/api/customer-tracking/contacts",
       {"status", "whatsapp_status", "assigned_staff_id", "upload_id", "q", "follow_up", "sort",
        "limit", "offset"}},
      {"/api/customer-tracking/customers",
       {"category", "q", "chronic_condition", "prefers_generic", "has_due_refill", "limit",
        "offset"}},
      {"/api/bills", {"from", "to", "customer_id", "staff_id", "limit", "offset"}},
      {"/api/customer-tracking/refill-reminders",
       {"from", "to", "status", "customer_id", "medicine", "limit", "offset"}},
      {"/api/customer-tracking/reminders", {"due", "staff_id", "limit", "offset"}},
      {"/api/customer-tracking/uploads", {"limit", "offset"}},
      {"/api/staff", {"active", "limit", "offset"}},
      {"/api/audit",
       {"action", "staff_id", "entity", "entity_id", "from", "to", "limit", "offset"}},
  };
  const std::vector<std::string> hostile = {"' OR 1=1 --",
                                            "%",
                                            "_",
                                            "\"; DROP TABLE customers; --",
                                            "%' OR '1'='1",
                                            "1; DELETE FROM bills",
                                            "\\",
                                            "0 UNION SELECT * FROM staff",
                                            "-1",
                                            "99999999999999999999999",
                                            "ZZOTHERSHOP",
                                            "\xe0\xa4\x9e\xf0\x9d\x9f\x97\xf0\x9d\x9f\x98",
                                            "\xef\xbc\x99\xef\xbc\x98\xef\xbc\x97",
                                            "%00",
                                            std::string(600, 'x'),
                                            "*",
                                            "[]",
                                            "{}"};
  int checked = 0;
  for (const auto& [path, params] : lists) {
    for (const std::string& param : params) {
      for (const std::string& value : hostile) {
        const std::string target = path + "?" + param + "=" + percent_encode(value);
        RawAnswer answer = raw_get(server.port(), target, a.owner.token);
        ++checked;
        EXPECT_TRUE(answer.status == 200 || answer.status == 422)
            << target << " -> " << answer.status << " " << answer.body.substr(0, 300);
        EXPECT_EQ(answer.body.find("ZZOTHERSHOP"), std::string::npos) << target;
        EXPECT_EQ(answer.body.find("987659120"), std::string::npos) << target;
      }
    }
  }
  EXPECT_GT(checked, 700);
  // LIKE wildcards match only themselves.
  for (const char* wildcard : {"%", "_"}) {
    const std::string q = percent_encode(wildcard);
    EXPECT_EQ(raw_get(server.port(), "/api/customer-tracking/customers?q=" + q, a.owner.token).body,
              R"({"items":[],"total":0})");
    EXPECT_NE(raw_get(server.port(), "/api/customer-tracking/contacts?q=" + q, a.owner.token)
                  .body.find(R"("total":0)"),
              std::string::npos);
  }
  // Hostile path ids are 404s, never errors.
  for (const std::string& value : hostile) {
    const std::string encoded = percent_encode(value);
    for (const std::string& path :
         {"/api/customer-tracking/customers/" + encoded, "/api/bills/" + encoded,
          "/api/customer-tracking/customers/phone/" + encoded, "/api/staff/" + encoded}) {
      RawAnswer answer = raw_get(server.port(), path, a.owner.token);
      EXPECT_TRUE(answer.status == 404 || answer.status == 422 || answer.status == 400)
          << path << " -> " << answer.status << " " << answer.body.substr(0, 200);
    }
  }
  // Everything is still there.
  ApiClient as_b(server.port(), b.owner.token);
  EXPECT_EQ(as_b.get("/api/customer-tracking/customers").body["total"], 1);
  EXPECT_EQ(as_b.get("/api/bills").body["total"], 1);
  EXPECT_EQ(ApiClient(server.port(), a.owner.token).get("/api/staff").body["total"], 3);
}

// --- what staff can see, bounded answers ------------------------------------------------------

class SecurityStaffDataTest : public SharedServerTest {
 protected:
  // Uploads a sheet as `owner` and answers the contact id of each phone, in order.
  std::vector<std::string> upload_contacts(const SignedInStaff& owner,
                                           const std::vector<std::string>& rows) {
    std::string sheet = "Name,Phone\n";
    for (const auto& row : rows) sheet += row + "\n";
    Response up = client(owner).upload(kTracking + "/contacts/upload", "file", "s.csv", sheet);
    EXPECT_EQ(up.status, 201) << up.raw;
    std::vector<std::string> ids;
    for (const auto& row : rows) {
      const std::string digits = row.substr(row.find(',') + 1);
      Response found = client(owner).get(kTracking + "/contacts?q=" + digits);
      EXPECT_EQ(found.body["total"], 1) << found.raw;
      ids.push_back(found.body["items"][0]["id"].dump());
    }
    return ids;
  }
  void assign(const SignedInStaff& manager, const SignedInStaff& to, const std::string& contact) {
    Response res = client(manager).post(
        kTracking + "/contacts/assign",
        {{"staff_ids", {to.id}}, {"contact_ids", {std::stoll(contact)}}, {"reassign", true}});
    ASSERT_EQ(res.status, 200) << res.raw;
    ASSERT_EQ(res.body["assigned"][std::to_string(to.id)], 1) << res.raw;
  }
};

TEST_F(SecurityStaffDataTest, ACustomersContactIsWholeOnlyForItsAssigneeAManagerAndTheOwner) {
  SignedInStaff owner = create_shop(server(), "Staff Data Contact Shop");
  SignedInStaff manager = add_staff(server(), owner, "manager");
  SignedInStaff asha = add_staff(server(), owner, "staff");
  SignedInStaff bina = add_staff(server(), owner, "staff");
  const std::vector<std::string> contacts =
      upload_contacts(owner, {"SECRETNAME Assigned,9876570001", "SECRETNAME Nobody,9876570002"});
  ASSERT_NO_FATAL_FAILURE(assign(manager, asha, contacts[0]));
  ASSERT_EQ(client(asha)
                .put(kTracking + "/contacts/" + contacts[0], {{"notes", "SECRETNOTE call at 6"}})
                .status,
            200);
  std::vector<std::string> customers;
  for (const char* phone : {"9876570001", "9876570002"}) {
    Response made = client(owner).post(kTracking + "/customers",
                                       {{"phone", phone}, {"category", "contact_sheet"}});
    ASSERT_EQ(made.status, 201) << made.raw;
    customers.push_back(made.body["id"].dump());
  }
  const std::string assigned = kTracking + "/customers/" + customers[0];
  const std::string unassigned = kTracking + "/customers/" + customers[1];

  for (const SignedInStaff* whole : {&asha, &manager, &owner}) {
    Response seen = client(*whole).get(assigned);
    ASSERT_EQ(seen.status, 200) << seen.raw;
    EXPECT_EQ(seen.body["contact"]["id"].dump(), contacts[0]);
    EXPECT_EQ(seen.body["contact"]["notes"], "SECRETNOTE call at 6");
    EXPECT_EQ(seen.body["contact"]["name"], "SECRETNAME Assigned");
    EXPECT_FALSE(seen.body["contact"].contains("limited"));
  }
  for (const SignedInStaff* whole : {&manager, &owner}) {
    EXPECT_EQ(client(*whole).get(unassigned).body["contact"]["name"], "SECRETNAME Nobody");
  }
  // Bina holds neither contact: the status and nothing else, whoever holds it.
  for (const std::string& path : {assigned, unassigned}) {
    Response seen = client(bina).get(path);
    ASSERT_EQ(seen.status, 200) << seen.raw;
    EXPECT_EQ(seen.body["contact"], nlohmann::json({{"status", "pending"}, {"limited", true}}))
        << path;
    EXPECT_EQ(seen.raw.find("SECRET"), std::string::npos) << seen.raw;
  }
  // Asha sees the one assigned to her whole and the other reduced.
  EXPECT_EQ(client(asha).get(unassigned).body["contact"]["limited"], true);
  // The phone lookup answers the customer without any contact record.
  Response by_phone = client(bina).get(kTracking + "/customers/phone/9876570001");
  ASSERT_EQ(by_phone.status, 200) << by_phone.raw;
  EXPECT_FALSE(by_phone.body.contains("contact"));
  EXPECT_EQ(by_phone.raw.find("SECRET"), std::string::npos);
}

TEST_F(SecurityStaffDataTest, CustomerListsHoldNoMedicalDetailsAndEachDetailReadIsAudited) {
  SignedInStaff owner = create_shop(server(), "Staff Data Medical Shop");
  SignedInStaff worker = add_staff(server(), owner, "staff");
  Response made =
      client(owner).post(kTracking + "/customers", {{"phone", "9876570011"},
                                                    {"name", "Meera"},
                                                    {"category", "regular_branded"},
                                                    {"age", 58},
                                                    {"gender", "female"},
                                                    {"address", "SECRETADDRESS 12 MG Road"},
                                                    {"email", "meera@example.com"},
                                                    {"allergies", "SECRETALLERGY penicillin"},
                                                    {"chronic_conditions", {"secretcondition"}},
                                                    {"primary_doctor", "SECRETDOCTOR Rao"},
                                                    {"notes", "SECRETNOTES"}});
  ASSERT_EQ(made.status, 201) << made.raw;
  const std::string id = made.body["id"].dump();
  const std::string views = "/api/audit?action=customer.view&entity_id=" + id;
  ApiClient audit(server().port(), owner.token);

  for (const SignedInStaff* who : {&worker, &owner}) {
    Response list = client(*who).get(kTracking + "/customers?limit=500");
    ASSERT_EQ(list.status, 200) << list.raw;
    ASSERT_EQ(list.body["items"].size(), 1u);
    const nlohmann::json& item = list.body["items"][0];
    for (const char* medical : {"allergies", "chronic_conditions", "primary_doctor", "notes",
                                "address", "email", "age", "birth_year", "gender"}) {
      EXPECT_FALSE(item.contains(medical)) << medical << " in " << item.dump();
    }
    for (const char* summary :
         {"id", "name", "phone", "category", "visit_count", "last_visit_at", "total_spent_paise"}) {
      EXPECT_TRUE(item.contains(summary)) << summary << " missing from " << item.dump();
    }
    EXPECT_EQ(list.raw.find("SECRET"), std::string::npos) << list.raw;
    EXPECT_EQ(list.raw.find("meera@"), std::string::npos) << list.raw;
  }
  // Filtering by a condition is still possible, without the list showing it.
  Response filtered =
      client(worker).get(kTracking + "/customers?chronic_condition=secretcondition");
  EXPECT_EQ(filtered.body["total"], 1);
  EXPECT_EQ(audit.get(views).body["total"], 0) << "lists are not detail reads";

  Response detail = client(worker).get(kTracking + "/customers/" + id);
  ASSERT_EQ(detail.status, 200);
  EXPECT_EQ(detail.body["allergies"], "SECRETALLERGY penicillin");
  Response log = audit.get(views);
  ASSERT_EQ(log.body["total"], 1) << log.raw;
  const nlohmann::json& entry = log.body["items"][0];
  EXPECT_EQ(entry["staff_id"], worker.id);
  EXPECT_EQ(entry["details"]["fields"],
            nlohmann::json({"allergies", "chronic_conditions", "primary_doctor", "notes"}));
  EXPECT_EQ(log.raw.find("SECRET"), std::string::npos) << "names, never values";

  ASSERT_EQ(client(worker).get(kTracking + "/customers/phone/9876570011").status, 200);
  log = audit.get(views);
  ASSERT_EQ(log.body["total"], 2);
  EXPECT_EQ(log.body["items"][0]["details"]["via"], "phone");
  EXPECT_EQ(log.body["items"][0]["details"]["fields"].size(), 4u);
}

TEST_F(SecurityStaffDataTest, AFollowUpStopsShowingItsContactOnceTheContactIsReassigned) {
  SignedInStaff owner = create_shop(server(), "Staff Data Follow-up Shop");
  SignedInStaff manager = add_staff(server(), owner, "manager");
  SignedInStaff asha = add_staff(server(), owner, "staff");
  SignedInStaff bina = add_staff(server(), owner, "staff");
  const std::vector<std::string> contacts =
      upload_contacts(owner, {"SECRETNAME Kiran,9876570021", "Ravi,9876570022"});
  ASSERT_NO_FATAL_FAILURE(assign(manager, asha, contacts[0]));
  ASSERT_NO_FATAL_FAILURE(assign(manager, asha, contacts[1]));
  for (const std::string& contact : contacts) {
    ASSERT_EQ(client(asha)
                  .post(kTracking + "/contacts/" + contact + "/reminders",
                        {{"due_at", "2099-01-01T10:00"}, {"note", "SECRETNOTE ask for the son"}})
                  .status,
              201);
  }
  Response before = client(asha).get(kTracking + "/reminders");
  ASSERT_EQ(before.body["total"], 2);
  EXPECT_EQ(before.body["items"][0]["contact_phone"], "+919876570021");
  EXPECT_EQ(before.body["items"][0]["reassigned"], false);

  ASSERT_NO_FATAL_FAILURE(assign(manager, bina, contacts[0]));
  Response after = client(asha).get(kTracking + "/reminders");
  ASSERT_EQ(after.status, 200);
  ASSERT_EQ(after.body["total"], 2) << "still listed, so Asha can see why it left her work";
  const nlohmann::json& gone = after.body["items"][0];
  EXPECT_EQ(gone["contact_id"].dump(), contacts[0]);
  EXPECT_EQ(gone["reassigned"], true);
  EXPECT_TRUE(gone["contact_phone"].is_null());
  EXPECT_TRUE(gone["contact_name"].is_null());
  EXPECT_TRUE(gone["note"].is_null());
  EXPECT_EQ(after.body["items"][1]["contact_phone"], "+919876570022") << "hers is untouched";
  EXPECT_EQ(after.body["items"][1]["reassigned"], false);
  EXPECT_EQ(after.raw.find("9876570021"), std::string::npos) << after.raw;
  EXPECT_EQ(after.raw.find("SECRETNAME"), std::string::npos) << after.raw;

  // She can clear it; the answer does not show the contact either.
  Response done = client(asha).post(kTracking + "/reminders/" + gone["id"].dump() + "/done",
                                    nlohmann::json::object());
  ASSERT_EQ(done.status, 200) << done.raw;
  EXPECT_EQ(done.body["reassigned"], true);
  EXPECT_TRUE(done.body["contact_phone"].is_null());
  // A manager still sees whom it was for.
  Response managed =
      client(manager).get(kTracking + "/reminders?staff_id=" + std::to_string(asha.id));
  ASSERT_EQ(managed.body["total"], 1);
  EXPECT_EQ(managed.body["items"][0]["contact_phone"], "+919876570022");
}

TEST_F(SecurityStaffDataTest, EveryListRefusesAnOffsetPastTheCapNamingIt) {
  SignedInStaff owner = create_shop(server(), "Staff Data Offset Shop");
  const std::vector<std::string> contacts = upload_contacts(owner, {"Asha,9876570031"});
  const std::string upload =
      client(owner).get(kTracking + "/uploads").body["items"][0]["id"].dump();
  const std::vector<std::string> lists = {kTracking + "/contacts",
                                          kTracking + "/customers",
                                          "/api/bills",
                                          kTracking + "/refill-reminders",
                                          kTracking + "/reminders",
                                          kTracking + "/uploads",
                                          "/api/staff",
                                          "/api/audit",
                                          "/api/messages",
                                          kTracking + "/contacts/" + contacts[0] + "/interactions",
                                          kTracking + "/uploads/" + upload};
  for (const std::string& list : lists) {
    Response deepest = client(owner).get(list + "?offset=100000");
    EXPECT_EQ(deepest.status, 200) << list << ": " << deepest.raw;
    for (const char* offset : {"100001", "1000000000", "9223372036854775807"}) {
      Response refused = client(owner).get(list + "?offset=" + offset);
      expect_error(refused, 422, "validation_failed");
      EXPECT_TRUE(refused.body["error"]["details"]["fields"].contains("offset"))
          << list << "?offset=" << offset << ": " << refused.raw;
    }
  }
}

// --- static files --------------------------------------------------------------------------------

class SecurityStaticTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = scratch_folder("static");
    web_ = root_ + "/web";
    std::filesystem::create_directories(web_ + "/assets");
    std::ofstream(web_ + "/index.html") << "<!doctype html><title>INDEX-PAGE</title>";
    std::ofstream(web_ + "/assets/app.js") << "console.log('APP-SCRIPT');";
    std::ofstream(root_ + "/secret.txt") << "TOP-SECRET-OUTSIDE";
    std::filesystem::create_symlink(root_ + "/secret.txt", web_ + "/link.txt");
    server_ = std::make_unique<TestServer>(std::vector<std::string>{"--web-dir", web_});
  }
  std::string root_, web_;
  std::unique_ptr<TestServer> server_;
};

TEST_F(SecurityStaticTest, TraversalNeverLeavesTheWebFolder) {
  const std::vector<std::string> attempts = {
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/%2E%2E/secret.txt",
      "/%2e%2e%2fsecret.txt",
      "/..%2fsecret.txt",
      "/..%2Fsecret.txt",
      "/assets/..%2f..%2fsecret.txt",
      "/assets/%2e%2e/%2e%2e/secret.txt",
      "/assets/../../secret.txt",
      "/%252e%252e/secret.txt",
      "/..%5csecret.txt",
      "/..\\secret.txt",
      "/.%2e/secret.txt",
      "//../secret.txt",
      "/%c0%ae%c0%ae/secret.txt",
      "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
      "/link.txt",
      "/%2e%2e/web/../secret.txt",
      "/secret.txt%00.html",
  };
  for (const std::string& target : attempts) {
    const std::string response =
        raw_request(server_->port(),
                    "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    const int status = raw_status(response);
    EXPECT_EQ(response.find("TOP-SECRET-OUTSIDE"), std::string::npos) << target;
    EXPECT_TRUE(status == 400 || status == 404 ||
                (status == 200 && response.find("INDEX-PAGE") != std::string::npos))
        << target << " -> " << response.substr(0, 200);
  }
  Response script = ApiClient(server_->port()).get("/assets/app.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_NE(script.raw.find("APP-SCRIPT"), std::string::npos);
  Response page = ApiClient(server_->port()).get("/customers/42");
  EXPECT_EQ(page.status, 200) << "the web app's own routes fall back to index.html";
  EXPECT_NE(page.raw.find("INDEX-PAGE"), std::string::npos);
}

TEST_F(SecurityStaticTest, ApiAndStaticResponsesCarryTheSecurityHeaders) {
  SignedInStaff owner = create_shop(*server_, "Header Shop");
  ApiClient anonymous(server_->port());
  ApiClient signed_in(server_->port(), owner.token);
  const std::vector<std::pair<std::string, Response>> responses = {
      {"/healthz", anonymous.get("/healthz")},
      {"/api/me", signed_in.get("/api/me")},
      {"/api/me (401)", anonymous.get("/api/me")},
      {"/api/nothing (404)", signed_in.get("/api/nothing")},
      {"/api/bills (422)", signed_in.post("/api/bills", nlohmann::json::object())},
      {"/index.html", anonymous.get("/index.html")},
      {"/assets/app.js", anonymous.get("/assets/app.js")},
      {"/some/page", anonymous.get("/some/page")},
      {"/missing.png (404)", anonymous.get("/missing.png")},
  };
  for (const auto& [what, res] : responses) {
    const std::string csp = res.header("Content-Security-Policy");
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << what;
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << what;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << what;
    EXPECT_EQ(res.header("X-Content-Type-Options"), "nosniff") << what;
    EXPECT_EQ(res.header("Referrer-Policy"), "no-referrer") << what;
    EXPECT_TRUE(res.header("Strict-Transport-Security").empty()) << what << ": not over plain HTTP";
  }
}

TEST_F(SecurityStaticTest, ApiAnswersAreNeverCachedWebFilesKeepTheirCaching) {
  SignedInStaff owner = create_shop(*server_, "Cache Shop");
  ApiClient anonymous(server_->port());
  ApiClient signed_in(server_->port(), owner.token);
  const std::vector<std::pair<std::string, Response>> api = {
      {"/api/me", signed_in.get("/api/me")},
      {"/api/me (401)", anonymous.get("/api/me")},
      {"/api/nothing (404)", signed_in.get("/api/nothing")},
      {"/api/staff (POST 422)", signed_in.post("/api/staff", nlohmann::json::object())},
      {"/api/customer-tracking/customers", signed_in.get("/api/customer-tracking/customers")},
  };
  for (const auto& [what, res] : api) EXPECT_EQ(res.header("Cache-Control"), "no-store") << what;
  EXPECT_EQ(anonymous.get("/assets/app.js").header("Cache-Control"),
            "public, max-age=31536000, immutable");
  EXPECT_EQ(anonymous.get("/index.html").header("Cache-Control"), "no-cache");
}

// --- request bodies ------------------------------------------------------------------------------

// A login request with the given Content-Type ("" for none) and body, on its own connection.
std::string raw_login(int port, const std::string& content_type, const std::string& body) {
  std::string request = "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n";
  if (!content_type.empty()) request += "Content-Type: " + content_type + "\r\n";
  request += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  return raw_request(port, request);
}

TEST(SecurityBodyTest, JsonRoutesTakeOnlyJsonSoNoCrossSiteFormSignsAnyoneIn) {
  TestServer server;
  SignedInStaff owner = create_shop(server, "Form Shop");
  const std::string form = "email=" + owner.email + "&password=" + owner.password;
  const nlohmann::json credentials = {{"email", owner.email}, {"password", owner.password}};
  for (const std::string& type : std::vector<std::string>{
           "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"}) {
    const std::string answer = raw_login(server.port(), type, form);
    EXPECT_EQ(raw_status(answer), 415) << type << ": " << answer.substr(0, 300);
    EXPECT_NE(answer.find("unsupported_media_type"), std::string::npos) << type;
    EXPECT_EQ(answer.find("Set-Cookie"), std::string::npos) << type << ": no session";
  }
  EXPECT_EQ(raw_status(raw_login(server.port(), "", credentials.dump())), 415)
      << "a body without a type is no JSON either";
  const std::string with_charset =
      raw_login(server.port(), "application/json; charset=utf-8", credentials.dump());
  EXPECT_EQ(raw_status(with_charset), 200) << with_charset.substr(0, 300);
  EXPECT_NE(with_charset.find("Set-Cookie"), std::string::npos);
  EXPECT_EQ(raw_status(raw_login(server.port(), "Application/JSON", credentials.dump())), 200);

  // Bodyless POSTs need no type: an empty body without Content-Type still signs out.
  const std::string logout = raw_request(
      server.port(), "POST /api/auth/logout HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " +
                         owner.token + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(raw_status(logout), 204) << logout.substr(0, 300);
}

TEST(SecurityBodyTest, CompressedBodiesAreRefusedOnEveryRoute) {
  TestServer server;
  SignedInStaff owner = create_shop(server, "Gzip Shop");
  for (const std::string& path :
       std::vector<std::string>{"/api/auth/login", "/api/staff", "/api/webhooks/sms/nokey",
                                "/api/customer-tracking/contacts/upload", "/api/no-such-route"}) {
    const std::string answer = raw_request(
        server.port(), "POST " + path +
                           " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                           "Authorization: Bearer " +
                           owner.token +
                           "\r\nContent-Encoding: gzip\r\nContent-Length: 2\r\n"
                           "Connection: close\r\n\r\n{}");
    EXPECT_EQ(raw_status(answer), 415) << path << ": " << answer.substr(0, 300);
    EXPECT_NE(answer.find("unsupported_media_type"), std::string::npos) << path;
  }
  EXPECT_EQ(ApiClient(server.port()).get("/healthz").status, 200);
}

// --- sessions behind a TLS proxy -----------------------------------------------------------------

std::string login_cookie(int port, const SignedInStaff& who, const httplib::Headers& headers) {
  Response res = ApiClient(port).post("/api/auth/login",
                                      {{"email", who.email}, {"password", who.password}}, headers);
  EXPECT_EQ(res.status, 200) << res.raw;
  return res.header("Set-Cookie");
}

TEST(SecuritySessionTest, TheCookieIsSecureBehindATlsProxy) {
  TestServer proxied(std::vector<std::string>{"--trust-proxy"});
  SignedInStaff owner = create_shop(proxied, "Proxy Shop");
  const std::string over_https =
      login_cookie(proxied.port(), owner, {{"X-Forwarded-Proto", "https"}});
  EXPECT_NE(over_https.find("rxtrack_session="), std::string::npos) << over_https;
  EXPECT_NE(over_https.find("; Secure"), std::string::npos) << over_https;
  EXPECT_NE(over_https.find("HttpOnly"), std::string::npos) << over_https;
  const std::string over_http =
      login_cookie(proxied.port(), owner, {{"X-Forwarded-Proto", "http"}});
  EXPECT_EQ(over_http.find("Secure"), std::string::npos) << over_http;

  TestServer direct;
  SignedInStaff other = create_shop(direct, "Direct Shop");
  const std::string untrusted =
      login_cookie(direct.port(), other, {{"X-Forwarded-Proto", "https"}});
  EXPECT_EQ(untrusted.find("Secure"), std::string::npos)
      << "without --trust-proxy the header is anyone's word: " << untrusted;
}

// --- the request log -----------------------------------------------------------------------------

// The log's request lines (those naming a route), each parsed as the JSON object it must be.
std::vector<nlohmann::json> request_log(const TestServer& server) {
  std::vector<nlohmann::json> lines;
  std::istringstream log(server.log());
  std::string line;
  while (std::getline(log, line)) {
    const std::size_t object = line.find("{\"method\":");
    if (object == std::string::npos) continue;
    nlohmann::json parsed = nlohmann::json::parse(line.substr(object), nullptr, false);
    EXPECT_FALSE(parsed.is_discarded()) << "not one JSON object: " << line;
    if (!parsed.is_discarded()) lines.push_back(std::move(parsed));
  }
  return lines;
}

TEST(SecurityLogTest, TheRequestLogNamesRouteTemplatesNeverRawPaths) {
  TestServer server;
  SignedInStaff owner = create_shop(server, "Log Shop");
  ApiClient client(server.port(), owner.token);
  const std::string phone = "9876512345";
  client.get("/api/customer-tracking/customers/phone/" + phone);
  const std::string key = "LeakyWebhookKey0123456789";
  ApiClient(server.port()).post("/api/webhooks/whatsapp/" + key, nlohmann::json::object());
  client.get("/api/no-such-route-" + phone);
  // An encoded quote and newline in the path (and so in a route's parameter).
  const std::string hostile = "/api/customer-tracking/customers/phone/%22%0A%7D" + phone;
  const std::string answer = raw_request(
      server.port(), "GET " + hostile + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " +
                         owner.token + "\r\nConnection: close\r\n\r\n");
  EXPECT_GT(raw_status(answer), 0);
  client.get("/customers/" + phone);  // a web app page
  // The server logs a request after sending its answer: wait for the last line.
  for (int i = 0; i < 40 && server.log().find("(web app)") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }

  const std::string log = server.log();
  EXPECT_EQ(log.find(phone), std::string::npos) << log;
  EXPECT_EQ(log.find(key), std::string::npos) << log;
  std::multiset<std::string> routes;
  for (const nlohmann::json& line : request_log(server)) {
    routes.insert(line.value("route", ""));
    EXPECT_TRUE(line.contains("status") && line.contains("ms") && line.contains("ip")) << line;
  }
  EXPECT_EQ(routes.count("/api/customer-tracking/customers/phone/{id}"), 2u);
  EXPECT_EQ(routes.count("/api/webhooks/whatsapp/{id}"), 1u);
  EXPECT_GE(routes.count("(unmatched)"), 1u);
  EXPECT_EQ(routes.count("(web app)"), 1u);
}

TEST(SecurityLogTest, DatabaseErrorsAreLoggedWithoutTheirValues) {
  TestServer server;
  SignedInStaff owner = create_shop(server, "Driver Error Shop");
  ApiClient client(server.port(), owner.token);
  const std::string email = unique_email("duplicate-logged");
  const nlohmann::json staff = {{"name", "Twice Added"},
                                {"email", email},
                                {"password", "a-long-password-12"},
                                {"role", "staff"}};
  ASSERT_EQ(client.post("/api/staff", staff).status, 201);
  expect_error(client.post("/api/staff", staff), 409, "conflict");
  const std::string log = server.log();
  EXPECT_EQ(log.find(email), std::string::npos) << "the database's detail names the email: " << log;
  if (engine() == "postgres") {
    EXPECT_NE(log.find("sqlstate 23505"), std::string::npos) << "what failed is still logged";
  }
}

}  // namespace
}  // namespace rx::test
