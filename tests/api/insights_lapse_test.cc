// Who will run out: the per-shop lapse scorer (trained by `rxtrack insights train`), the risks
// kept on open refill reminders (sort=risk on the refill list and the adherence list),
// GET /insights/models, and what a risk may know (`rxtrack insights features --reminder`), on
// both engines. Shops are filled straight through SQL with customers drawn from a known process:
// some customers habitually come back late, so their refills lapse far more often.
#include "api_paths.h"
#include "direct_sql.h"
#include "insights_support.h"
#include "test_clock.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace rx::test {
namespace {

const std::string kAdherence = kTracking + "/reports/adherence";
constexpr int kSupplyDays = 30;

std::int64_t today_epoch_day() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count() / kDayMs;
}

std::string date_of(std::int64_t epoch_day) {
  const std::time_t t = static_cast<std::time_t>(epoch_day * 86400);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[16];
  std::strftime(out, sizeof out, "%Y-%m-%d", &tm);
  return out;
}

std::string q(const std::string& text) { return "'" + text + "'"; }
std::string n(std::int64_t value) { return std::to_string(value); }

// Rows for one shop, written in one INSERT per table. Every id is explicit, from `base` up, far
// above what the API hands out.
class ShopRows {
 public:
  ShopRows(std::int64_t shop_id, std::int64_t base) : shop_(shop_id), next_(base) {}

  std::int64_t customer(bool chronic) {
    const std::int64_t id = next_++;
    char phone[24];
    std::snprintf(phone, sizeof phone, "+9171%08lld", static_cast<long long>(id % 100000000));
    add(customers_, {n(id), n(shop_), q(phone), q("regular_branded"), n(0), n(0)});
    if (chronic) add(conditions_, {n(shop_), n(id), q("diabetes")});
    return id;
  }
  // A bill for one 30-day supply of Metformin at 06:00 UTC of `day`: the purchase's id.
  std::int64_t purchase(std::int64_t customer, std::int64_t day) {
    const std::int64_t bill = next_++, item = next_++, purchase = next_++;
    const std::int64_t at = day * kDayMs + kDayMs / 4;
    add(bills_, {n(bill), n(shop_), n(customer), n(at), q(date_of(day)), n(at)});
    add(items_,
        {n(item), n(shop_), n(bill), "1", q("Metformin 500"), "1", "100", "100", n(kSupplyDays)});
    add(purchases_, {n(purchase), n(shop_), n(customer), n(bill), n(item), q("Metformin 500"),
                     q("metformin 500"), "1", "100", q(date_of(day)), n(kSupplyDays),
                     q(date_of(day + kSupplyDays))});
    bill_of_[purchase] = bill;
    return purchase;
  }
  // The reminder the purchase of `day` made: due 3 days before it runs out; `refilled_on` is
  // the day of the purchase that closed it, if any.
  std::int64_t reminder(std::int64_t customer, std::int64_t purchase, std::int64_t day,
                        std::optional<std::int64_t> refilled_by,
                        std::optional<std::int64_t> refilled_on) {
    const std::int64_t id = next_++;
    const std::int64_t made = day * kDayMs + kDayMs / 4;
    const std::string closed = refilled_on ? n(*refilled_on * kDayMs + kDayMs / 4) : "NULL";
    add(reminders_,
        {n(id), n(shop_), n(customer), n(purchase), n(bill_of_.at(purchase)), q("Metformin 500"),
         q("metformin 500"), q(date_of(day + kSupplyDays)), q(date_of(day + kSupplyDays - 3)),
         q(refilled_on ? "refilled" : "sent"), refilled_by ? n(bill_of_.at(*refilled_by)) : "NULL",
         closed, n(made), n(made)});
    return id;
  }
  void write(const std::string& db_url) const {
    if (!customers_.empty())
      exec_sql(db_url,
               "INSERT INTO customers (id, shop_id, phone, category, created_at, updated_at) "
               "VALUES " +
                   customers_);
    if (!conditions_.empty())
      exec_sql(db_url, "INSERT INTO customer_conditions (shop_id, customer_id, condition) VALUES " +
                           conditions_);
    exec_sql(db_url,
             "INSERT INTO bills (id, shop_id, customer_id, billed_at, bill_date, created_at) "
             "VALUES " +
                 bills_);
    exec_sql(db_url,
             "INSERT INTO bill_items (id, shop_id, bill_id, line_no, medicine, quantity, "
             "unit_price_paise, amount_paise, duration_days) VALUES " +
                 items_);
    exec_sql(db_url,
             "INSERT INTO customer_purchases (id, shop_id, customer_id, bill_id, bill_item_id, "
             "medicine, medicine_key, quantity, amount_paise, purchased_on, duration_days, "
             "runs_out_on) VALUES " +
                 purchases_);
    if (reminders_.empty()) return;
    exec_sql(db_url,
             "INSERT INTO refill_reminders (id, shop_id, customer_id, purchase_id, bill_id, "
             "medicine, medicine_key, runs_out_on, remind_on, status, refilled_bill_id, "
             "closed_at, created_at, updated_at) VALUES " +
                 reminders_);
  }

