// The customers report, the time series, and what every report owes: zeros for an empty shop,
// nothing of another shop, 403 for staff, 422 for bad parameters.
#include "report_fixture.h"

#include <map>

namespace rx::test {
namespace {

const char* const kAllReports[] = {"conversion", "refills", "adherence", "customers",
                                   "timeseries?metric=bills"};

TEST_F(ReportsTest, CustomerFiguresAreExact) {
  CustomerShop s = build_customer_shop(server(), "Reports Customers");
  const std::string from = add_days(s.monday, -14);
  nlohmann::json r = report(s.owner, "customers?from=" + from);
  EXPECT_EQ(r["from"], from);
  EXPECT_EQ(r["to"], ist_date());
  EXPECT_EQ(r["by_category"], nlohmann::json({{"contact_sheet", 1},
                                              {"first_time_prescription", 2},
                                              {"regular_branded", 1},
                                              {"generic_informed", 1}}));
  const nlohmann::json expected_weeks = {
      {{"week_start", add_days(s.monday, -14)}, {"new", 1}, {"returning", 0}},
      {{"week_start", add_days(s.monday, -7)}, {"new", 1}, {"returning", 1}},
      {{"week_start", s.monday}, {"new", 1}, {"returning", 1}}};
  EXPECT_EQ(r["weekly"], expected_weeks);
  EXPECT_EQ(r["generic"], nlohmann::json({{"items", 7},
                                          {"generic_items", 3},
                                          {"generic_share", 42.86},
                                          {"customers_preferring_generic", 2}}));
  EXPECT_EQ(r["top_refilled_medicines"],
            nlohmann::json::array({{{"medicine", "Amlodipine 5"}, {"refills", 2}},
                                   {{"medicine", "Metformin 500"}, {"refills", 1}},
                                   {{"medicine", "Zinc"}, {"refills", 1}}}));
  // A window before the refills happened (they were all recorded today) and the bills.
  nlohmann::json old = report(
      s.owner, "customers?from=" + add_days(s.monday, -60) + "&to=" + add_days(s.monday, -31));
  EXPECT_TRUE(old["top_refilled_medicines"].empty());
  EXPECT_EQ(old["generic"]["items"], 0);
  EXPECT_EQ(old["generic"]["generic_share"], 0);
  for (const auto& week : old["weekly"]) {
    EXPECT_EQ(week["new"], 0);
    EXPECT_EQ(week["returning"], 0);
  }
  EXPECT_EQ(old["weekly"].front()["week_start"], monday_of(add_days(s.monday, -60)));
  EXPECT_EQ(old["by_category"]["first_time_prescription"], 2) << "categories are not windowed";
}

TEST_F(ReportsTest, TimeseriesAreZeroFilledDaysOrWeeks) {
  ConversionShop a = build_conversion_shop(server(), "Reports Series A");
  RefillShop r = build_refill_shop(server(), "Reports Series R");
  const std::string week = "&from=" + ist_date(-6) + "&to=" + ist_date();

  nlohmann::json conversions = report(a.owner, "timeseries?metric=conversions" + week);
  EXPECT_EQ(conversions["metric"], "conversions");
  EXPECT_EQ(conversions["interval"], "day");
  ASSERT_EQ(conversions["points"].size(), 7u);
  std::map<std::string, std::pair<int, int>> expected = {
      {ist_date(-3), {1, 12000}}, {ist_date(-1), {1, 5000}}, {ist_date(), {1, 20000}}};
  for (int i = 0; i < 7; ++i) {
    const nlohmann::json& p = conversions["points"][i];
    EXPECT_EQ(p["date"], ist_date(i - 6)) << "every day, ascending";
    EXPECT_EQ(p["count"], expected[p["date"]].first) << p;
    EXPECT_EQ(p["amount_paise"], expected[p["date"]].second) << p;
  }

  nlohmann::json refills = report(r.owner, "timeseries?metric=refills" + week);
  EXPECT_EQ(refills["points"].back(),
            nlohmann::json({{"date", ist_date()}, {"count", 2}, {"amount_paise", 0}}));
  int total = 0;
  for (const auto& p : refills["points"]) total += p["count"].get<int>();
  EXPECT_EQ(total, 2);

  // Bills by week over four weeks: T-25, T-20, T-18, T-12 and two today.
  const std::string from = ist_date(-27);
  nlohmann::json bills = report(r.owner, "timeseries?metric=bills&interval=week&from=" + from);
  EXPECT_EQ(bills["interval"], "week");
  std::map<std::string, std::pair<int, std::int64_t>> by_week;
  const std::pair<int, std::int64_t> each[] = {{-25, 5000}, {-20, 15000}, {-18, 50000},
                                               {-12, 6000}, {0, 3000},    {0, 5000}};
  for (const auto& [day, amount] : each) {
    auto& w = by_week[monday_of(ist_date(day))];
    ++w.first;
    w.second += amount;
  }
  std::string monday = monday_of(from);
  for (const auto& p : bills["points"]) {
    EXPECT_EQ(p["date"], monday);
    EXPECT_EQ(p["count"], by_week[monday].first) << monday;
    EXPECT_EQ(p["amount_paise"], by_week[monday].second) << monday;
    monday = add_days(monday, 7);
  }
  EXPECT_EQ(bills["points"].back()["date"], monday_of(ist_date()));
}

TEST_F(ReportsTest, AnEmptyShopGetsZerosNotErrors) {
  SignedInStaff owner = create_shop(server(), "Reports Empty");
  nlohmann::json conversion = report(owner, "conversion");
  EXPECT_EQ(conversion["total_contacts"], 0);
  EXPECT_EQ(conversion["conversion_rate"], 0);
  EXPECT_EQ(conversion["average_conversion_value_paise"], 0);
  EXPECT_EQ(conversion["by_staff"].size(), 1u) << "the owner";
  EXPECT_TRUE(conversion["by_upload"].empty());
  nlohmann::json refills = report(owner, "refills");
  EXPECT_EQ(refills["due"], 0);
  EXPECT_EQ(refills["refill_rate"], 0);
  EXPECT_EQ(refills["messages"]["total"], 0);
  EXPECT_TRUE(refills["estimated_cost_paise"].is_null());
  nlohmann::json adherence = report(owner, "adherence");
  EXPECT_EQ(adherence["customers"], 0);
  EXPECT_EQ(adherence["adherent_share"], 0);
  EXPECT_TRUE(adherence["below_threshold"].empty());
  nlohmann::json customers = report(owner, "customers");
  EXPECT_EQ(customers["generic"]["generic_share"], 0);
  EXPECT_EQ(customers["by_category"]["contact_sheet"], 0);
  EXPECT_GE(customers["weekly"].size(), 5u) << "30 days touch 5 or 6 weeks, all zero";
  nlohmann::json series = report(owner, "timeseries?metric=conversions");
  EXPECT_EQ(series["points"].size(), 30u);
  EXPECT_EQ(series["points"][0]["date"], ist_date(-29));
  for (const auto& p : series["points"]) EXPECT_EQ(p["count"], 0);
}

TEST_F(ReportsTest, AnotherShopSeesNoneOfTheData) {
  ConversionShop a = build_conversion_shop(server(), "Reports Iso A");
  AdherenceShop h = build_adherence_shop(server(), "Reports Iso H");
  SignedInStaff b = create_shop(server(), "Reports Iso B");
  nlohmann::json conversion = report(b, "conversion");
  EXPECT_EQ(conversion["total_contacts"], 0);
  EXPECT_EQ(conversion["self_reported_contacted"], 0);
  ASSERT_EQ(conversion["by_staff"].size(), 1u);
  EXPECT_EQ(conversion["by_staff"][0]["staff_id"], b.id);
  EXPECT_TRUE(conversion["by_upload"].empty());
  EXPECT_EQ(report(b, "adherence")["customers"], 0);
  EXPECT_EQ(report(b, "customers")["generic"]["items"], 0);
  EXPECT_EQ(report(b, "refills")["due"], 0);
  for (const auto& p : report(b, "timeseries?metric=bills")["points"]) EXPECT_EQ(p["count"], 0);
  // Shop A's ids are not shop B's to filter by.
  ApiClient as_b = client(b);
  expect_error(as_b.get(kReports + "conversion?upload_id=" + std::to_string(a.first_upload)), 404,
               "not_found");
  expect_error(as_b.get(kReports + "conversion?staff_id=" + std::to_string(a.priya.id)), 404,
               "not_found");
  expect_error(as_b.get(kReports + "conversion?staff_id=999999999&format=csv"), 404, "not_found");
  // And shop A still sees its own.
  EXPECT_EQ(report(a.owner, "conversion")["total_contacts"], 9);
  EXPECT_EQ(report(h.owner, "adherence")["customers"], 4);
}

TEST_F(ReportsTest, StaffMayNotSeeReports) {
  SignedInStaff owner = create_shop(server(), "Reports Roles");
  SignedInStaff worker = add_staff(server(), owner, "staff");
  SignedInStaff manager = add_staff(server(), owner, "manager");
  for (const char* r : kAllReports) {
    expect_error(client(worker).get(kReports + r), 403, "forbidden");
    expect_error(
        client(worker).get(
            kReports + r +
            (std::string(r).find('?') == std::string::npos ? "?format=csv" : "&format=csv")),
        403, "forbidden");
    EXPECT_EQ(client(manager).get(kReports + r).status, 200) << r;
    EXPECT_EQ(ApiClient(server().port()).get(kReports + r).status, 401) << r;
  }
}

TEST_F(ReportsTest, BadParametersAre422) {
  SignedInStaff owner = create_shop(server(), "Reports Params");
  ApiClient api = client(owner);
  auto refused = [&](const std::string& query, const std::string& field) {
    Response res = api.get(kReports + query);
    expect_error(res, 422, "validation_failed");
    EXPECT_TRUE(res.body["error"]["details"]["fields"].contains(field)) << query << res.raw;
  };
  refused("refills?from=" + ist_date() + "&to=" + ist_date(-1), "from");
  refused("customers?from=" + ist_date(-366), "from");
  refused("conversion?from=" + ist_date(-400) + "&to=" + ist_date(), "from");
  refused("refills?from=last-week", "from");
  refused("customers?to=2026-02-30", "to");
  refused("refills?format=pdf", "format");
  refused("adherence?format=XLSX", "format");
  refused("timeseries", "metric");
  refused("timeseries?metric=visits", "metric");
  refused("timeseries?metric=bills&interval=month", "interval");
  refused("conversion?upload_id=abc", "upload_id");
  refused("conversion?staff_id=0", "staff_id");
  EXPECT_EQ(api.get(kReports + "customers?from=" + ist_date(-365)).status, 200) << "366 days";
}

}  // namespace
}  // namespace rx::test
