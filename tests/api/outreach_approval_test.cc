// Look before sending (issue 21, section 4): a shop in review mode has each reminder pass hold
// its messages as awaiting_approval; a manager approves some or all (POST /api/messages/approve)
// and the next pass sends only those; the rest expire at the end of the send window onto the call
// list. Approval and expiry race for rows by conditional updates and never both win.
#include "messaging_support.h"

#include <algorithm>
#include <future>
#include <map>
#include <set>

namespace rx::test {
namespace {

const std::string kApprove = "/api/messages/approve";

std::int64_t reminder_of(const nlohmann::json& bill) {
  return bill["reminders"][0]["id"].get<std::int64_t>();
}

std::set<std::int64_t> id_set(const nlohmann::json& ids) {
  std::set<std::int64_t> out;
  for (const auto& id : ids) out.insert(id.get<std::int64_t>());
  return out;
}

class OutreachApprovalTest : public MessagingTest {
 protected:
  static void set_mode(const SignedInStaff& owner, const std::string& mode) {
    Response res = client(owner).put("/api/shop", {{"outreach_approval", mode}});
    ASSERT_EQ(res.status, 200) << res.raw;
    ASSERT_EQ(res.body["outreach_approval"], mode);
  }
  // Message id -> status, over the whole outbox.
  static std::map<std::int64_t, std::string> statuses(const SignedInStaff& who) {
    std::map<std::int64_t, std::string> out;
    const nlohmann::json outbox = messages(who);  // kept: the loop reads into it
    for (const auto& m : outbox["items"]) {
      out[m["id"].get<std::int64_t>()] = m["status"].get<std::string>();
    }
    return out;
  }
  // The messages awaiting approval, reminder id -> message id.
  static std::map<std::int64_t, std::int64_t> awaiting(const SignedInStaff& who) {
    std::map<std::int64_t, std::int64_t> out;
    const nlohmann::json outbox = messages(who, "&status=awaiting_approval");
    for (const auto& m : outbox["items"]) {
      out[m["refill_reminder_id"].get<std::int64_t>()] = m["id"].get<std::int64_t>();
    }
    return out;
  }
  static nlohmann::json audit(const SignedInStaff& owner, const std::string& action) {
    Response res = client(owner).get("/api/audit?action=" + action);
    EXPECT_EQ(res.status, 200) << res.raw;
    return res.body["items"];
  }
};

TEST_F(OutreachApprovalTest, ReviewModeHoldsMessagesSendsOnlyTheApprovedAndExpiresTheRest) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Review Shop");
  SignedInStaff manager = add_staff(server(), owner, "manager");
  configure(owner, whatsapp_settings(graph));
  set_mode(owner, "review");
  const nlohmann::json meera = due_bill(owner, "9876543101", "Meera", true, false);
  const nlohmann::json ravi = due_bill(owner, "9876543102", "Ravi", true, false);
  const nlohmann::json asha = due_bill(owner, "9876543103", "Asha", true, false);

  // The morning pass holds all three; nothing goes out, and none is on the call list meanwhile.
  const std::string morning = ist_instant(1, "10:00");
  RemindSummary first = remind(server(), morning);
  EXPECT_EQ(first.counts["awaiting_approval"], 3) << first.counts;
  EXPECT_EQ(first.counts["queued"], 0) << first.counts;
  EXPECT_EQ(first.counts["sent"], 0) << first.counts;
  EXPECT_EQ(graph.count(), 0u);
  std::map<std::int64_t, std::int64_t> held = awaiting(manager);
  ASSERT_EQ(held.size(), 3u);
  EXPECT_TRUE(call_list(owner).empty());
  // Another pass in the window neither sends them nor queues them again.
  RemindSummary again = remind(server(), plus_minutes(morning, 5));
  EXPECT_EQ(again.counts["awaiting_approval"], 0) << again.counts;
  EXPECT_EQ(graph.count(), 0u) << "the sender never sends a message awaiting approval";

