// Who will convert: the per-shop conversion scorer (trained by `rxtrack insights train`), the
// scores kept on open contacts (sort=score), GET /insights/models, and what a score may know
// (`rxtrack insights features --as-of`), on both engines. Shops are filled straight through SQL
// with contacts drawn from a known process, so the test knows which contacts should convert.
#include "api_paths.h"
#include "direct_sql.h"
#include "insights_support.h"
#include "test_clock.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace rx::test {
namespace {

// One call of a synthetic contact's history.
struct Call {
  std::string outcome;
  std::int64_t at = 0;
};

// A contact drawn from the known process: WhatsApp and an "interested" call make it convert
// far more often, a landline or a "not interested" far less. The baseline, which sees only the
// last call's outcome, cannot see WhatsApp or the landline; a model can.
struct DrawnContact {
  std::int64_t id = 0;
  bool whatsapp = false;
  bool landline = false;
  std::vector<Call> calls;
  bool converts = false;
};

bool reached(const std::string& outcome) {
  return outcome != "no_answer" && outcome != "busy" && outcome != "switched_off";
}

class Process {
 public:
  explicit Process(unsigned seed) : rng_(seed) {}

  // Calls between `first_call` and `first_call + span`, outcome drawn by the truth.
  DrawnContact draw(std::int64_t id, std::int64_t first_call, std::int64_t span) {
    DrawnContact d;
    d.id = id;
    d.whatsapp = uniform() < 0.4;
    d.landline = uniform() < 0.2;
    static const int kCalls[] = {0, 1, 1, 2, 2, 3};
    static const char* kReached[] = {"interested", "interested", "not_interested", "answered",
                                     "callback_requested"};
    static const char* kMissed[] = {"no_answer", "busy", "switched_off"};
    const int calls = kCalls[pick(6)];
    for (int j = 0; j < calls; ++j) {
      const std::int64_t at = first_call + span * (j + 1) / (calls + 1);
      d.calls.push_back({uniform() < 0.5 ? kReached[pick(5)] : kMissed[pick(3)], at});
    }
    bool interested = false, callback = false;
    int unreached = 0;
    for (const Call& c : d.calls) {
      interested = interested || c.outcome == "interested";
      if (reached(c.outcome)) callback = c.outcome == "callback_requested";
      if (!reached(c.outcome)) ++unreached;
    }
    const bool not_interested = !d.calls.empty() && d.calls.back().outcome == "not_interested";
    const double logit = -2.0 + 2.5 * interested + 2.0 * d.whatsapp - 1.5 * not_interested +
                         0.8 * callback - 0.3 * unreached - 1.5 * d.landline;
    d.converts = uniform() < 1 / (1 + std::exp(-logit));
    return d;
  }

 private:
  double uniform() { return std::uniform_real_distribution<double>(0, 1)(rng_); }
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  std::mt19937 rng_;
};

// Writes drawn contacts of `shop_id` uploaded at `uploaded_at(i)`; a converting contact of a
// labelled history converts 10 days after its upload (after the training snapshot at 7 days),
// others stay open.
void insert_contacts(const TestServer& server, std::int64_t shop_id,
                     const std::vector<DrawnContact>& contacts,
                     const std::function<std::int64_t(std::size_t)>& uploaded_at, bool labelled) {
  std::string rows, calls;
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    const DrawnContact& d = contacts[i];
    const std::int64_t created = uploaded_at(i);
    const bool converted = labelled && d.converts;
    const std::string status = converted ? "converted" : d.calls.empty() ? "pending" : "contacted";
    char phone[24];
    std::snprintf(phone, sizeof phone, "+9170%08lld", static_cast<long long>(d.id % 100000000));
    rows += std::string(rows.empty() ? "" : ",\n") + "(" + std::to_string(d.id) + ", " +
            std::to_string(shop_id) + ", '" + phone + "', '" +
            (d.landline ? "fixed_line" : "mobile") + "', '" + status + "', '" +
            (d.whatsapp ? "active" : "unknown") + "', " +
            (d.whatsapp ? std::to_string(created + kDayMs / 2) : "NULL") + ", " +
            (converted ? std::to_string(created + 10 * kDayMs) : "NULL") + ", " +
            std::to_string(created) + ", " + std::to_string(created) + ")";
    for (const Call& c : d.calls) {
      calls += std::string(calls.empty() ? "" : ",\n") + "(" + std::to_string(shop_id) + ", " +
               std::to_string(d.id) + ", 'call', '" + c.outcome + "', " + std::to_string(c.at) +
               ", " + std::to_string(c.at) + ")";
    }
  }
  exec_sql(server.db_url(),
           "INSERT INTO contact_records (id, shop_id, phone, phone_type, status, whatsapp_status, "
           "whatsapp_status_at, converted_at, created_at, updated_at) VALUES " +
               rows);
  if (!calls.empty()) {
    exec_sql(server.db_url(),
             "INSERT INTO contact_interactions (shop_id, contact_id, kind, outcome, created_at, "
             "occurred_at) VALUES " +
                 calls);
  }
}

