// Each contact's best time to call (best_time on the contact list and detail), on both engines:
// from its own calls once it has three, shrunk towards the shop; else the shop's best window.
#include "api_paths.h"
#include "test_clock.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <map>
#include <string>

namespace rx::test {
namespace {

// RFC 3339 in Kolkata time for `hour`:10 local, `days_ago` Kolkata days before today.
std::string kolkata_call_time(int days_ago, int hour) {
  const std::int64_t today = (now_seconds() + 19800) / 86400;
  const std::time_t local =
      static_cast<std::time_t>((today - days_ago) * 86400 + hour * 3600 + 600);
  std::tm tm{};
  gmtime_r(&local, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%S+05:30", &tm);
  return out;
}

class BestTimeTest : public SharedServerTest {
 protected:
  // Uploads one sheet of `phones`; their contact ids by phone digits as written.
  std::map<std::string, std::int64_t> upload(const SignedInStaff& owner,
                                             const std::vector<std::string>& phones) {
    std::string csv = "Phone\n";
    for (const auto& p : phones) csv += p + "\n";
    Response up = client(owner).upload(kTracking + "/contacts/upload", "file", "sheet.csv", csv);
    EXPECT_EQ(up.status, 201) << up.raw;
    Response list = client(owner).get(kTracking + "/contacts?limit=100");
    EXPECT_EQ(list.status, 200) << list.raw;
    std::map<std::string, std::int64_t> ids;
    for (const auto& item : list.body["items"]) {
      const std::string phone = item["phone"].get<std::string>();
      for (const auto& p : phones)
        if (phone.ends_with(p)) ids[p] = item["id"].get<std::int64_t>();
    }
    EXPECT_EQ(ids.size(), phones.size()) << list.raw;
    return ids;
  }
  void call(ApiClient& api, std::int64_t contact, bool reached, int days_ago, int hour) {
    Response r = api.post(kTracking + "/contacts/" + std::to_string(contact) + "/interactions",
                          {{"kind", "call"},
                           {"outcome", reached ? "answered" : "no_answer"},
                           {"occurred_at", kolkata_call_time(days_ago, hour)}});
    ASSERT_EQ(r.status, 201) << r.raw;
  }
  static nlohmann::json item_of(const nlohmann::json& list, std::int64_t id) {
    for (const auto& item : list["items"])
      if (item["id"] == id) return item;
    return nullptr;
  }
};

TEST_F(BestTimeTest, OwnCallsGiveTheContactsWindowOthersGetTheShops) {
  SignedInStaff owner = create_shop(server(), "Best Time Pharmacy");
  ApiClient api = client(owner);
  auto ids = upload(owner, {"9876560001", "9876560002", "9876560003", "9876560004"});
  const std::int64_t evening = ids["9876560001"];  // picks up at 19:00, three of three
  const std::int64_t busy = ids["9876560002"];     // the shop's many calls
  const std::int64_t fresh = ids["9876560003"];    // never called
  const std::int64_t twice = ids["9876560004"];    // two calls: too few of its own

  // Before any call, nothing is known.
  Response empty = api.get(kTracking + "/contacts?limit=100");
  ASSERT_EQ(empty.status, 200) << empty.raw;
  EXPECT_TRUE(item_of(empty.body, fresh).contains("best_time")) << empty.raw;
  EXPECT_TRUE(item_of(empty.body, fresh)["best_time"].is_null()) << empty.raw;

  // The shop: 10:00 reaches 6 in 10, 19:00 none of 10.
  for (int k = 0; k < 10; ++k) {
    call(api, busy, k < 6, 2 + k, 10);
    call(api, busy, false, 2 + k, 19);
  }
  for (int k = 0; k < 3; ++k) call(api, evening, true, 3 + k, 19);
  for (int k = 0; k < 2; ++k) call(api, twice, true, 3 + k, 19);

  // Read at once after the calls (no waiting for a cache).
  // reach=all: `busy`, never reached in the evenings, is set aside as unreachable (calls that
  // stop) and would leave the default list; its best time is still worked out.
  Response list = api.get(kTracking + "/contacts?limit=100&reach=all");
  ASSERT_EQ(list.status, 200) << list.raw;
  const nlohmann::json own = item_of(list.body, evening)["best_time"];
  ASSERT_TRUE(own.is_object()) << list.raw;
  EXPECT_EQ(own["basis"], "contact") << own;
  EXPECT_LE(own["start_hour"].get<int>(), 19) << own;
  EXPECT_GT(own["end_hour"].get<int>(), 19) << own;
  EXPECT_TRUE(own["weekday"].is_null()) << own;

  const nlohmann::json shops = item_of(list.body, fresh)["best_time"];
  ASSERT_TRUE(shops.is_object()) << list.raw;
  EXPECT_EQ(shops["basis"], "shop") << shops;
  EXPECT_EQ(shops["start_hour"], 10) << shops;
  EXPECT_EQ(shops["end_hour"], 11) << shops;
  EXPECT_TRUE(shops["weekday"].is_null()) << shops;
  EXPECT_EQ(item_of(list.body, twice)["best_time"], shops) << "two calls are not enough";
  // The shop's window is the contact-times answer's best window.
  Response times = api.get(kTracking + "/insights/contact-times");
  ASSERT_EQ(times.status, 200) << times.raw;
  EXPECT_EQ(times.body["best"][0]["start_hour"], shops["start_hour"]) << times.raw;
  EXPECT_EQ(times.body["best"][0]["end_hour"], shops["end_hour"]) << times.raw;
  // The many calls at 19:00 without an answer steer `busy` to the morning.
  const nlohmann::json busy_time = item_of(list.body, busy)["best_time"];
  EXPECT_EQ(busy_time["basis"], "contact") << busy_time;
  EXPECT_EQ(busy_time["start_hour"], 10) << busy_time;

  // The detail says the same.
  Response detail = api.get(kTracking + "/contacts/" + std::to_string(evening));
  ASSERT_EQ(detail.status, 200) << detail.raw;
  EXPECT_EQ(detail.body["best_time"], own) << detail.raw;
  Response fresh_detail = api.get(kTracking + "/contacts/" + std::to_string(fresh));
  EXPECT_EQ(fresh_detail.body["best_time"], shops) << fresh_detail.raw;

  // A third call makes `twice` its own.
  call(api, twice, true, 6, 19);
  Response after = api.get(kTracking + "/contacts/" + std::to_string(twice));
  EXPECT_EQ(after.body["best_time"]["basis"], "contact") << after.raw;
}

TEST_F(BestTimeTest, AnotherShopsCallsTeachNothing) {
  SignedInStaff busy_owner = create_shop(server(), "Calling Pharmacy");
  ApiClient busy_api = client(busy_owner);
  auto busy_ids = upload(busy_owner, {"9876560011"});
  for (int k = 0; k < 4; ++k) call(busy_api, busy_ids["9876560011"], true, 2 + k, 18);
  Response busy_list = busy_api.get(kTracking + "/contacts?limit=10");
  ASSERT_EQ(busy_list.body["items"][0]["best_time"]["basis"], "contact") << busy_list.raw;

  // Same phone in a second shop: its own history is empty.
  SignedInStaff quiet_owner = create_shop(server(), "Quiet Pharmacy");
  auto quiet_ids = upload(quiet_owner, {"9876560011"});
  Response quiet = client(quiet_owner).get(kTracking + "/contacts?limit=10");
  ASSERT_EQ(quiet.status, 200) << quiet.raw;
  EXPECT_TRUE(quiet.body["items"][0]["best_time"].is_null()) << quiet.raw;
  Response detail =
      client(quiet_owner).get(kTracking + "/contacts/" + std::to_string(quiet_ids["9876560011"]));
  EXPECT_TRUE(detail.body["best_time"].is_null()) << detail.raw;
}

}  // namespace
}  // namespace rx::test