  // The manager leaves Asha out and approves the other two.
  const std::int64_t meera_message = held.at(reminder_of(meera));
  const std::int64_t ravi_message = held.at(reminder_of(ravi));
  const std::int64_t asha_message = held.at(reminder_of(asha));
  Response approved =
      client(manager).post(kApprove, {{"ids", {meera_message, ravi_message, ravi_message}}});
  ASSERT_EQ(approved.status, 200) << approved.raw;
  EXPECT_EQ(approved.body["approved"], 2);
  EXPECT_EQ(id_set(approved.body["ids"]), (std::set<std::int64_t>{meera_message, ravi_message}));
  EXPECT_EQ(statuses(owner).at(meera_message), "queued");
  EXPECT_EQ(statuses(owner).at(asha_message), "awaiting_approval");

  RemindSummary send = remind(server(), plus_minutes(morning, 10));
  EXPECT_EQ(send.counts["sent"], 2) << send.counts;
  ASSERT_EQ(graph.count(), 2u);
  std::set<std::string> recipients;
  for (const RecordedRequest& r : graph.requests())
    recipients.insert(r.body["to"].get<std::string>());
  EXPECT_EQ(recipients, (std::set<std::string>{"919876543101", "919876543102"}));
  EXPECT_EQ(statuses(owner).at(asha_message), "awaiting_approval");

  // The window (09:00-20:00) closes: Asha's message expires and her reminder is on the call list.
  RemindSummary evening = remind(server(), ist_instant(1, "20:30"));
  EXPECT_EQ(evening.counts["expired"], 1) << evening.counts;
  EXPECT_EQ(evening.counts["sent"], 0) << evening.counts;
  EXPECT_EQ(statuses(owner).at(asha_message), "expired");
  EXPECT_EQ(call_list(owner), std::vector<std::int64_t>{reminder_of(asha)});
  EXPECT_EQ(messages(owner, "&status=expired")["total"], 1);

  // Approving it now is too late; approving a sent one is a conflict too. Nothing changes.
  Response late = client(manager).post(kApprove, {{"ids", {asha_message}}});
  expect_error(late, 409, "conflict");
  EXPECT_EQ(late.body["error"]["details"]["ids"], nlohmann::json::array({asha_message}));
  EXPECT_EQ(late.body["error"]["details"]["statuses"][std::to_string(asha_message)], "expired");
  Response mixed = client(manager).post(kApprove, {{"ids", {asha_message, meera_message}}});
  expect_error(mixed, 409, "conflict");
  EXPECT_EQ(id_set(mixed.body["error"]["details"]["ids"]),
            (std::set<std::int64_t>{asha_message, meera_message}));
  EXPECT_EQ(mixed.body["error"]["details"]["statuses"][std::to_string(meera_message)], "sent");

  // The next day's pass sends nothing for the expired step (no SMS, no second WhatsApp): it is
  // the call list's.
  RemindSummary next_day = remind(server(), ist_instant(2, "10:00"));
  EXPECT_EQ(next_day.counts["awaiting_approval"], 0) << next_day.counts;
  EXPECT_EQ(next_day.counts["queued"], 0) << next_day.counts;
  EXPECT_EQ(graph.count(), 2u);
  EXPECT_EQ(statuses(owner).at(asha_message), "expired");
  EXPECT_EQ(call_list(owner), std::vector<std::int64_t>{reminder_of(asha)});