// A labelled history of `n` contacts uploaded 31 to 90 days ago, first called within six days.
std::vector<DrawnContact> history(Process& process, std::int64_t first_id, int n,
                                  std::int64_t now) {
  std::vector<DrawnContact> out;
  for (int i = 0; i < n; ++i) {
    const std::int64_t uploaded = now - (31 + i % 60) * kDayMs - i * 1000;
    out.push_back(process.draw(first_id + i, uploaded + kDayMs / 4, 6 * kDayMs));
  }
  return out;
}

std::int64_t history_upload(std::int64_t now, std::size_t i) {
  return now - (31 + static_cast<std::int64_t>(i % 60)) * kDayMs -
         static_cast<std::int64_t>(i) * 1000;
}

// AUC of `scores` against `labels` (pairs, ties half).
double auc(const std::vector<double>& scores, const std::vector<int>& labels) {
  double wins = 0, pairs = 0;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (!labels[i]) continue;
    for (std::size_t j = 0; j < scores.size(); ++j) {
      if (labels[j]) continue;
      pairs += 1;
      wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
    }
  }
  return pairs > 0 ? wins / pairs : 0;
}

class InsightsScoresTest : public SharedServerTest {
 protected:
  // Every open contact of the shop by score, best first: id -> p, in list order.
  std::vector<std::pair<std::int64_t, double>> scores_by_list(const SignedInStaff& who) {
    std::vector<std::pair<std::int64_t, double>> out;
    for (int offset = 0;; offset += 500) {
      Response page = client(who).get(
          kTracking + "/contacts?sort=score&limit=500&offset=" + std::to_string(offset));
      EXPECT_EQ(page.status, 200) << page.raw;
      if (page.status != 200 || page.body["items"].empty()) break;
      for (const nlohmann::json& c : page.body["items"]) {
        const nlohmann::json& score = c["conversion_score"];
        out.emplace_back(c["id"].get<std::int64_t>(),
                         score.is_object() ? score["p"].get<double>() : -1.0);
      }
    }
    return out;
  }
  static std::int64_t id_base(const SignedInStaff& owner) {
    return 60'000'000 + owner.shop_id * 100'000;
  }
};