 private:
  static void add(std::string& values, const std::vector<std::string>& row) {
    values += values.empty() ? "(" : ",\n(";
    for (std::size_t i = 0; i < row.size(); ++i) values += (i ? ", " : "") + row[i];
    values += ")";
  }

  std::int64_t shop_;
  std::int64_t next_;
  std::map<std::int64_t, std::int64_t> bill_of_;
  std::string customers_, conditions_, bills_, items_, purchases_, reminders_;
};

// A customer's refills from about 200 days ago to today: after each run-out a "late" customer
// lapses (comes back 10 to 20 days after running out) 75% of the time, others 12%; the rest
// come back between 2 days early and 4 days late. Each purchase makes a reminder, closed as
// refilled by the next purchase; the last one stays open (sent). Returns the open reminder's id.
struct DrawnCustomer {
  std::int64_t customer = 0;
  bool late = false;
  std::int64_t open_reminder = 0;
};

DrawnCustomer draw_customer(ShopRows& rows, std::mt19937& rng, bool late) {
  std::uniform_real_distribution<double> u(0, 1);
  const std::int64_t today = today_epoch_day();
  DrawnCustomer d;
  d.late = late;
  d.customer = rows.customer(true);
  std::int64_t day = today - 200 - static_cast<std::int64_t>(u(rng) * 40);
  std::int64_t purchase = rows.purchase(d.customer, day);
  for (;;) {
    const bool lapses = u(rng) < (late ? 0.75 : 0.12);
    const std::int64_t next =
        day + kSupplyDays +
        (lapses ? 10 + static_cast<int>(u(rng) * 11) : -2 + static_cast<int>(u(rng) * 7));
    if (next >= today) {
      d.open_reminder = rows.reminder(d.customer, purchase, day, std::nullopt, std::nullopt);
      return d;
    }
    const std::int64_t next_purchase = rows.purchase(d.customer, next);
    rows.reminder(d.customer, purchase, day, next_purchase, next);
    day = next;
    purchase = next_purchase;
  }
}

std::vector<DrawnCustomer> fill_shop(const TestServer& server, std::int64_t shop_id,
                                     std::int64_t base, int customers, unsigned seed) {
  ShopRows rows(shop_id, base);
  std::mt19937 rng(seed);
  std::vector<DrawnCustomer> out;
  for (int i = 0; i < customers; ++i) out.push_back(draw_customer(rows, rng, i % 5 < 2));
  rows.write(server.db_url());
  return out;
}

// p of a lapse_risk, or -1 for null.
double p_of(const nlohmann::json& risk) { return risk.is_object() ? risk["p"].get<double>() : -1; }

class InsightsLapseTest : public SharedServerTest {
 protected:
  static std::int64_t id_base(const SignedInStaff& owner) {
    return 80'000'000 + owner.shop_id * 100'000;
  }
  // The shop's open reminders as sort=risk lists them.
  std::vector<nlohmann::json> by_risk(const SignedInStaff& who) {
    const Response page = client(who).get(kRefills + "?status=sent&sort=risk&limit=500");
    EXPECT_EQ(page.status, 200) << page.raw;
    return page.body["items"].get<std::vector<nlohmann::json>>();
  }
};