  // The audit shows who approved how many, and the expiry.
  const nlohmann::json approvals = audit(owner, "message.approve");
  ASSERT_EQ(approvals.size(), 1u) << approvals;
  EXPECT_EQ(approvals[0]["staff_id"], manager.id);
  EXPECT_EQ(approvals[0]["details"]["count"], 2);
  const nlohmann::json expiries = audit(owner, "message.expire");
  ASSERT_EQ(expiries.size(), 1u) << expiries;
  EXPECT_TRUE(expiries[0]["staff_id"].is_null());
  EXPECT_EQ(expiries[0]["details"]["count"], 1);
  EXPECT_EQ(expiries[0]["details"]["ids"], nlohmann::json::array({asha_message}));
}

TEST_F(OutreachApprovalTest, ApproveAllQueuesEverythingAwaitingAndTheNextPassSendsIt) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Approve All Shop");
  configure(owner, whatsapp_settings(graph));
  set_mode(owner, "review");
  for (int i = 0; i < 3; ++i) {
    due_bill(owner, "98765432" + std::to_string(10 + i), "Customer " + std::to_string(i), true,
             false);
  }
  const std::string morning = ist_instant(1, "10:00");
  remind(server(), morning);
  ASSERT_EQ(awaiting(owner).size(), 3u);

  Response all = client(owner).post(kApprove, {{"all", true}});
  ASSERT_EQ(all.status, 200) << all.raw;
  EXPECT_EQ(all.body["approved"], 3);
  EXPECT_EQ(all.body["ids"].size(), 3u);
  // Nothing left: approving all again approves nothing, and records nothing.
  Response none = client(owner).post(kApprove, {{"all", true}});
  ASSERT_EQ(none.status, 200) << none.raw;
  EXPECT_EQ(none.body["approved"], 0);

  RemindSummary send = remind(server(), plus_minutes(morning, 5));
  EXPECT_EQ(send.counts["sent"], 3) << send.counts;
  EXPECT_EQ(graph.count(), 3u);
  // Nothing expires after the window: everything went out.
  RemindSummary evening = remind(server(), ist_instant(1, "20:30"));
  EXPECT_EQ(evening.counts["expired"], 0) << evening.counts;
  const nlohmann::json approvals = audit(owner, "message.approve");
  ASSERT_EQ(approvals.size(), 1u) << approvals;
  EXPECT_EQ(approvals[0]["details"]["count"], 3);
  EXPECT_EQ(approvals[0]["details"]["all"], true);
  EXPECT_EQ(approvals[0]["staff_id"], owner.id);
}

TEST_F(OutreachApprovalTest, AutomaticModeSendsAtOnceAsBefore) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Automatic Shop");
  Response shop = client(owner).get("/api/shop");
  EXPECT_EQ(shop.body["outreach_approval"], "automatic") << "the default";
  configure(owner, whatsapp_settings(graph));
  due_bill(owner, "9876543301", "Meera", true, false);
  RemindSummary pass = remind(server(), ist_instant(1, "10:00"));
  EXPECT_EQ(pass.counts["queued"], 1) << pass.counts;
  EXPECT_EQ(pass.counts["awaiting_approval"], 0) << pass.counts;
  EXPECT_EQ(pass.counts["sent"], 1) << pass.counts;
  EXPECT_EQ(graph.count(), 1u);
  // A sent message was never awaiting approval: approving it is a conflict.
  const std::int64_t sent = messages(owner)["items"][0]["id"].get<std::int64_t>();
  expect_error(client(owner).post(kApprove, {{"ids", {sent}}}), 409, "conflict");

  // Back from review to automatic: the next reminder goes straight out again.
  set_mode(owner, "review");
  set_mode(owner, "automatic");
  due_bill(owner, "9876543302", "Ravi", true, false);
  RemindSummary later = remind(server(), ist_instant(1, "11:00"));
  EXPECT_EQ(later.counts["sent"], 1) << later.counts;
  EXPECT_EQ(graph.count(), 2u);
}

