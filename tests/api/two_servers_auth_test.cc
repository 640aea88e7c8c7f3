// Two `rxtrack serve` processes on one database act as one for signing in: sessions and the
// sign-in throttle live in the database, so a session started on one process works on the
// other, signing out on either ends it on both, and failed sign-ins spread over both count
// together towards the per-email limit, also when they arrive at once.
#include "test_server.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

namespace rx::test {
namespace {

nlohmann::json credentials(const SignedInStaff& who, const std::string& password) {
  return {{"email", who.email}, {"password", password}};
}

TEST(TwoServersAuthTest, ASessionFromOneProcessWorksOnTheOtherUntilSignedOutOnEither) {
  TestServer a;
  TestServer b(ExistingDatabase{a.db_url()});
  const SignedInStaff owner = create_shop(a, "Two Process Sessions");

  const Response login =
      ApiClient(a.port()).post("/api/auth/login", credentials(owner, owner.password));
  ASSERT_EQ(login.status, 200) << login.raw;
  const httplib::Headers cookie = {{"Cookie", session_cookie_of(login)}};
  ASSERT_NE(cookie.begin()->second.find("rxtrack_session="), std::string::npos);
  const Response me_on_b = ApiClient(b.port()).get("/api/me", cookie);
  ASSERT_EQ(me_on_b.status, 200) << "the cookie from A works on B: " << me_on_b.raw;
  EXPECT_EQ(me_on_b.body["id"], owner.id);
  EXPECT_EQ(ApiClient(b.port(), login.body["token"].get<std::string>()).get("/api/me").status, 200)
      << "and so does the same session as a bearer token";

  httplib::Headers cookie_write = cookie;
  cookie_write.emplace("X-Requested-With", "rxtrack");
  const Response signed_out =
      ApiClient(b.port()).post("/api/auth/logout", nlohmann::json::object(), cookie_write);
  EXPECT_EQ(signed_out.status, 204) << signed_out.raw;
  expect_error(ApiClient(a.port()).get("/api/me", cookie), 401, "unauthorized");
  expect_error(ApiClient(b.port()).get("/api/me", cookie), 401, "unauthorized");
  EXPECT_EQ(ApiClient(a.port(), owner.token).get("/api/me").status, 200)
      << "the owner's other session is untouched";

  // And the other way round: a session started on B, ended on A.
  const Response again =
      ApiClient(b.port()).post("/api/auth/login", credentials(owner, owner.password));
  ASSERT_EQ(again.status, 200) << again.raw;
  const std::string token = again.body["token"].get<std::string>();
  EXPECT_EQ(ApiClient(a.port(), token).get("/api/me").status, 200);
  EXPECT_EQ(ApiClient(a.port(), token).post("/api/auth/logout", nlohmann::json::object()).status,
            204);
  expect_error(ApiClient(b.port(), token).get("/api/me"), 401, "unauthorized");
}

TEST(TwoServersAuthTest, FailedSignInsOnBothProcessesCountTogether) {
  TestServer a;  // the default limit: 5 failures per email in 15 minutes
  TestServer b(ExistingDatabase{a.db_url()});
  const SignedInStaff owner = create_shop(a, "Two Process Throttle");
  const SignedInStaff other = create_shop(a, "Two Process Throttle Other");
  ApiClient on_a(a.port());
  ApiClient on_b(b.port());

  // Five failures, alternating: A sees three and B two, each under the limit on its own.
  for (int i = 0; i < 5; ++i) {
    ApiClient& client = i % 2 == 0 ? on_a : on_b;
    EXPECT_EQ(client.post("/api/auth/login", credentials(owner, "wrong-password")).status, 401)
        << "failure " << i + 1;
  }
  // The sixth attempt is refused by whichever process gets it, B here.
  const Response sixth = on_b.post("/api/auth/login", credentials(owner, "wrong-password"));
  expect_error(sixth, 429, "rate_limited");
  const std::string retry_after = sixth.header("Retry-After");
  ASSERT_FALSE(retry_after.empty());
  EXPECT_GT(std::stoi(retry_after), 0);
  EXPECT_LE(std::stoi(retry_after), 15 * 60);

  // During the lockout even the right password is refused, on both.
  for (ApiClient* client : {&on_a, &on_b}) {
    const Response refused = client->post("/api/auth/login", credentials(owner, owner.password));
    expect_error(refused, 429, "rate_limited");
    EXPECT_FALSE(refused.header("Retry-After").empty());
  }
  // The limit is the email's: another staff member signs in on either process.
  EXPECT_EQ(on_a.post("/api/auth/login", credentials(other, other.password)).status, 200);
  EXPECT_EQ(on_b.post("/api/auth/login", credentials(other, other.password)).status, 200);
}

TEST(TwoServersAuthTest, ParallelWrongPasswordsOnBothProcessesGetNoMoreThanTheLimit) {
  TestServer a;  // the default limit: 5 failures per email in 15 minutes
  TestServer b(ExistingDatabase{a.db_url()});
  const SignedInStaff owner = create_shop(a, "Two Process Parallel Throttle");
  std::vector<int> statuses(40, 0);
  std::vector<std::thread> threads;
  for (int i = 0; i < 40; ++i) {
    threads.emplace_back([&, i] {
      ApiClient client(i % 2 == 0 ? a.port() : b.port());
      statuses[i] = client.post("/api/auth/login", credentials(owner, "wrong-password")).status;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 401), 5)
      << "checking and recording an attempt is one step across processes";
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 429), 35);
}

}  // namespace
}  // namespace rx::test