TEST_F(InsightsScoresTest, ModelLearnsTheProcessRanksAFreshSetAndBeatsTheBaseline) {
  const SignedInStaff owner = create_shop(server(), "Scores shop");
  const std::int64_t now = now_ms();
  Process process(20261207);
  const std::int64_t base = id_base(owner);
  const std::vector<DrawnContact> past = history(process, base, 2000, now);
  insert_contacts(
      server(), owner.shop_id, past, [&](std::size_t i) { return history_upload(now, i); }, true);
  std::vector<DrawnContact> fresh;
  for (int i = 0; i < 1000; ++i)
    fresh.push_back(process.draw(base + 50'000 + i, now - 3 * kDayMs + kDayMs / 4, 2 * kDayMs));
  insert_contacts(
      server(), owner.shop_id, fresh, [&](std::size_t) { return now - 3 * kDayMs; }, false);

  const CommandResult trained = train_shop(server(), owner.shop_id);
  ASSERT_EQ(trained.exit_code, 0) << trained.err;

  const Response models = client(owner).get(kInsightsModels);
  ASSERT_EQ(models.status, 200) << models.raw;
  const nlohmann::json& conversion = model_of(models, "conversion");
  ASSERT_TRUE(conversion.is_object()) << models.raw;
  EXPECT_EQ(conversion["scorer"], "model") << models.raw;
  EXPECT_EQ(conversion["reason"], "none");
  EXPECT_EQ(conversion["version"], 1);
  EXPECT_TRUE(conversion["trained_at"].is_string());
  EXPECT_EQ(conversion["rows"], 2000);
  std::int64_t positives = 0;
  for (const DrawnContact& d : past) positives += d.converts;
  EXPECT_EQ(conversion["positives"], positives);
  EXPECT_EQ(conversion["holdout"]["rows"], 400) << "the latest 20% by upload time";
  ASSERT_TRUE(conversion["holdout"]["auc"].is_number()) << models.raw;
  EXPECT_GT(conversion["holdout"]["auc"].get<double>(),
            conversion["baseline_holdout"]["auc"].get<double>());
  EXPECT_GE(conversion["holdout"]["auc"].get<double>(), 0.75);
  EXPECT_GT(conversion["holdout"]["lift"].get<double>(), 0.2) << "better than the plain order";
  const nlohmann::json& lapse = model_of(models, "lapse");
  EXPECT_EQ(lapse["scorer"], "baseline");
  EXPECT_EQ(lapse["reason"], "too_few_labelled");

  // The fresh set, scored as it is today, ranks its (hidden) outcomes.
  const auto listed = scores_by_list(owner);
  ASSERT_EQ(listed.size(), past.size() + fresh.size());
  EXPECT_EQ(listed.back().second, -1.0) << "converted contacts have no score and come last";
  std::map<std::int64_t, double> p;
  for (std::size_t i = 0; i < listed.size(); ++i) {
    p[listed[i].first] = listed[i].second;
    if (i > 0) {
      EXPECT_GE(listed[i - 1].second, listed[i].second) << "sort=score is best first";
    }
  }
  std::vector<double> scores;
  std::vector<int> labels;
  for (const DrawnContact& d : fresh) {
    ASSERT_TRUE(p.count(d.id)) << d.id;
    ASSERT_GE(p[d.id], 0.0) << "every open contact is scored";
    scores.push_back(p[d.id]);
    labels.push_back(d.converts ? 1 : 0);
  }
  EXPECT_GE(auc(scores, labels), 0.75);

  // A card shows the score in words.
  const Response detail =
      client(owner).get(kTracking + "/contacts/" + std::to_string(listed.front().first));
  ASSERT_EQ(detail.status, 200);
  const nlohmann::json& score = detail.body["conversion_score"];
  EXPECT_EQ(score["model"], "logistic");
  EXPECT_EQ(score["band"], "high") << detail.raw;
  EXPECT_GE(score["reasons"].size(), 1u);
  EXPECT_LE(score["reasons"].size(), 3u);
}

TEST_F(InsightsScoresTest, AScoreAsOfAnInstantIgnoresEverythingLater) {
  const SignedInStaff owner = create_shop(server(), "Leakage shop");
  const std::int64_t now = now_ms();
  const std::int64_t id = id_base(owner);
  DrawnContact d;
  d.id = id;
  d.calls = {{"no_answer", now - 5 * kDayMs}, {"busy", now - 4 * kDayMs}};
  insert_contacts(
      server(), owner.shop_id, {d}, [&](std::size_t) { return now - 6 * kDayMs; }, false);
  const std::string as_of = rfc3339_utc(now - 3 * kDayMs);
  const std::vector<std::string> features = {"insights",  "features",
                                             "--db",      server().db_url(),
                                             "--shop",    std::to_string(owner.shop_id),
                                             "--contact", std::to_string(id),
                                             "--as-of",   as_of};
  const CommandResult before = run_rxtrack(features);
  ASSERT_EQ(before.exit_code, 0) << before.err;
  const nlohmann::json known = nlohmann::json::parse(before.out);
  EXPECT_EQ(known["features"]["call_attempts"], 2.0) << before.out;
  EXPECT_EQ(known["features"]["ever_interested"], 0.0);

  // Later: an interested call, a call back asked for, WhatsApp found active.
  exec_sql(server().db_url(),
           "INSERT INTO contact_interactions (shop_id, contact_id, kind, outcome, created_at, "
           "occurred_at) VALUES (" +
               std::to_string(owner.shop_id) + ", " + std::to_string(id) +
               ", 'call', 'interested', " + std::to_string(now - kDayMs) + ", " +
               std::to_string(now - kDayMs) + "), (" + std::to_string(owner.shop_id) + ", " +
               std::to_string(id) + ", 'call', 'callback_requested', " + std::to_string(now) +
               ", " + std::to_string(now - 2 * kDayMs) + ")");
  exec_sql(server().db_url(),
           "UPDATE contact_records SET whatsapp_status = 'active', "
           "whatsapp_status_at = " +
               std::to_string(now - kDayMs) + " WHERE id = " + std::to_string(id));
  const CommandResult after = run_rxtrack(features);
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(nlohmann::json::parse(after.out), known) << "features and score as of the instant";

  // The same contact as of now does see them (the check above could fail).
  std::vector<std::string> today = features;
  today.back() = rfc3339_utc(now);
  const CommandResult current = run_rxtrack(today);
  ASSERT_EQ(current.exit_code, 0) << current.err;
  const nlohmann::json seen = nlohmann::json::parse(current.out);
  EXPECT_EQ(seen["features"]["call_attempts"], 4.0) << current.out;
  EXPECT_EQ(seen["features"]["ever_interested"], 1.0);
  EXPECT_EQ(seen["features"]["whatsapp_active"], 1.0);
}

TEST_F(InsightsScoresTest, TooLittleHistoryScoresByTheBaselineAndSaysWhy) {
  const SignedInStaff owner = create_shop(server(), "Thin shop");
  const SignedInStaff manager = add_staff(server(), owner, "manager");
  const SignedInStaff staff = add_staff(server(), owner, "staff");
  // Never trained: each kind is the baseline for want of labelled rows.
  const Response untrained = client(manager).get(kInsightsModels);
  ASSERT_EQ(untrained.status, 200) << untrained.raw;
  ASSERT_EQ(untrained.body["models"].size(), 2u);
  for (const nlohmann::json& m : untrained.body["models"]) {
    EXPECT_EQ(m["scorer"], "baseline");
    EXPECT_EQ(m["reason"], "too_few_labelled");
    EXPECT_EQ(m["rows"], 0);
    EXPECT_EQ(m["version"], 0);
    EXPECT_TRUE(m["trained_at"].is_null());
    EXPECT_TRUE(m["holdout"]["auc"].is_null());
  }
  expect_error(client(staff).get(kInsightsModels), 403, "forbidden");

  const std::int64_t now = now_ms();
  Process process(11);
  insert_contacts(
      server(), owner.shop_id, history(process, id_base(owner), 150, now),
      [&](std::size_t i) { return history_upload(now, i); }, true);
  insert_contacts(
      server(), owner.shop_id, {process.draw(id_base(owner) + 500, now - kDayMs, kDayMs / 2)},
      [&](std::size_t) { return now - kDayMs; }, false);
  ASSERT_EQ(train_shop(server(), owner.shop_id).exit_code, 0);
  const Response models = client(owner).get(kInsightsModels);
  const nlohmann::json& conversion = model_of(models, "conversion");
  EXPECT_EQ(conversion["scorer"], "baseline") << models.raw;
  EXPECT_EQ(conversion["reason"], "too_few_labelled");
  EXPECT_EQ(conversion["rows"], 150);
  EXPECT_TRUE(conversion["holdout"]["auc"].is_null()) << "too little to judge";

  const Response open =
      client(owner).get(kTracking + "/contacts/" + std::to_string(id_base(owner) + 500));
  ASSERT_EQ(open.status, 200) << open.raw;
  EXPECT_EQ(open.body["conversion_score"]["model"], "baseline") << open.raw;
  EXPECT_FALSE(open.body["conversion_score"]["reasons"].empty());
}

TEST_F(InsightsScoresTest, OneShopsRowsNeverReachAnothersModelOrScores) {
  const SignedInStaff a = create_shop(server(), "Isolated A");
  const SignedInStaff b = create_shop(server(), "Isolated B");
  const std::int64_t now = now_ms();
  Process process(5);
  insert_contacts(
      server(), a.shop_id, history(process, id_base(a), 600, now),
      [&](std::size_t i) { return history_upload(now, i); }, true);
  insert_contacts(
      server(), b.shop_id, history(process, id_base(b), 40, now),
      [&](std::size_t i) { return history_upload(now, i); }, true);
  const DrawnContact open_b = process.draw(id_base(b) + 900, now - kDayMs, kDayMs / 2);
  insert_contacts(
      server(), b.shop_id, {open_b}, [&](std::size_t) { return now - kDayMs; }, false);

  ASSERT_EQ(train_shop(server(), a.shop_id).exit_code, 0);
  ASSERT_EQ(train_shop(server(), b.shop_id).exit_code, 0);
  const nlohmann::json model_a = model_of(client(a).get(kInsightsModels), "conversion");
  const nlohmann::json model_b = model_of(client(b).get(kInsightsModels), "conversion");
  EXPECT_EQ(model_a["rows"], 600);
  EXPECT_EQ(model_b["rows"], 40) << "B's model is trained on B's rows only";
  EXPECT_EQ(model_b["reason"], "too_few_labelled");

  // B's list holds B's contacts only, each scored by B's baseline.
  const auto listed = scores_by_list(b);
  EXPECT_EQ(listed.size(), 41u);
  for (const auto& [id, p] : listed) EXPECT_GE(id, id_base(b)) << "a contact of A in B's list";
  const Response detail = client(b).get(kTracking + "/contacts/" + std::to_string(open_b.id));
  EXPECT_EQ(detail.body["conversion_score"]["model"], "baseline");
  // Another shop's contact is not there, for the API or for the score inspector.
  expect_error(client(b).get(kTracking + "/contacts/" + std::to_string(id_base(a))), 404,
               "not_found");
  const CommandResult foreign = run_rxtrack(
      {"insights", "features", "--db", server().db_url(), "--shop", std::to_string(b.shop_id),
       "--contact", std::to_string(id_base(a)), "--as-of", rfc3339_utc(now)});
  EXPECT_NE(foreign.exit_code, 0) << foreign.out;
}

TEST_F(InsightsScoresTest, LoggingAnInteractionRescoresTheContactAtOnce) {
  const SignedInStaff owner = create_shop(server(), "Rescore shop");
  const std::int64_t now = now_ms();
  Process process(99);
  insert_contacts(
      server(), owner.shop_id, history(process, id_base(owner), 1200, now),
      [&](std::size_t i) { return history_upload(now, i); }, true);
  DrawnContact quiet;
  quiet.id = id_base(owner) + 90'000;
  insert_contacts(
      server(), owner.shop_id, {quiet}, [&](std::size_t) { return now - kDayMs; }, false);
  ASSERT_EQ(train_shop(server(), owner.shop_id).exit_code, 0);
  const std::string path = kTracking + "/contacts/" + std::to_string(quiet.id);
  const Response before = client(owner).get(path);
  ASSERT_EQ(before.status, 200) << before.raw;
  ASSERT_TRUE(before.body["conversion_score"].is_object()) << before.raw;
  const double p_before = before.body["conversion_score"]["p"].get<double>();

  const Response logged =
      client(owner).post(path + "/interactions", {{"kind", "call"}, {"outcome", "interested"}});
  ASSERT_EQ(logged.status, 201) << logged.raw;
  const Response after = client(owner).get(path);
  const nlohmann::json& score = after.body["conversion_score"];
  EXPECT_GT(score["p"].get<double>(), p_before) << after.raw;
  const auto reasons = score["reasons"].get<std::vector<std::string>>();
  EXPECT_NE(std::find(reasons.begin(), reasons.end(), "said they were interested"), reasons.end())
      << after.raw;
  // The list, sorted by score, reads the same stored score.
  const Response list = client(owner).get(kTracking + "/contacts?sort=score&limit=1");
  ASSERT_EQ(list.status, 200);
  EXPECT_GE(list.body["items"][0]["conversion_score"]["p"].get<double>(), score["p"].get<double>());
}

TEST_F(InsightsScoresTest, AnUnknownSortIsRefused) {
  const SignedInStaff owner = create_shop(server(), "Sort shop");
  const Response bad = client(owner).get(kTracking + "/contacts?sort=likeliest");
  expect_error(bad, 422, "validation_failed");
  EXPECT_TRUE(bad.body["error"]["details"]["fields"].contains("sort")) << bad.raw;
  EXPECT_EQ(client(owner).get(kTracking + "/contacts?sort=score").status, 200);
}

}  // namespace
}  // namespace rx::test