TEST_F(InsightsLapseTest, ModelLearnsWhoLapsesBeatsTheBaselineAndOrdersTheLists) {
  const SignedInStaff owner = create_shop(server(), "Lapse shop");
  const std::vector<DrawnCustomer> drawn =
      fill_shop(server(), owner.shop_id, id_base(owner), 150, 2026);

  // Before any training or scheduler pass the risks are not there yet: unscored.
  const auto unscored = by_risk(owner);
  ASSERT_EQ(unscored.size(), drawn.size());
  EXPECT_TRUE(unscored.front()["lapse_risk"].is_null());

  const CommandResult trained = train_shop(server(), owner.shop_id);
  ASSERT_EQ(trained.exit_code, 0) << trained.err;
  EXPECT_NE(trained.out.find("\"kind\":\"lapse\""), std::string::npos) << trained.out;

  const Response models = client(owner).get(kInsightsModels);
  ASSERT_EQ(models.status, 200) << models.raw;
  const nlohmann::json& lapse = model_of(models, "lapse");
  ASSERT_TRUE(lapse.is_object()) << models.raw;
  EXPECT_EQ(lapse["scorer"], "model") << models.raw;
  EXPECT_EQ(lapse["reason"], "none");
  EXPECT_EQ(lapse["version"], 1);
  EXPECT_GE(lapse["rows"].get<int>(), 400) << "every refill judged 7 days after it ran out";
  const int rows = lapse["rows"].get<int>();
  EXPECT_NEAR(lapse["holdout"]["rows"].get<double>(), rows / 5.0, 1.0)
      << "the latest 20% by run-out";
  ASSERT_TRUE(lapse["holdout"]["auc"].is_number()) << models.raw;
  EXPECT_GT(lapse["holdout"]["auc"].get<double>(), lapse["baseline_holdout"]["auc"].get<double>());

  // sort=risk: highest first; the habitually late customers come first.
  const auto listed = by_risk(owner);
  ASSERT_EQ(listed.size(), drawn.size());
  std::set<std::int64_t> late;
  for (const DrawnCustomer& d : drawn)
    if (d.late) late.insert(d.open_reminder);
  int late_in_top = 0;
  const std::size_t top = late.size();
  for (std::size_t i = 0; i < listed.size(); ++i) {
    ASSERT_TRUE(listed[i]["lapse_risk"].is_object()) << "every open reminder has a risk";
    if (i > 0) {
      EXPECT_GE(p_of(listed[i - 1]["lapse_risk"]), p_of(listed[i]["lapse_risk"]));
    }
    if (i < top && late.count(listed[i]["id"].get<std::int64_t>())) ++late_in_top;
  }
  EXPECT_GE(late_in_top, static_cast<int>(top * 7 / 10))
      << "the late customers fill the top of the list";
  const nlohmann::json& first = listed.front()["lapse_risk"];
  EXPECT_EQ(first["model"], "logistic");
  EXPECT_EQ(first["band"], "high") << first;
  ASSERT_GE(first["reasons"].size(), 1u);
  EXPECT_LE(first["reasons"].size(), 3u);
  for (const nlohmann::json& reason : first["reasons"])
    EXPECT_NE(reason.get<std::string>().find(' '), std::string::npos) << "in words: " << reason;

  // The adherence list: each customer's highest open risk; sort=risk puts the highest first.
  const Response adherence = client(owner).get(kAdherence + "?sort=risk");
  ASSERT_EQ(adherence.status, 200) << adherence.raw;
  const auto& below = adherence.body["below_threshold"];
  ASSERT_GE(below.size(), 10u) << adherence.raw;
  for (std::size_t i = 1; i < below.size(); ++i) {
    EXPECT_GE(p_of(below[i - 1]["lapse_risk"]), p_of(below[i]["lapse_risk"]));
  }
  EXPECT_TRUE(below.front()["lapse_risk"].is_object());
  const Response by_pdc = client(owner).get(kAdherence);
  ASSERT_EQ(by_pdc.status, 200);
  for (std::size_t i = 1; i < by_pdc.body["below_threshold"].size(); ++i) {
    EXPECT_LE(by_pdc.body["below_threshold"][i - 1]["pdc"].get<double>(),
              by_pdc.body["below_threshold"][i]["pdc"].get<double>())
        << "the default order is still by PDC";
  }
}

