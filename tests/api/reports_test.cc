// The conversion, refill and adherence reports: exact figures on fixed data sets.
#include "report_fixture.h"

namespace rx::test {
namespace {

nlohmann::json find_staff(const nlohmann::json& report, std::int64_t id) {
  for (const auto& s : report["by_staff"]) {
    if (s["staff_id"] == id) return s;
  }
  ADD_FAILURE() << "staff " << id << " is not in by_staff";
  return nlohmann::json::object();
}

nlohmann::json staff_row(std::int64_t id, const std::string& name, int assigned, int contacted,
                         int converted, int yellow, std::int64_t value, int interactions,
                         int overdue) {
  return {{"staff_id", id},
          {"name", name},
          {"assigned", assigned},
          {"contacted", contacted},
          {"converted", converted},
          {"yellow", yellow},
          {"conversion_value_paise", value},
          {"interactions", interactions},
          {"follow_ups_overdue", overdue}};
}

TEST_F(ReportsTest, ConversionFiguresAreExact) {
  ConversionShop s = build_conversion_shop(server(), "Reports A");
  nlohmann::json r = report(s.owner, "conversion");
  EXPECT_TRUE(r["from"].is_null());
  EXPECT_TRUE(r["to"].is_null());
  EXPECT_EQ(r["total_contacts"], 9);
  EXPECT_EQ(r["pending"], 3);
  EXPECT_EQ(r["contacted"], 1);
  EXPECT_EQ(r["converted"], 3);
  EXPECT_EQ(r["yellow"], 2);
  EXPECT_EQ(r["conversion_rate"], 33.33);
  EXPECT_EQ(r["total_conversion_value_paise"], 37000);
  EXPECT_EQ(r["average_conversion_value_paise"], 12333) << "37000 / 3, rounded down";
  EXPECT_EQ(r["self_reported_contacted"], 4);

  // Every active member plus Kiran (inactive, still holding c9), by name.
  const nlohmann::json expected_staff = {staff_row(s.kiran.id, "Kiran", 1, 0, 0, 1, 0, 0, 0),
                                         staff_row(s.manager.id, "Meena", 0, 0, 0, 0, 0, 0, 0),
                                         staff_row(s.priya.id, "Priya", 4, 1, 1, 1, 12000, 4, 1),
                                         staff_row(s.rahul.id, "Rahul", 3, 0, 2, 0, 25000, 1, 1),
                                         staff_row(s.owner.id, s.owner_name, 0, 0, 0, 0, 0, 1, 0)};
  EXPECT_EQ(r["by_staff"], expected_staff);

  ASSERT_EQ(r["by_upload"].size(), 2u);
  const nlohmann::json& second = r["by_upload"][0];
  EXPECT_EQ(second["upload_id"], s.second_upload) << "newest first";
  EXPECT_EQ(second["file_name"], "second.csv");
  EXPECT_TRUE(second["uploaded_at"].get<std::string>().ends_with("+05:30"));
  EXPECT_EQ(second["total"], 3);
  EXPECT_EQ(second["pending"], 2);
  EXPECT_EQ(second["contacted"], 0);
  EXPECT_EQ(second["converted"], 0);
  EXPECT_EQ(second["yellow"], 1);
  EXPECT_EQ(second["conversion_value_paise"], 0);
  EXPECT_EQ(second["conversion_rate"], 0);
  const nlohmann::json& first = r["by_upload"][1];
  EXPECT_EQ(first["upload_id"], s.first_upload);
  EXPECT_EQ(first["total"], 6);
  EXPECT_EQ(first["pending"], 1);
  EXPECT_EQ(first["contacted"], 1);
  EXPECT_EQ(first["converted"], 3);
  EXPECT_EQ(first["yellow"], 1);
  EXPECT_EQ(first["conversion_value_paise"], 37000);
  EXPECT_EQ(first["conversion_rate"], 50.0);
}

TEST_F(ReportsTest, ConversionFiltersRestrictEveryFigure) {
  ConversionShop s = build_conversion_shop(server(), "Reports Filters");
  nlohmann::json priya = report(s.owner, "conversion?staff_id=" + std::to_string(s.priya.id));
  EXPECT_EQ(priya["total_contacts"], 4);
  EXPECT_EQ(priya["pending"], 1);
  EXPECT_EQ(priya["contacted"], 1);
  EXPECT_EQ(priya["converted"], 1);
  EXPECT_EQ(priya["yellow"], 1);
  EXPECT_EQ(priya["conversion_rate"], 25.0);
  EXPECT_EQ(priya["total_conversion_value_paise"], 12000);
  EXPECT_EQ(priya["average_conversion_value_paise"], 12000);
  EXPECT_EQ(priya["self_reported_contacted"], 1) << "only the bill of her converted contact";
  EXPECT_EQ(priya["by_staff"],
            nlohmann::json::array({staff_row(s.priya.id, "Priya", 4, 1, 1, 1, 12000, 4, 1)}));
  ASSERT_EQ(priya["by_upload"].size(), 2u);
  EXPECT_EQ(priya["by_upload"][0]["total"], 1);
  EXPECT_EQ(priya["by_upload"][1]["total"], 3);
  EXPECT_EQ(priya["by_upload"][1]["conversion_rate"], 33.33);

  nlohmann::json second =
      report(s.owner, "conversion?upload_id=" + std::to_string(s.second_upload));
  EXPECT_EQ(second["total_contacts"], 3);
  EXPECT_EQ(second["pending"], 2);
  EXPECT_EQ(second["yellow"], 1);
  EXPECT_EQ(second["converted"], 0);
  EXPECT_EQ(second["conversion_rate"], 0);
  EXPECT_EQ(second["average_conversion_value_paise"], 0);
  EXPECT_EQ(second["self_reported_contacted"], 1) << "the visit of c9";
  ASSERT_EQ(second["by_upload"].size(), 1u);
  EXPECT_EQ(second["by_upload"][0]["upload_id"], s.second_upload);
  EXPECT_EQ(find_staff(second, s.priya.id), staff_row(s.priya.id, "Priya", 1, 0, 0, 0, 0, 0, 1));
  EXPECT_EQ(find_staff(second, s.kiran.id), staff_row(s.kiran.id, "Kiran", 1, 0, 0, 1, 0, 0, 0));
  EXPECT_EQ(find_staff(second, s.owner.id)["interactions"], 1);

  nlohmann::json both = report(s.owner, "conversion?upload_id=" + std::to_string(s.second_upload) +
                                            "&staff_id=" + std::to_string(s.rahul.id));
  EXPECT_EQ(both["total_contacts"], 1);
  EXPECT_EQ(both["pending"], 1);
  EXPECT_EQ(both["by_staff"].size(), 1u);
}

TEST_F(ReportsTest, ConversionWindowCountsContactsCreatedInIt) {
  ConversionShop s = build_conversion_shop(server(), "Reports Window");
  const std::string today = ist_date();
  nlohmann::json recent = report(s.owner, "conversion?from=" + ist_date(-29));
  EXPECT_EQ(recent["from"], ist_date(-29));
  EXPECT_EQ(recent["to"], today) << "to defaults to today";
  EXPECT_EQ(recent["total_contacts"], 9) << "every contact was uploaded today";
  EXPECT_EQ(recent["self_reported_contacted"], 3) << "the bill 40 days ago is outside";

  nlohmann::json before =
      report(s.owner, "conversion?from=" + ist_date(-60) + "&to=" + ist_date(-1));
  EXPECT_EQ(before["total_contacts"], 0);
  EXPECT_EQ(before["converted"], 0);
  EXPECT_EQ(before["conversion_rate"], 0);
  EXPECT_EQ(before["self_reported_contacted"], 2) << "3 days ago and 40 days ago";
  EXPECT_TRUE(before["by_upload"].empty()) << "both sheets were uploaded today";
  ASSERT_EQ(before["by_staff"].size(), 4u) << "the active members, with nothing to count";
  for (const auto& row : before["by_staff"]) {
    EXPECT_EQ(row["assigned"], 0);
    EXPECT_EQ(row["interactions"], 0);
    EXPECT_EQ(row["follow_ups_overdue"], 0);
  }
}

TEST_F(ReportsTest, RefillFiguresAreExact) {
  RefillShop s = build_refill_shop(server(), "Reports Refills");
  const std::string window = "refills?from=" + ist_date(-20) + "&to=" + ist_date(10);
  nlohmann::json r = report(s.owner, window);
  EXPECT_EQ(r["from"], ist_date(-20));
  EXPECT_EQ(r["to"], ist_date(10));
  EXPECT_EQ(r["due"], 5);
  EXPECT_EQ(r["sent"], nlohmann::json({{"whatsapp", 1}, {"sms", 1}, {"call", 1}, {"total", 3}}));
  EXPECT_EQ(r["responded"], nlohmann::json({{"will_visit", 1},
                                            {"refilled_elsewhere", 0},
                                            {"stopped_medicine", 1},
                                            {"not_reachable", 0},
                                            {"call_back", 0},
                                            {"other", 0},
                                            {"total", 2}}));
  EXPECT_EQ(r["refilled_within_7_days"], 1) << "X1 came back 15 days after its reminder";
  EXPECT_EQ(r["refill_rate"], 20.0);
  EXPECT_EQ(r["cancelled"], 1);
  EXPECT_EQ(r["messages"], nlohmann::json({{"queued", 2},
                                           {"sent", 1},
                                           {"delivered", 1},
                                           {"read", 1},
                                           {"failed", 1},
                                           {"awaiting_approval", 0},
                                           {"expired", 0},
                                           {"total", 6}}));
  EXPECT_TRUE(r["estimated_cost_paise"].is_null()) << "no price set";

  set_whatsapp_price(server(), s.owner, 80);
  nlohmann::json priced = report(s.owner, window);
  EXPECT_EQ(priced["estimated_cost_paise"],
            nlohmann::json({{"whatsapp", 160}, {"sms", 0}, {"total", 160}}))
      << "two WhatsApp messages went out; SMS has no price";

  nlohmann::json narrow = report(s.owner, "refills?from=" + ist_date(-12) + "&to=" + ist_date());
  EXPECT_EQ(narrow["due"], 3);
  EXPECT_EQ(narrow["cancelled"], 0);
  EXPECT_EQ(narrow["refilled_within_7_days"], 1);
  EXPECT_EQ(narrow["refill_rate"], 33.33);
  EXPECT_EQ(narrow["sent"]["total"], 3);
  nlohmann::json by_default = report(s.owner, "refills");
  EXPECT_EQ(by_default["from"], ist_date(-29));
  EXPECT_EQ(by_default["to"], ist_date());
  EXPECT_EQ(by_default["due"], 5);
  EXPECT_EQ(by_default["messages"]["total"], 7) << "the message of 25 days ago is inside";
}

// Training point 6: the refill report counts the bills saved without a medicine's duration,
// and of those the ones where the counter asked and the answer was skipped.
TEST_F(ReportsTest, RefillReportCountsBillsWithoutADuration) {
  SignedInStaff owner = create_shop(server(), "Reports Durations");
  ApiClient api = client(owner);
  const auto line = [](const std::string& medicine, std::optional<int> days, bool skipped) {
    nlohmann::json out = {{"medicine", medicine}, {"quantity", 1}, {"unit_price_paise", 100}};
    if (days) out["duration_days"] = *days;
    if (skipped) out["duration_skipped"] = true;
    return out;
  };
  const auto bill = [&](const std::string& phone, nlohmann::json items, bool visit = false,
                        std::optional<std::string> billed_at = {}) {
    nlohmann::json body = {{"customer", {{"phone", phone}}},
                           {"customer_category", "regular_branded"},
                           {"was_contacted_before", false},
                           {"items", std::move(items)}};
    if (visit) body["visited_but_no_purchase"] = true;
    if (billed_at) body["billed_at"] = *billed_at;
    Response res = api.post("/api/bills", body);
    EXPECT_EQ(res.status, 201) << res.raw;
  };
  bill("9876516001", {line("Metformin", 30, false)});
  bill("9876516002", {line("Metformin", 30, false), line("Crocin", {}, false)});
  bill("9876516003", {line("Crocin", {}, true), line("Bandage", {}, false)});
  bill("9876516004", {line("Crocin", {}, true), line("Amlodipine", 30, false)});
  bill("9876516005", nlohmann::json::array(), true);
  bill("9876516006", {line("Crocin", {}, true)}, false, ist_date(-40));
  SignedInStaff other = create_shop(server(), "Reports Durations Other");
  Response foreign = client(other).post("/api/bills", {{"customer", {{"phone", "9876516009"}}},
                                                       {"customer_category", "regular_branded"},
                                                       {"was_contacted_before", false},
                                                       {"items", {line("Crocin", {}, true)}}});
  ASSERT_EQ(foreign.status, 201) << foreign.raw;

  nlohmann::json r = report(owner, "refills");
  EXPECT_EQ(r["bill_durations"],
            nlohmann::json({{"bills", 4}, {"without_duration", 3}, {"skipped", 2}}))
      << "the visit, the bill of 40 days ago and the other shop's bill are left out";
  nlohmann::json old = report(owner, "refills?from=" + ist_date(-45) + "&to=" + ist_date(-35));
  EXPECT_EQ(old["bill_durations"],
            nlohmann::json({{"bills", 1}, {"without_duration", 1}, {"skipped", 1}}));
}

TEST_F(ReportsTest, ConversionCountsInboundContactsApartFromUploadedOnes) {
  SignedInStaff owner = create_shop(server(), "Reports Inbound");
  ApiClient api = client(owner);
  Response upload = api.upload("/api/customer-tracking/contacts/upload", "file", "sheet.csv",
                               "Name,Phone\nAnil,9876517001\nBina,9876517002\n");
  ASSERT_EQ(upload.status, 201) << upload.raw;
  Response settings = api.get("/api/shop/messaging");
  ASSERT_EQ(settings.status, 200) << settings.raw;
  // An SMS from a number the shop does not know creates a contact from no sheet.
  Response sms = ApiClient(server().port())
                     .post_raw(settings.body["sms_webhook_url_path"].get<std::string>(),
                               "sender=919876517003&message=Is+my+medicine+ready&inNumber="
                               "919220592205&rcvd=2026-11-25+10%3A30%3A00&msgId=inbound-1",
                               "application/x-www-form-urlencoded");
  ASSERT_EQ(sms.status, 200) << sms.raw;
  ASSERT_EQ(api.get("/api/customer-tracking/contacts").body["total"], 3);

  nlohmann::json r = report(owner, "conversion");
  EXPECT_EQ(r["total_contacts"], 3);
  EXPECT_EQ(r["uploaded_contacts"], 2);
  EXPECT_EQ(r["inbound_contacts"], 1);
  EXPECT_EQ(r["pending"], 3);
  ASSERT_EQ(r["by_upload"].size(), 1u);
  EXPECT_EQ(r["by_upload"][0]["total"], 2);
  // With a window the rows are counted, not the kept buckets: the same split.
  nlohmann::json windowed = report(owner, "conversion?from=" + ist_date(-1) + "&to=" + ist_date());
  EXPECT_EQ(windowed["uploaded_contacts"], 2);
  EXPECT_EQ(windowed["inbound_contacts"], 1);
  nlohmann::json one_upload = report(owner, "conversion?upload_id=" + upload.body["id"].dump());
  EXPECT_EQ(one_upload["total_contacts"], 2);
  EXPECT_EQ(one_upload["inbound_contacts"], 0);
}

TEST_F(ReportsTest, AdherenceFiguresAreExact) {
  AdherenceShop s = build_adherence_shop(server(), "Reports Adherence");
  nlohmann::json r = report(s.owner, "adherence");
  EXPECT_EQ(r["as_of"], ist_date());
  EXPECT_EQ(r["window_days"], 180);
  EXPECT_EQ(r["customers"], 4) << "H1, H2, H3 and H7";
  EXPECT_EQ(r["adherent"], 2);
  EXPECT_EQ(r["adherent_share"], 50.0);
  ASSERT_EQ(r["distribution"].size(), 10u);
  const int expected_buckets[10] = {0, 1, 0, 0, 0, 1, 0, 0, 1, 1};
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(r["distribution"][i]["from"], i * 10);
    EXPECT_EQ(r["distribution"][i]["to"], i * 10 + 10);
    EXPECT_EQ(r["distribution"][i]["customers"], expected_buckets[i]) << "bucket " << i;
  }
  const nlohmann::json expected_below = {
      {{"customer_id", s.h7},
       {"name", nullptr},
       {"phone", "+919876600307"},
       {"pdc", 11.76},
       {"last_purchase_on", ist_date(-99)},
       {"days_without_supply", 90},
       {"medicines", {{{"medicine", "Glycomet"}, {"pdc", 11.76}, {"purchases", 2}}}},
       {"lapse_risk", nullptr}},
      {{"customer_id", s.h2},
       {"name", "Hari"},
       {"phone", "+919876600302"},
       {"pdc", 53.33},
       {"last_purchase_on", ist_date(-19)},
       {"days_without_supply", 10},
       {"medicines",
        {{{"medicine", "Ecosprin 75"}, {"pdc", 40.0}, {"purchases", 2}},
         {{"medicine", "Telma 40"}, {"pdc", 66.67}, {"purchases", 2}}}},
       {"lapse_risk", nullptr}}};
  EXPECT_EQ(r["below_threshold"], expected_below);
}

}  // namespace
}  // namespace rx::test
