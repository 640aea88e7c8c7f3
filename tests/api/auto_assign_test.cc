// Assignment that runs itself (issue 21, section 1): an upload shares its new contacts among the
// telecallers within their capacities; a daily job (`rxtrack automate`, or the serve scheduler)
// moves stale contacts and those of staff away or deactivated; every assignment is kept in the
// contact's history.
#include "api_paths.h"
#include "direct_sql.h"
#include "messaging_support.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <map>
#include <set>
#include <thread>

namespace rx::test {
namespace {

// An instant `days` from now, as `rxtrack automate --now` takes it.
std::string instant_in_days(int days) {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() +
                                                             std::chrono::hours(24 * days));
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

// A sheet of `count` new mobile numbers, distinct per `series` (0..99).
std::string sheet(int series, int count) {
  std::string csv = "phone,name\n";
  for (int i = 0; i < count; ++i) {
    char phone[16];
    std::snprintf(phone, sizeof phone, "98%02d%06d", series, i);
    csv += std::string(phone) + ",Person " + std::to_string(i) + "\n";
  }
  return csv;
}

class AutoAssignTest : public SharedServerTest {
 protected:
  struct Shop {
    SignedInStaff owner, manager, priya, rahul, asha;
  };
  Shop shop(const std::string& name) {
    Shop s;
    s.owner = create_shop(server(), name);
    s.manager = add_staff(server(), s.owner, "manager");
    s.priya = add_staff(server(), s.owner, "staff");
    s.rahul = add_staff(server(), s.owner, "staff");
    s.asha = add_staff(server(), s.owner, "staff");
    return s;
  }
  Response settings(const Shop& s, const nlohmann::json& changes) {
    return client(s.owner).put("/api/shop", changes);
  }
  Response staff(const Shop& s, const SignedInStaff& who, const nlohmann::json& changes) {
    return client(s.manager).put("/api/staff/" + std::to_string(who.id), changes);
  }
  Response upload(const Shop& s, int series, int count) {
    return client(s.manager).upload(kTracking + "/contacts/upload", "file", "sheet.csv",
                                    sheet(series, count));
  }
  std::int64_t holds(const Shop& s, const SignedInStaff& who) {
    return client(s.owner)
        .get(kTracking + "/contacts?limit=1&assigned_staff_id=" + std::to_string(who.id))
        .body["total"]
        .get<std::int64_t>();
  }
  std::int64_t unassigned(const Shop& s) {
    return client(s.owner)
        .get(kTracking + "/contacts?limit=1&assigned_staff_id=unassigned")
        .body["total"]
        .get<std::int64_t>();
  }
  std::vector<std::int64_t> contact_ids_of(const Shop& s, const SignedInStaff& who) {
    Response list = client(s.owner).get(
        kTracking + "/contacts?limit=500&sort=oldest&assigned_staff_id=" + std::to_string(who.id));
    std::vector<std::int64_t> ids;
    for (const auto& c : list.body["items"]) ids.push_back(c["id"].get<std::int64_t>());
    return ids;
  }
  nlohmann::json history(const Shop& s, std::int64_t contact_id) {
    Response detail = client(s.owner).get(kTracking + "/contacts/" + std::to_string(contact_id));
    EXPECT_EQ(detail.status, 200) << detail.raw;
    return detail.body["assignments"];
  }
  // Assigns `count` unassigned contacts to `who` by hand.
  void assign(const Shop& s, const SignedInStaff& who, int count) {
    Response res = client(s.manager).post(
        kTracking + "/contacts/assign",
        {{"staff_ids", {who.id}}, {"filter", nlohmann::json::object()}, {"limit", count}});
    ASSERT_EQ(res.status, 200) << res.raw;
    ASSERT_EQ(res.body["assigned"][std::to_string(who.id)], count) << res.raw;
  }
  // One pass of the daily jobs over every shop of the suite's database (its summary counts
  // every shop, so the cases check their own shop's rows).
  void automate(const std::string& now_iso) {
    CommandResult run = run_rxtrack({"automate", "--db", server().db_url(), "--now", now_iso});
    EXPECT_EQ(run.exit_code, 0) << run.out << run.err;
    EXPECT_TRUE(nlohmann::json::parse(run.out, nullptr, false).contains("stale")) << run.out;
  }
  std::string count_rows(const Shop& s, const std::string& table, const std::string& where) {
    return query_text(server().db_url(), "SELECT COUNT(*) FROM " + table + " WHERE shop_id = " +
                                             std::to_string(s.owner.shop_id) + where);
  }
  // Makes a contact look assigned `days` ago with nothing logged since.
  void backdate_assignment(const Shop& s, std::int64_t contact_id, int days) {
    exec_sql(server().db_url(), "UPDATE contact_records SET assigned_at = assigned_at - " +
                                    std::to_string(static_cast<std::int64_t>(days) * 86'400'000) +
                                    " WHERE shop_id = " + std::to_string(s.owner.shop_id) +
                                    " AND id = " + std::to_string(contact_id));
  }
};

TEST_F(AutoAssignTest, AnUploadSharesItsContactsWithinCapacitySkippingTheAwayAndTheManagers) {
  Shop s = shop("Auto Upload Shop");
  ASSERT_EQ(settings(s, {{"auto_assign", "on_upload"}}).status, 200);
  ASSERT_EQ(staff(s, s.priya, {{"max_open_contacts", 3}}).status, 200);
  ASSERT_EQ(staff(s, s.rahul, {{"max_open_contacts", 2}}).status, 200);
  Response away = staff(s, s.asha, {{"away_from", ist_date(-1)}, {"away_until", ist_date(2)}});
  ASSERT_EQ(away.status, 200) << away.raw;
  EXPECT_EQ(away.body["away_until"], ist_date(2));

  Response up = upload(s, 1, 8);
  ASSERT_EQ(up.status, 201) << up.raw;
  EXPECT_EQ(up.body["imported"], 8);
  EXPECT_EQ(up.body["assigned"],
            nlohmann::json({{std::to_string(s.priya.id), 3}, {std::to_string(s.rahul.id), 2}}))
      << up.raw;
  EXPECT_EQ(up.body["unassigned"], 3);
  EXPECT_EQ(holds(s, s.priya), 3);
  EXPECT_EQ(holds(s, s.rahul), 2);
  EXPECT_EQ(holds(s, s.asha), 0);
  EXPECT_EQ(holds(s, s.manager), 0);
  EXPECT_EQ(unassigned(s), 3);

  // Everyone is full: the next sheet stays unassigned.
  Response second = upload(s, 2, 4);
  ASSERT_EQ(second.status, 201) << second.raw;
  EXPECT_EQ(second.body["assigned"][std::to_string(s.priya.id)], 0);
  EXPECT_EQ(second.body["unassigned"], 4);
  EXPECT_EQ(unassigned(s), 7);

  const nlohmann::json rows = history(s, contact_ids_of(s, s.priya).front());
  ASSERT_EQ(rows.size(), 1u) << rows;
  EXPECT_EQ(rows[0]["automatic"], true);
  EXPECT_EQ(rows[0]["by_staff_id"], nullptr);
  EXPECT_EQ(rows[0]["from_staff_id"], nullptr);
  EXPECT_EQ(rows[0]["to_staff_id"], s.priya.id);
  EXPECT_EQ(rows[0]["to_staff_name"], "Test staff");
  EXPECT_EQ(rows[0]["why"], "upload");
}

TEST_F(AutoAssignTest, WithAutoAssignOffAnUploadLeavesEverythingUnassigned) {
  Shop s = shop("Auto Off Shop");
  Response shop_now = client(s.owner).get("/api/shop");
  EXPECT_EQ(shop_now.body["auto_assign"], "off");
  EXPECT_EQ(shop_now.body["reassign_after_days"], nullptr);
  Response up = upload(s, 3, 5);
  ASSERT_EQ(up.status, 201) << up.raw;
  EXPECT_EQ(up.body["assigned"], nlohmann::json::object());
  EXPECT_EQ(up.body["unassigned"], 5);
  EXPECT_EQ(unassigned(s), 5);
}

TEST_F(AutoAssignTest, TwoUploadsAtOnceNeverExceedACapacity) {
  Shop s = shop("Auto Parallel Shop");
  ASSERT_EQ(settings(s, {{"auto_assign", "on_upload"}}).status, 200);
  for (const SignedInStaff* who : {&s.priya, &s.rahul, &s.asha})
    ASSERT_EQ(staff(s, *who, {{"max_open_contacts", 10}}).status, 200);
  std::vector<Response> answers(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) threads.emplace_back([&, i] { answers[i] = upload(s, 10 + i, 12); });
  for (auto& t : threads) t.join();
  std::int64_t given = 0;
  std::int64_t left = 0;
  for (const Response& a : answers) {
    ASSERT_EQ(a.status, 201) << a.raw;
    for (const auto& [id, n] : a.body["assigned"].items()) given += n.get<std::int64_t>();
    left += a.body["unassigned"].get<std::int64_t>();
  }
  EXPECT_EQ(given, 30);
  EXPECT_EQ(left, 18);
  for (const SignedInStaff* who : {&s.priya, &s.rahul, &s.asha}) EXPECT_EQ(holds(s, *who), 10);
  EXPECT_EQ(unassigned(s), 18);
}

TEST_F(AutoAssignTest, ManualAssignKeepsToCapacityRefusesTheAwayAndIsKept) {
  Shop s = shop("Manual Capacity Shop");
  ASSERT_EQ(upload(s, 4, 6).status, 201);
  ASSERT_EQ(staff(s, s.priya, {{"max_open_contacts", 2}}).status, 200);
  Response res =
      client(s.manager).post(kTracking + "/contacts/assign",
                             {{"staff_ids", {s.priya.id}}, {"filter", nlohmann::json::object()}});
  ASSERT_EQ(res.status, 200) << res.raw;
  EXPECT_EQ(res.body["assigned"][std::to_string(s.priya.id)], 2);
  EXPECT_EQ(res.body["unassigned"], 4);
  EXPECT_EQ(holds(s, s.priya), 2);

  const nlohmann::json rows = history(s, contact_ids_of(s, s.priya).front());
  ASSERT_EQ(rows.size(), 1u) << rows;
  EXPECT_EQ(rows[0]["automatic"], false);
  EXPECT_EQ(rows[0]["by_staff_id"], s.manager.id);
  EXPECT_EQ(rows[0]["by_staff_name"], "Test manager");
  EXPECT_EQ(rows[0]["why"], "manual");

  ASSERT_EQ(staff(s, s.rahul, {{"away_from", ist_date(0)}}).status, 200);
  Response refused =
      client(s.manager).post(kTracking + "/contacts/assign",
                             {{"staff_ids", {s.rahul.id}}, {"filter", nlohmann::json::object()}});
  expect_error(refused, 422, "validation_failed");
  EXPECT_TRUE(refused.body["error"]["details"]["fields"].contains("staff_ids")) << refused.raw;
  EXPECT_EQ(holds(s, s.rahul), 0);

  // Moving one of Priya's to Rahul (back from leave) records from and to.
  ASSERT_EQ(staff(s, s.rahul, {{"away_from", nullptr}}).status, 200);
  const std::int64_t moved = contact_ids_of(s, s.priya).front();
  Response reassign = client(s.manager).post(
      kTracking + "/contacts/assign",
      {{"staff_ids", {s.rahul.id}}, {"contact_ids", {moved}}, {"reassign", true}});
  ASSERT_EQ(reassign.status, 200) << reassign.raw;
  const nlohmann::json after = history(s, moved);
  ASSERT_EQ(after.size(), 2u) << after;
  EXPECT_EQ(after[0]["from_staff_id"], s.priya.id);
  EXPECT_EQ(after[0]["to_staff_id"], s.rahul.id);
}

TEST_F(AutoAssignTest, AContactUnworkedForTheSetDaysMovesOnceADayAsTheClockMoves) {
  Shop s = shop("Stale Shop");
  ASSERT_EQ(upload(s, 5, 4).status, 201);
  ASSERT_NO_FATAL_FAILURE(assign(s, s.priya, 2));
  ASSERT_EQ(staff(s, s.asha, {{"active", false}}).status, 200);  // only Rahul can take them
  const std::vector<std::int64_t> priyas = contact_ids_of(s, s.priya);
  ASSERT_EQ(priyas.size(), 2u);
  // The first was assigned 5 days ago and never worked; the second was just worked.
  backdate_assignment(s, priyas[0], 5);
  ASSERT_EQ(client(s.priya)
                .post(kTracking + "/contacts/" + std::to_string(priyas[1]) + "/interactions",
                      {{"kind", "call"}, {"outcome", "no_answer"}})
                .status,
            201);

  // Off until the shop sets a number of days.
  automate(instant_in_days(0));
  EXPECT_EQ(holds(s, s.priya), 2);
  EXPECT_EQ(count_rows(s, "automation_runs", ""), "0");
  ASSERT_EQ(settings(s, {{"reassign_after_days", 3}}).status, 200);

  automate(instant_in_days(0));
  EXPECT_EQ(count_rows(s, "automation_runs", ""), "1");
  EXPECT_EQ(count_rows(s, "contact_assignments", " AND why = 'stale'"), "1");
  EXPECT_EQ(contact_ids_of(s, s.priya), std::vector<std::int64_t>{priyas[1]});
  EXPECT_EQ(contact_ids_of(s, s.rahul), std::vector<std::int64_t>{priyas[0]});
  const nlohmann::json rows = history(s, priyas[0]);
  ASSERT_EQ(rows.size(), 2u) << rows;
  EXPECT_EQ(rows[0]["automatic"], true);
  EXPECT_EQ(rows[0]["why"], "stale");
  EXPECT_EQ(rows[0]["from_staff_id"], s.priya.id);
  EXPECT_EQ(rows[0]["to_staff_id"], s.rahul.id);

  // A second pass the same day does nothing, whatever it finds.
  backdate_assignment(s, priyas[0], 5);
  automate(instant_in_days(0));
  EXPECT_EQ(contact_ids_of(s, s.rahul), std::vector<std::int64_t>{priyas[0]});
  EXPECT_EQ(count_rows(s, "contact_assignments", " AND why = 'stale'"), "1");

  // Four days on, both have gone unworked for 3 days: Priya's goes to Rahul, Rahul's to Priya.
  automate(instant_in_days(4));
  EXPECT_EQ(count_rows(s, "automation_runs", ""), "2");
  EXPECT_EQ(count_rows(s, "contact_assignments", " AND why = 'stale'"), "3");
  EXPECT_EQ(contact_ids_of(s, s.priya), std::vector<std::int64_t>{priyas[0]});
  EXPECT_EQ(contact_ids_of(s, s.rahul), std::vector<std::int64_t>{priyas[1]});
}

TEST_F(AutoAssignTest, TheOpenContactsOfStaffDeactivatedOrAwayMoveToThoseWithRoom) {
  Shop s = shop("Leavers Shop");
  ASSERT_EQ(upload(s, 6, 6).status, 201);
  ASSERT_NO_FATAL_FAILURE(assign(s, s.priya, 2));
  ASSERT_NO_FATAL_FAILURE(assign(s, s.rahul, 2));
  ASSERT_EQ(settings(s, {{"reassign_after_days", 30}}).status, 200);
  ASSERT_EQ(staff(s, s.asha, {{"max_open_contacts", 3}}).status, 200);
  ASSERT_EQ(staff(s, s.priya, {{"active", false}}).status, 200);
  ASSERT_EQ(staff(s, s.rahul, {{"away_from", ist_date(0)}, {"away_until", ist_date(3)}}).status,
            200);
  const std::vector<std::int64_t> rahuls = contact_ids_of(s, s.rahul);

  automate(instant_in_days(0));
  EXPECT_EQ(count_rows(s, "contact_assignments", " AND why = 'deactivated'"), "2");
  EXPECT_EQ(count_rows(s, "contact_assignments", " AND why = 'away'"), "1");
  EXPECT_EQ(holds(s, s.asha), 3);
  EXPECT_EQ(holds(s, s.priya), 0);
  EXPECT_EQ(holds(s, s.rahul), 1);
  // Of Rahul's two, the one that moved says why and who took it.
  const std::int64_t kept = contact_ids_of(s, s.rahul).at(0);
  const std::int64_t moved = rahuls.at(0) == kept ? rahuls.at(1) : rahuls.at(0);
  const nlohmann::json rows = history(s, moved);
  ASSERT_EQ(rows.size(), 2u) << rows;
  EXPECT_EQ(rows[0]["why"], "away");
  EXPECT_EQ(rows[0]["automatic"], true);
  EXPECT_EQ(rows[0]["from_staff_id"], s.rahul.id);
  EXPECT_EQ(rows[0]["to_staff_id"], s.asha.id);
  EXPECT_EQ(history(s, kept).size(), 1u) << "the one no one had room for stays, unrecorded";
}

TEST_F(AutoAssignTest, TwoServersRunningTheDailyJobAtOnceMoveEachContactOnce) {
  Shop s = shop("Two Runners Shop");
  ASSERT_EQ(upload(s, 7, 20).status, 201);
  ASSERT_NO_FATAL_FAILURE(assign(s, s.priya, 20));
  ASSERT_EQ(settings(s, {{"reassign_after_days", 2}}).status, 200);
  const std::string now = instant_in_days(3);
  BackgroundCommand first({"automate", "--db", server().db_url(), "--now", now});
  BackgroundCommand second({"automate", "--db", server().db_url(), "--now", now});
  const CommandResult a = first.finish();
  const CommandResult b = second.finish();
  ASSERT_EQ(a.exit_code, 0) << a.out;
  ASSERT_EQ(b.exit_code, 0) << b.out;
  EXPECT_EQ(count_rows(s, "automation_runs", ""), "1");
  EXPECT_EQ(holds(s, s.priya), 0);
  EXPECT_EQ(holds(s, s.rahul) + holds(s, s.asha), 20);
  EXPECT_EQ(count_rows(s, "contact_assignments", " AND why = 'stale'"), "20");
  EXPECT_EQ(query_text(server().db_url(),
                       "SELECT COUNT(DISTINCT contact_id) FROM contact_assignments WHERE why = "
                       "'stale' AND shop_id = " +
                           std::to_string(s.owner.shop_id)),
            "20");
}

TEST_F(AutoAssignTest, TwoServeSchedulersMoveEachContactOnce) {
  Shop s = shop("Two Schedulers Shop");
  ASSERT_EQ(upload(s, 8, 10).status, 201);
  ASSERT_NO_FATAL_FAILURE(assign(s, s.priya, 10));
  for (std::int64_t id : contact_ids_of(s, s.priya)) backdate_assignment(s, id, 3);
  {
    const std::vector<std::string> scheduler = {"--scheduler-interval", "1"};
    TestServer first(ExistingDatabase{server().db_url()}, scheduler);
    TestServer second(ExistingDatabase{server().db_url()}, scheduler);
    ASSERT_EQ(settings(s, {{"reassign_after_days", 2}}).status, 200);
    for (int i = 0; i < 100 && holds(s, s.priya) > 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // more passes of both
    EXPECT_EQ(first.stop(), 0);
    EXPECT_EQ(second.stop(), 0);
  }
  EXPECT_EQ(holds(s, s.priya), 0);
  EXPECT_EQ(holds(s, s.rahul) + holds(s, s.asha), 10);
  EXPECT_EQ(count_rows(s, "contact_assignments", " AND why = 'stale'"), "10");
}

TEST_F(AutoAssignTest, BadSettingsAre422NamingTheFieldAndStoreNothing) {
  Shop s = shop("Bad Settings Shop");
  const auto fails_on = [&](const Response& res, const std::string& field) {
    expect_error(res, 422, "validation_failed");
    EXPECT_TRUE(res.body["error"]["details"]["fields"].contains(field)) << res.raw;
  };
  fails_on(settings(s, {{"auto_assign", "sometimes"}}), "auto_assign");
  fails_on(settings(s, {{"auto_assign", 1}}), "auto_assign");
  fails_on(settings(s, {{"reassign_after_days", 0}}), "reassign_after_days");
  fails_on(settings(s, {{"reassign_after_days", 366}}), "reassign_after_days");
  fails_on(settings(s, {{"reassign_after_days", "3"}}), "reassign_after_days");
  fails_on(settings(s, {{"auto_assign", "on_upload"}, {"reassign_after_days", -1}}),
           "reassign_after_days");
  Response shop_now = client(s.owner).get("/api/shop");
  EXPECT_EQ(shop_now.body["auto_assign"], "off");
  EXPECT_EQ(shop_now.body["reassign_after_days"], nullptr);
  expect_error(client(s.manager).put("/api/shop", {{"auto_assign", "on_upload"}}), 403,
               "forbidden");

  fails_on(staff(s, s.priya, {{"max_open_contacts", 0}}), "max_open_contacts");
  fails_on(staff(s, s.priya, {{"max_open_contacts", "5"}}), "max_open_contacts");
  fails_on(staff(s, s.priya, {{"away_from", "2026-13-01"}}), "away_from");
  fails_on(staff(s, s.priya, {{"away_until", "tomorrow"}}), "away_until");
  fails_on(staff(s, s.priya, {{"away_from", ist_date(5)}, {"away_until", ist_date(1)}}),
           "away_until");
  ASSERT_EQ(staff(s, s.priya, {{"away_from", ist_date(5)}}).status, 200);
  fails_on(staff(s, s.priya, {{"away_until", ist_date(4)}}), "away_until");
  Response member = client(s.manager).get("/api/staff/" + std::to_string(s.priya.id));
  EXPECT_EQ(member.body["max_open_contacts"], nullptr);
  EXPECT_EQ(member.body["away_from"], ist_date(5));
  EXPECT_EQ(member.body["away_until"], nullptr);

  // Another shop's staff member is not there to set.
  SignedInStaff other = create_shop(server(), "Other Capacity Shop");
  expect_error(
      client(other).put("/api/staff/" + std::to_string(s.priya.id), {{"max_open_contacts", 3}}),
      404, "not_found");
  EXPECT_EQ(
      client(s.manager).get("/api/staff/" + std::to_string(s.priya.id)).body["max_open_contacts"],
      nullptr);
}

}  // namespace
}  // namespace rx::test