TEST_F(OutreachApprovalTest, BadSettingAndBadBodiesAre422AndChangeNothing) {
  SignedInStaff owner = create_shop(server(), "Strict Shop");
  for (const nlohmann::json& bad : {nlohmann::json("sometimes"), nlohmann::json(1),
                                    nlohmann::json(""), nlohmann::json("Review")}) {
    Response res = client(owner).put("/api/shop", {{"outreach_approval", bad}});
    expect_error(res, 422, "validation_failed");
    EXPECT_TRUE(res.body["error"]["details"]["fields"].contains("outreach_approval")) << res.raw;
  }
  EXPECT_EQ(client(owner).get("/api/shop").body["outreach_approval"], "automatic");
  // null, as for every shop field, keeps the value.
  Response kept = client(owner).put("/api/shop", {{"outreach_approval", nullptr}});
  ASSERT_EQ(kept.status, 200) << kept.raw;
  EXPECT_EQ(kept.body["outreach_approval"], "automatic");
  // Only the owner changes the shop's settings.
  SignedInStaff manager = add_staff(server(), owner, "manager");
  expect_error(client(manager).put("/api/shop", {{"outreach_approval", "review"}}), 403,
               "forbidden");

  const std::vector<std::pair<nlohmann::json, std::string>> bodies = {
      {nlohmann::json::object(), "ids"},
      {{{"ids", nlohmann::json::array()}}, "ids"},
      {{{"ids", {"7"}}}, "ids"},
      {{{"ids", {0}}}, "ids"},
      {{{"ids", 7}}, "ids"},
      {{{"all", false}}, "all"},
      {{{"all", "yes"}}, "all"},
      {{{"all", true}, {"ids", {1}}}, "ids"},
  };
  for (const auto& [body, field] : bodies) {
    Response res = client(owner).post(kApprove, body);
    expect_error(res, 422, "validation_failed");
    EXPECT_TRUE(res.body["error"]["details"]["fields"].contains(field))
        << body.dump() << " -> " << res.raw;
  }
  std::vector<std::int64_t> too_many(501);
  for (std::size_t i = 0; i < too_many.size(); ++i) too_many[i] = static_cast<std::int64_t>(i + 1);
  expect_error(client(owner).post(kApprove, {{"ids", too_many}}), 422, "validation_failed");
}

TEST_F(OutreachApprovalTest, RolesAndAnotherShopsIds) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Shop A");
  SignedInStaff worker = add_staff(server(), owner, "staff");
  SignedInStaff other = create_shop(server(), "Shop B");
  for (const SignedInStaff* who : {&owner, &other}) {
    configure(*who, whatsapp_settings(graph));
    set_mode(*who, "review");
  }
  due_bill(owner, "9876543401", "Meera", true, false);
  due_bill(other, "9876543402", "Ravi", true, false);
  remind(server(), ist_instant(1, "10:00"));
  const std::int64_t mine = awaiting(owner).begin()->second;
  const std::int64_t theirs = awaiting(other).begin()->second;

  // Staff neither list nor approve.
  expect_error(client(worker).post(kApprove, {{"ids", {mine}}}), 403, "forbidden");
  expect_error(client(worker).get("/api/messages?status=awaiting_approval"), 403, "forbidden");
  // Another shop's id is not found, even beside one of ours; nothing is approved.
  Response foreign = client(owner).post(kApprove, {{"ids", {mine, theirs}}});
  expect_error(foreign, 404, "not_found");
  EXPECT_EQ(foreign.body["error"]["details"]["ids"], nlohmann::json::array({theirs}));
  EXPECT_EQ(statuses(owner).at(mine), "awaiting_approval");
  EXPECT_EQ(statuses(other).at(theirs), "awaiting_approval");
  // "all" is the shop's all: shop B's message stays waiting.
  Response all = client(owner).post(kApprove, {{"all", true}});
  ASSERT_EQ(all.status, 200) << all.raw;
  EXPECT_EQ(all.body["ids"], nlohmann::json::array({mine}));
  EXPECT_EQ(statuses(other).at(theirs), "awaiting_approval");
  EXPECT_FALSE(messages(owner)["items"].dump().find("9876543402") != std::string::npos);
}