TEST_F(InsightsLapseTest, TooLittleHistoryScoresByTheBaselineAndClosingClearsTheRisk) {
  const SignedInStaff owner = create_shop(server(), "Thin lapse shop");
  const std::vector<DrawnCustomer> drawn =
      fill_shop(server(), owner.shop_id, id_base(owner), 12, 7);
  ASSERT_EQ(train_shop(server(), owner.shop_id).exit_code, 0);
  const Response models = client(owner).get(kInsightsModels);
  const nlohmann::json& lapse = model_of(models, "lapse");
  EXPECT_EQ(lapse["scorer"], "baseline") << models.raw;
  EXPECT_EQ(lapse["reason"], "too_few_labelled");
  EXPECT_GT(lapse["rows"].get<int>(), 0);
  EXPECT_LT(lapse["rows"].get<int>(), 200);

  const auto listed = by_risk(owner);
  ASSERT_EQ(listed.size(), drawn.size());
  for (const nlohmann::json& r : listed) {
    ASSERT_TRUE(r["lapse_risk"].is_object()) << r;
    EXPECT_EQ(r["lapse_risk"]["model"], "baseline");
    EXPECT_FALSE(r["lapse_risk"]["reasons"].empty());
  }

  // Answering one and cancelling another clears their risk in the same request.
  const std::string answered = std::to_string(drawn[0].open_reminder);
  const Response response =
      client(owner).post(kRefills + "/" + answered + "/response", {{"response", "will_visit"}});
  ASSERT_EQ(response.status, 200) << response.raw;
  EXPECT_TRUE(response.body["lapse_risk"].is_null()) << response.raw;
  const std::string cancelled = std::to_string(drawn[1].open_reminder);
  const Response cancel = client(owner).post(kRefills + "/" + cancelled + "/cancel", {});
  ASSERT_EQ(cancel.status, 200) << cancel.raw;
  EXPECT_TRUE(cancel.body["lapse_risk"].is_null()) << cancel.raw;
  EXPECT_EQ(query_text(server().db_url(), "SELECT COUNT(*) FROM refill_reminders WHERE id IN (" +
                                              answered + ", " + cancelled +
                                              ") AND (lapse_risk_ppm IS NOT NULL OR lapse_risk "
                                              "IS NOT NULL)"),
            "0");
  EXPECT_EQ(by_risk(owner).size(), drawn.size() - 2) << "neither is sent any longer";
}

TEST_F(InsightsLapseTest, ARiskAsOfAnInstantIgnoresLaterPurchasesAndAnswers) {
  const SignedInStaff owner = create_shop(server(), "Lapse leakage shop");
  ShopRows rows(owner.shop_id, id_base(owner));
  const std::int64_t today = today_epoch_day();
  const std::int64_t customer = rows.customer(true);
  // Bought 70 days ago and came back 45 days ago (late): the first reminder is judged; the
  // second purchase's reminder is open.
  const std::int64_t first = rows.purchase(customer, today - 70);
  const std::int64_t second = rows.purchase(customer, today - 45);
  rows.reminder(customer, first, today - 70, second, today - 45);
  const std::int64_t open = rows.reminder(customer, second, today - 45, std::nullopt, std::nullopt);
  rows.write(server().db_url());
  const std::int64_t as_of_ms = (today - 5) * kDayMs;
  std::vector<std::string> features = {"insights",   "features",
                                       "--db",       server().db_url(),
                                       "--shop",     std::to_string(owner.shop_id),
                                       "--reminder", std::to_string(open),
                                       "--as-of",    rfc3339_utc(as_of_ms)};
  const CommandResult before = run_rxtrack(features);
  ASSERT_EQ(before.exit_code, 0) << before.err;
  const nlohmann::json known = nlohmann::json::parse(before.out);
  EXPECT_EQ(known["features"]["reminder_answer_share"], 0.0) << before.out;

  // Later: a purchase today and an answer to the first reminder today.
  ShopRows later(owner.shop_id, id_base(owner) + 500);
  later.purchase(customer, today);
  later.write(server().db_url());
  exec_sql(server().db_url(),
           "UPDATE refill_reminders SET responded_at = " + n(today * kDayMs + kDayMs / 3) +
               ", response = 'will_visit' WHERE customer_id = " + n(customer) + " AND id <> " +
               n(open));
  const CommandResult after = run_rxtrack(features);
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(nlohmann::json::parse(after.out), known) << "features and risk as of the instant";

  // As of now the same reminder does see them (the check above could fail).
  features.back() = rfc3339_utc(today * kDayMs + kDayMs / 2);
  const CommandResult now = run_rxtrack(features);
  ASSERT_EQ(now.exit_code, 0) << now.err;
  const nlohmann::json seen = nlohmann::json::parse(now.out);
  EXPECT_EQ(seen["features"]["reminder_answer_share"], 1.0) << now.out;
  EXPECT_LT(seen["features"]["days_since_last_visit"].get<double>(), 1.0) << now.out;
}

