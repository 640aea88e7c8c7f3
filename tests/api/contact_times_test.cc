// Calls logged after the fact (occurred_at) and the best time to reach a shop's contacts
// (GET /insights/contact-times), on both engines.
#include "api_paths.h"
#include "test_clock.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <string>

namespace rx::test {
namespace {

const std::string kTimes = kTracking + "/insights/contact-times";

// The instant written as RFC 3339 at a fixed offset (seconds east of UTC).
std::string rfc3339(std::int64_t epoch_seconds, int offset_seconds = 19800) {
  const std::time_t t = static_cast<std::time_t>(epoch_seconds + offset_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%S", &tm);
  if (offset_seconds == 0) return std::string(out) + "Z";
  return std::string(out) + (offset_seconds == 19800 ? "+05:30" : "+00:00");
}

// ISO weekday (Monday = 1) of a day counted from the epoch (1970-01-01 was a Thursday).
int iso_weekday(std::int64_t epoch_day) { return static_cast<int>((epoch_day + 3) % 7) + 1; }

const nlohmann::json& cell(const nlohmann::json& times, int weekday, int hour) {
  return times["cells"][static_cast<std::size_t>((weekday - 1) * 24 + hour)];
}

class ContactTimesTest : public SharedServerTest {
 protected:
  // The contact of a fresh shop (a sheet of one phone).
  std::int64_t new_contact(const SignedInStaff& owner, const std::string& phone) {
    Response up = client(owner).upload(kTracking + "/contacts/upload", "file", "one.csv",
                                       "Phone\n" + phone + "\n");
    EXPECT_EQ(up.status, 201) << up.raw;
    Response list = client(owner).get(kTracking + "/contacts?limit=1");
    EXPECT_EQ(list.status, 200) << list.raw;
    EXPECT_FALSE(list.body["items"].empty()) << list.raw;
    return list.body["items"].empty() ? 0 : list.body["items"][0]["id"].get<std::int64_t>();
  }
  Response log(ApiClient& who, std::int64_t contact, const std::string& outcome,
               const std::string& occurred_at, const std::string& kind = "call") {
    nlohmann::json body = {{"kind", kind}, {"outcome", outcome}};
    if (!occurred_at.empty()) body["occurred_at"] = occurred_at;
    return who.post(kTracking + "/contacts/" + std::to_string(contact) + "/interactions", body);
  }
};

TEST_F(ContactTimesTest, OccurredAtIsStoredShownAndBounded) {
  SignedInStaff owner = create_shop(server(), "Late Log Pharmacy");
  ApiClient api = client(owner);
  const std::int64_t id = new_contact(owner, "9876500011");
  const std::string two_hours_ago = rfc3339(now_seconds() - 2 * 3600);
  Response logged = log(api, id, "answered", two_hours_ago);
  ASSERT_EQ(logged.status, 201) << logged.raw;
  EXPECT_EQ(logged.body["occurred_at"], two_hours_ago);
  EXPECT_NE(logged.body["created_at"], two_hours_ago);
  // The same instant written in UTC is the same moment, shown in the shop's zone.
  const std::int64_t three_hours_ago = now_seconds() - 3 * 3600;
  Response utc = log(api, id, "busy", rfc3339(three_hours_ago, 0));
  ASSERT_EQ(utc.status, 201) << utc.raw;
  EXPECT_EQ(utc.body["occurred_at"], rfc3339(three_hours_ago));
  Response now = log(api, id, "no_answer", "");
  ASSERT_EQ(now.status, 201) << now.raw;
  EXPECT_EQ(now.body["occurred_at"], now.body["created_at"]);

  Response page = api.get(kTracking + "/contacts/" + std::to_string(id) + "/interactions");
  ASSERT_EQ(page.status, 200) << page.raw;
  bool found = false;
  for (const auto& item : page.body["items"]) {
    ASSERT_TRUE(item.contains("occurred_at")) << page.raw;
    ASSERT_TRUE(item.contains("created_at")) << page.raw;
    if (item["occurred_at"] == two_hours_ago) found = item["created_at"] != two_hours_ago;
  }
  EXPECT_TRUE(found) << page.raw;
  Response detail = api.get(kTracking + "/contacts/" + std::to_string(id));
  ASSERT_EQ(detail.status, 200) << detail.raw;
  EXPECT_TRUE(detail.body["interactions"][0].contains("occurred_at")) << detail.raw;

  for (const std::string& bad :
       {rfc3339(now_seconds() + 10 * 60), rfc3339(now_seconds() - 31LL * 24 * 3600),
        std::string("yesterday"), std::string("2026-12-07T18:30:00"), std::string("2026-12-07"),
        std::string("2026-13-07T18:30:00+05:30")}) {
    Response refused = log(api, id, "answered", bad);
    expect_error(refused, 422, "validation_failed");
    EXPECT_TRUE(refused.body["error"]["details"]["fields"].contains("occurred_at"))
        << bad << " " << refused.raw;
  }
  // Nothing refused was stored.
  Response after = api.get(kTracking + "/contacts/" + std::to_string(id) + "/interactions");
  EXPECT_EQ(after.body["items"].size(), 3u) << after.raw;
  // Four minutes ahead (a fast phone clock) is accepted.
  EXPECT_EQ(log(api, id, "answered", rfc3339(now_seconds() + 4 * 60)).status, 201);
}

TEST_F(ContactTimesTest, CallsAreCountedWhenTheyHappenedInTheShopsZone) {
  SignedInStaff owner = create_shop(server(), "Midnight Pharmacy");
  ApiClient api = client(owner);
  const std::int64_t id = new_contact(owner, "9876500012");
  // 18:45 UTC three days ago is 00:15 the next day in Kolkata.
  const std::int64_t day = now_seconds() / 86400 - 3;
  const std::int64_t at = day * 86400 + 18 * 3600 + 45 * 60;
  ASSERT_EQ(log(api, id, "no_answer", rfc3339(at, 0)).status, 201);
  ASSERT_EQ(log(api, id, "answered", rfc3339(at + 60, 0)).status, 201);
  // Messages are not calls.
  ASSERT_EQ(log(api, id, "interested", rfc3339(at, 0), "whatsapp").status, 201);

  Response times = api.get(kTimes);
  ASSERT_EQ(times.status, 200) << times.raw;
  EXPECT_EQ(times.body["time_zone"], "Asia/Kolkata");
  EXPECT_EQ(times.body["to"], ist_date());
  EXPECT_EQ(times.body["from"], ist_date(-89));
  EXPECT_EQ(times.body["overall"]["attempts"], 2) << times.raw;
  EXPECT_EQ(times.body["overall"]["reached"], 1) << times.raw;
  EXPECT_DOUBLE_EQ(times.body["overall"]["rate"].get<double>(), 0.5);
  ASSERT_EQ(times.body["cells"].size(), 168u);
  const nlohmann::json& midnight = cell(times.body, iso_weekday(day + 1), 0);
  EXPECT_EQ(midnight["weekday"], iso_weekday(day + 1));
  EXPECT_EQ(midnight["hour"], 0);
  EXPECT_EQ(midnight["attempts"], 2) << midnight;
  EXPECT_EQ(midnight["reached"], 1) << midnight;
  EXPECT_LE(midnight["low"].get<double>(), midnight["rate"].get<double>());
  EXPECT_GE(midnight["high"].get<double>(), midnight["rate"].get<double>());
  // Not in UTC's bucket, and not when they were logged.
  EXPECT_EQ(cell(times.body, iso_weekday(day), 18)["attempts"], 0);
  std::int64_t total = 0;
  for (const auto& c : times.body["cells"]) total += c["attempts"].get<std::int64_t>();
  EXPECT_EQ(total, 2);

  // A window that ends before the calls counts none of them.
  Response before = api.get(kTimes + "?to=" + ist_date(-10) + "&from=" + ist_date(-20));
  ASSERT_EQ(before.status, 200) << before.raw;
  EXPECT_EQ(before.body["overall"]["attempts"], 0) << before.raw;
}

TEST_F(ContactTimesTest, TheBestWindowHoldsTheHourWithTheHighestReach) {
  SignedInStaff owner = create_shop(server(), "Evening Pharmacy");
  ApiClient api = client(owner);
  const std::int64_t id = new_contact(owner, "9876500013");
  const std::int64_t today = (now_seconds() + 19800) / 86400;  // the Kolkata day number
  // Hours 10..19 local: 10 calls each over 10 days; hour 18 picks up 9 in 10, the rest 2 in 10.
  for (int hour = 10; hour <= 19; ++hour) {
    for (int k = 0; k < 10; ++k) {
      const std::int64_t local = (today - 2 - k) * 86400 + hour * 3600 + 600;
      const bool reached = hour == 18 ? k < 9 : k < 2;
      ASSERT_EQ(log(api, id, reached ? "answered" : "no_answer", rfc3339(local - 19800)).status,
                201);
    }
  }
  Response times = api.get(kTimes);
  ASSERT_EQ(times.status, 200) << times.raw;
  EXPECT_EQ(times.body["overall"]["attempts"], 100);
  ASSERT_FALSE(times.body["best"].empty()) << times.raw;
  const nlohmann::json& best = times.body["best"][0];
  EXPECT_LE(best["start_hour"].get<int>(), 18) << best;
  EXPECT_GT(best["end_hour"].get<int>(), 18) << best;
  EXPECT_LE(times.body["best"].size(), 3u);

  // Calling hours that end at 17 keep every best window before 17.
  Response shop = api.put("/api/shop", {{"call_window_start", 9}, {"call_window_end", 17}});
  ASSERT_EQ(shop.status, 200) << shop.raw;
  EXPECT_EQ(shop.body["call_window_start"], 9);
  EXPECT_EQ(shop.body["call_window_end"], 17);
  Response inside = api.get(kTimes);
  ASSERT_EQ(inside.status, 200) << inside.raw;
  ASSERT_FALSE(inside.body["best"].empty()) << inside.raw;
  for (const auto& w : inside.body["best"]) {
    EXPECT_GE(w["start_hour"].get<int>(), 9) << w;
    EXPECT_LE(w["end_hour"].get<int>(), 17) << w;
  }
}

TEST_F(ContactTimesTest, CallWindowSettingsAreValidated) {
  SignedInStaff owner = create_shop(server(), "Window Pharmacy");
  ApiClient api = client(owner);
  Response shop = api.get("/api/shop");
  ASSERT_EQ(shop.status, 200) << shop.raw;
  EXPECT_EQ(shop.body["call_window_start"], 9);
  EXPECT_EQ(shop.body["call_window_end"], 21);
  const std::vector<std::pair<nlohmann::json, std::string>> bad = {
      {{{"call_window_start", -1}}, "call_window_start"},
      {{{"call_window_start", 24}}, "call_window_start"},
      {{{"call_window_end", 25}}, "call_window_end"},
      {{{"call_window_end", 0}}, "call_window_end"},
      {{{"call_window_start", "nine"}}, "call_window_start"},
      {{{"call_window_start", 21}, {"call_window_end", 9}}, "call_window_end"},
      {{{"call_window_start", 22}}, "call_window_start"},
  };
  for (const auto& [body, field] : bad) {
    Response refused = api.put("/api/shop", body);
    expect_error(refused, 422, "validation_failed");
    EXPECT_TRUE(refused.body["error"]["details"]["fields"].contains(field))
        << body << " " << refused.raw;
  }
  Response kept = api.get("/api/shop");
  EXPECT_EQ(kept.body["call_window_start"], 9);
  EXPECT_EQ(kept.body["call_window_end"], 21);
  Response whole_day = api.put("/api/shop", {{"call_window_start", 0}, {"call_window_end", 24}});
  ASSERT_EQ(whole_day.status, 200) << whole_day.raw;
  EXPECT_EQ(api.get("/api/shop").body["call_window_end"], 24);
}

TEST_F(ContactTimesTest, BadQueryValuesAnswer422NamingTheField) {
  SignedInStaff owner = create_shop(server(), "Query Pharmacy");
  SignedInStaff other = create_shop(server(), "Other Query Pharmacy");
  SignedInStaff stranger = add_staff(server(), other, "staff");
  ApiClient api = client(owner);
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"?from=2026-13-01", "from"},
      {"?to=soon", "to"},
      {"?from=" + ist_date(-1) + "&to=" + ist_date(-5), "from"},
      {"?staff_id=abc", "staff_id"},
      {"?staff_id=-3", "staff_id"},
      {"?staff_id=999999999", "staff_id"},
      {"?staff_id=" + std::to_string(stranger.id), "staff_id"},
  };
  for (const auto& [query, field] : bad) {
    Response refused = api.get(kTimes + query);
    expect_error(refused, 422, "validation_failed");
    EXPECT_TRUE(refused.body["error"]["details"]["fields"].contains(field))
        << query << " " << refused.raw;
  }
}

TEST_F(ContactTimesTest, OneShopsCallsNeverReachAnothersFigures) {
  SignedInStaff a = create_shop(server(), "Shop A Times");
  SignedInStaff b = create_shop(server(), "Shop B Times");
  SignedInStaff a_staff = add_staff(server(), a, "staff");
  ApiClient api_a = client(a);
  ApiClient api_b = client(b);
  const std::int64_t contact_a = new_contact(a, "9876500014");
  const std::int64_t contact_b = new_contact(b, "9876500015");
  const std::string yesterday = rfc3339(now_seconds() - 86400);
  ASSERT_EQ(log(api_a, contact_a, "answered", yesterday).status, 201);
  for (int k = 0; k < 5; ++k) ASSERT_EQ(log(api_b, contact_b, "busy", yesterday).status, 201);
  // Shop A's contact, assigned to its staff member, who logs one call.
  ASSERT_EQ(api_a
                .post(kTracking + "/contacts/assign",
                      {{"staff_ids", {a_staff.id}}, {"contact_ids", {contact_a}}})
                .status,
            200);
  ApiClient staff_api = client(a_staff);
  ASSERT_EQ(log(staff_api, contact_a, "switched_off", yesterday).status, 201);

  Response times_a = api_a.get(kTimes);
  ASSERT_EQ(times_a.status, 200) << times_a.raw;
  EXPECT_EQ(times_a.body["overall"]["attempts"], 2) << times_a.raw;
  EXPECT_EQ(times_a.body["overall"]["reached"], 1) << times_a.raw;
  Response times_b = api_b.get(kTimes);
  EXPECT_EQ(times_b.body["overall"]["attempts"], 5) << times_b.raw;
  // Staff see the shop's figures too, and one staff member's alone on request.
  Response seen_by_staff = staff_api.get(kTimes);
  ASSERT_EQ(seen_by_staff.status, 200) << seen_by_staff.raw;
  EXPECT_EQ(seen_by_staff.body["overall"]["attempts"], 2);
  Response only_staff = api_a.get(kTimes + "?staff_id=" + std::to_string(a_staff.id));
  ASSERT_EQ(only_staff.status, 200) << only_staff.raw;
  EXPECT_EQ(only_staff.body["overall"]["attempts"], 1);
  EXPECT_EQ(only_staff.body["overall"]["reached"], 0);
  // Shop B's staff id is not one of shop A's.
  expect_error(api_b.get(kTimes + "?staff_id=" + std::to_string(a_staff.id)), 422,
               "validation_failed");
}

}  // namespace
}  // namespace rx::test