// Two servers on one database (PostgreSQL, or one SQLite file) approving while a scheduler pass
// expires: every message ends approved or expired, never both, and the audit agrees.
TEST_F(OutreachApprovalTest, ApprovalAndExpiryRacingNeverBothWin) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Race Shop");
  SignedInStaff manager = add_staff(server(), owner, "manager");
  configure(owner, whatsapp_settings(graph));
  set_mode(owner, "review");
  constexpr int kCount = 12;
  for (int i = 0; i < kCount; ++i) {
    due_bill(owner, "98765435" + std::to_string(10 + i), "Customer " + std::to_string(i), true,
             false);
  }
  remind(server(), ist_instant(1, "10:00"));
  std::vector<std::int64_t> ids;
  for (const auto& [reminder, message] : awaiting(owner)) ids.push_back(message);
  ASSERT_EQ(ids.size(), static_cast<std::size_t>(kCount));

  TestServer second(ExistingDatabase{server().db_url()}, allow_fake_providers());
  // Overlapping lists on the two servers, and everything left over by "all", while the evening
  // pass expires whatever still waits.
  const std::vector<std::int64_t> first_half(ids.begin(), ids.begin() + kCount / 2 + 2);
  const std::vector<std::int64_t> second_half(ids.begin() + kCount / 2 - 2, ids.end());
  BackgroundCommand expiry(
      with_fake_providers({"remind", "--db", server().db_url(), "--now", ist_instant(1, "20:30")}));
  auto on_first = std::async(std::launch::async, [&] {
    return ApiClient(server().port(), owner.token).post(kApprove, {{"ids", first_half}});
  });
  auto on_second = std::async(std::launch::async, [&] {
    return ApiClient(second.port(), manager.token).post(kApprove, {{"ids", second_half}});
  });
  auto all_on_second = std::async(std::launch::async, [&] {
    return ApiClient(second.port(), manager.token).post(kApprove, {{"all", true}});
  });
  const Response a = on_first.get();
  const Response b = on_second.get();
  const Response c = all_on_second.get();
  const CommandResult expired_run = expiry.finish();
  ASSERT_EQ(expired_run.exit_code, 0) << expired_run.out;
  const nlohmann::json expired_counts = nlohmann::json::parse(expired_run.out);

  // Each listed approval is all or nothing: 200 with every id, or 409.
  std::multiset<std::int64_t> approved;
  for (const Response* r : {&a, &b, &c}) {
    ASSERT_TRUE(r->status == 200 || r->status == 409) << r->raw;
    if (r->status == 200) {
      for (const auto& id : r->body["ids"]) approved.insert(id.get<std::int64_t>());
    }
  }
  if (a.status == 200) {
    EXPECT_EQ(a.body["ids"].size(), first_half.size());
  }
  if (b.status == 200) {
    EXPECT_EQ(b.body["ids"].size(), second_half.size());
  }
  EXPECT_FALSE(a.status == 200 && b.status == 200) << "they share four ids";

  const std::map<std::int64_t, std::string> now = statuses(owner);
  int queued = 0;
  int expired = 0;
  for (std::int64_t id : ids) {
    const std::string& status = now.at(id);
    ASSERT_TRUE(status == "queued" || status == "expired") << id << " " << status;
    EXPECT_EQ(approved.count(id), status == "queued" ? 1u : 0u) << "approved once or not: " << id;
    (status == "queued" ? queued : expired) += 1;
  }
  EXPECT_EQ(queued + expired, kCount);
  EXPECT_EQ(expired_counts["expired"], expired) << expired_run.out;
  // The audit counts the same rows.
  int audited_approved = 0;
  for (const auto& entry : audit(owner, "message.approve")) {
    audited_approved += entry["details"]["count"].get<int>();
  }
  EXPECT_EQ(audited_approved, queued);
  int audited_expired = 0;
  for (const auto& entry : audit(owner, "message.expire")) {
    audited_expired += entry["details"]["count"].get<int>();
  }
  EXPECT_EQ(audited_expired, expired);
  EXPECT_EQ(second.stop(), 0);
  EXPECT_EQ(graph.count(), 0u);
}

}  // namespace
}  // namespace rx::test