TEST_F(InsightsLapseTest, OneShopsRemindersNeverReachAnothersModelOrRisks) {
  const SignedInStaff a = create_shop(server(), "Lapse A");
  const SignedInStaff b = create_shop(server(), "Lapse B");
  const std::vector<DrawnCustomer> in_a = fill_shop(server(), a.shop_id, id_base(a), 60, 3);
  const std::vector<DrawnCustomer> in_b = fill_shop(server(), b.shop_id, id_base(b), 8, 4);
  ASSERT_EQ(train_shop(server(), a.shop_id).exit_code, 0);
  ASSERT_EQ(train_shop(server(), b.shop_id).exit_code, 0);
  const nlohmann::json model_a = model_of(client(a).get(kInsightsModels), "lapse");
  const nlohmann::json model_b = model_of(client(b).get(kInsightsModels), "lapse");
  const std::int64_t labelled_b = std::stoll(query_text(
      server().db_url(), "SELECT COUNT(*) FROM refill_reminders WHERE shop_id = " + n(b.shop_id) +
                             " AND status = 'refilled'"));
  EXPECT_GE(model_b["rows"].get<std::int64_t>(), labelled_b - 8) << "B's rows only";
  EXPECT_LE(model_b["rows"].get<std::int64_t>(), labelled_b + 8) << "B's rows only";
  EXPECT_GT(model_a["rows"].get<std::int64_t>(), model_b["rows"].get<std::int64_t>());

  const auto listed = by_risk(b);
  EXPECT_EQ(listed.size(), in_b.size());
  for (const nlohmann::json& r : listed) {
    EXPECT_GE(r["id"].get<std::int64_t>(), id_base(b)) << "a reminder of A in B's list";
    EXPECT_EQ(r["lapse_risk"]["model"], "baseline");
  }
  const std::string foreign = std::to_string(in_a[0].open_reminder);
  expect_error(client(b).post(kRefills + "/" + foreign + "/cancel", {}), 404, "not_found");
  const CommandResult inspector = run_rxtrack(
      {"insights", "features", "--db", server().db_url(), "--shop", std::to_string(b.shop_id),
       "--reminder", foreign, "--as-of", rfc3339_utc(today_epoch_day() * kDayMs)});
  EXPECT_NE(inspector.exit_code, 0) << inspector.out;
}

TEST_F(InsightsLapseTest, AnUnknownSortIsRefusedOnBothLists) {
  const SignedInStaff owner = create_shop(server(), "Lapse sort shop");
  for (const std::string& path : {kRefills + "?sort=likeliest", kAdherence + "?sort=remind_on"}) {
    const Response bad = client(owner).get(path);
    expect_error(bad, 422, "validation_failed");
    EXPECT_TRUE(bad.body["error"]["details"]["fields"].contains("sort")) << bad.raw;
  }
  EXPECT_EQ(client(owner).get(kRefills + "?sort=risk").status, 200);
  EXPECT_EQ(client(owner).get(kRefills + "?sort=remind_on").status, 200);
  EXPECT_EQ(client(owner).get(kAdherence + "?sort=pdc").status, 200);
}

// A reminder a bill makes is not scored by the bill (which must stay quick) but by the next pass
// of the scheduler (every second here), with the shop's current scorer.
TEST(InsightsLapseSchedulerTest, ABillsNewReminderGetsItsRiskFromTheSchedulersPass) {
  TestServer server({"--scheduler-interval", "1"});
  const SignedInStaff owner = create_shop(server, "Lapse scheduler shop");
  ApiClient api(server.port(), owner.token);
  const nlohmann::json body = {{"customer", {{"phone", "9876512345"}}},
                               {"was_contacted_before", false},
                               {"customer_category", "regular_branded"},
                               {"items",
                                {{{"medicine", "Metformin 500"},
                                  {"quantity", 1},
                                  {"unit_price_paise", 100},
                                  {"duration_days", 30}}}}};
  const Response billed = api.post("/api/bills", body);
  ASSERT_EQ(billed.status, 201) << billed.raw;
  nlohmann::json risk;
  for (int i = 0; i < 100 && !risk.is_object(); ++i) {
    const Response list = api.get(kRefills + "?medicine=metformin&status=pending");
    ASSERT_EQ(list.status, 200) << list.raw;
    ASSERT_EQ(list.body["items"].size(), 1u) << list.raw;
    risk = list.body["items"][0]["lapse_risk"];
    if (!risk.is_object()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_TRUE(risk.is_object()) << "scored by a scheduler pass within seconds";
  EXPECT_EQ(risk["model"], "baseline") << risk;
  EXPECT_FALSE(risk["reasons"].empty()) << risk;
  EXPECT_EQ(server.stop(), 0);
}

}  // namespace
}  // namespace rx::test
