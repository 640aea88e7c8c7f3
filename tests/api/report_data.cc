#include "report_data.h"
#include "api_paths.h"
#include "bill_items.h"
#include "test_clock.h"

#include "direct_sql.h"

#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <map>

namespace rx::test {
namespace {

std::tm parse_date(const std::string& date) {
  std::tm tm{};
  strptime(date.c_str(), "%Y-%m-%d", &tm);
  return tm;
}

std::string format_date(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[16];
  std::strftime(out, sizeof out, "%Y-%m-%d", &tm);
  return out;
}

struct BillSpec {
  std::string phone;
  std::string date;  // billed then at 10:00 local; today means now
  nlohmann::json items = nlohmann::json::array();
  std::string category = "regular_branded";
  bool contacted_before = false;
  bool visit_only = false;
  nlohmann::json customer = nlohmann::json::object();
};

nlohmann::json bill(ApiClient& api, const BillSpec& spec) {
  nlohmann::json customer = spec.customer;
  customer["phone"] = spec.phone;
  nlohmann::json body = {{"customer", customer},
                         {"customer_category", spec.category},
                         {"was_contacted_before", spec.contacted_before},
                         {"visited_but_no_purchase", spec.visit_only},
                         {"items", spec.items}};
  if (spec.date != ist_date()) body["billed_at"] = spec.date + "T10:00";
  Response res = api.post("/api/bills", body);
  EXPECT_EQ(res.status, 201) << res.raw;
  return res.body;
}

void ok(const Response& res, int status = 200) { EXPECT_EQ(res.status, status) << res.raw; }

void rename(ApiClient& api, const SignedInStaff& who, const std::string& name) {
  ok(api.put("/api/staff/" + std::to_string(who.id), {{"name", name}}));
}

// Contact ids by E.164 phone.
std::map<std::string, std::int64_t> contact_ids(ApiClient& api) {
  std::map<std::string, std::int64_t> out;
  Response list = api.get(kTracking + "/contacts?limit=100");
  for (const auto& c : list.body["items"]) out[c["phone"]] = c["id"];
  return out;
}

std::string contact_path(std::int64_t id) { return kTracking + "/contacts/" + std::to_string(id); }

std::string reminder_path(const nlohmann::json& bill_result) {
  return kTracking + "/refill-reminders/" + bill_result["reminders"][0]["id"].dump();
}

}  // namespace

std::string add_days(const std::string& date, int days) {
  std::tm tm = parse_date(date);
  return format_date(timegm(&tm) + static_cast<std::time_t>(days) * 86400);
}

std::string monday_of(const std::string& date) {
  std::tm tm = parse_date(date);
  const std::time_t t = timegm(&tm);
  gmtime_r(&t, &tm);
  return add_days(date, -((tm.tm_wday + 6) % 7));
}

ConversionShop build_conversion_shop(TestServer& server, const std::string& name) {
  ConversionShop s;
  s.owner = create_shop(server, name);
  s.owner_name = name + " Owner";
  s.manager = add_staff(server, s.owner, "manager");
  s.priya = add_staff(server, s.owner, "staff");
  s.rahul = add_staff(server, s.owner, "staff");
  s.kiran = add_staff(server, s.owner, "staff");
  ApiClient owner(server.port(), s.owner.token);
  rename(owner, s.manager, "Meena");
  rename(owner, s.priya, "Priya");
  rename(owner, s.rahul, "Rahul");
  rename(owner, s.kiran, "Kiran");

  Response first = owner.upload(kTracking + "/contacts/upload", "file", "first.csv",
                                "Name,Phone\nAsha,9876600001\nBala,9876600002\nChitra,9876600003\n"
                                "Dev,9876600004\nEsha,9876600005\nFarid,9876600006\n");
  ok(first, 201);
  s.first_upload = first.body["upload_id"];
  Response second = owner.upload(kTracking + "/contacts/upload", "file", "second.csv",
                                 "Phone\n9876600007\n9876600008\n9876600009\n9876600001\n");
  ok(second, 201);
  s.second_upload = second.body["upload_id"];
  auto ids = contact_ids(owner);
  auto c = [&ids](int n) { return ids.at("+91987660000" + std::to_string(n)); };
  auto assign = [&](const SignedInStaff& to, std::vector<std::int64_t> contacts) {
    ok(owner.post(kTracking + "/contacts/assign",
                  {{"staff_ids", {to.id}}, {"contact_ids", contacts}}));
  };
  assign(s.priya, {c(1), c(2), c(3), c(7)});
  assign(s.rahul, {c(4), c(5), c(8)});
  assign(s.kiran, {c(9)});  // c6 stays unassigned

  // Priya: 4 interactions (3 calls/messages and the yellow mark), 1 follow-up overdue.
  ApiClient priya(server.port(), s.priya.token);
  ok(priya.post(contact_path(c(1)) + "/interactions", {{"kind", "call"}, {"outcome", "answered"}}),
     201);
  ok(priya.post(contact_path(c(2)) + "/interactions", {{"kind", "call"}, {"outcome", "no_answer"}}),
     201);
  ok(priya.post(contact_path(c(2)) + "/interactions",
                {{"kind", "whatsapp"}, {"outcome", "interested"}}),
     201);
  ok(priya.post(contact_path(c(3)) + "/mark-yellow", nlohmann::json::object()));
  ok(priya.post(contact_path(c(7)) + "/reminders", {{"due_at", "2020-01-01T10:00"}}), 201);
  ok(priya.post(contact_path(c(7)) + "/reminders", {{"due_at", "2099-01-01T10:00"}}), 201);
  Response done = priya.post(contact_path(c(1)) + "/reminders", {{"due_at", "2020-02-01T10:00"}});
  ok(done, 201);
  ok(priya.post(kTracking + "/reminders/" + done.body["id"].dump() + "/done",
                nlohmann::json::object()));
  // Rahul: 1 interaction, 1 follow-up overdue.
  ApiClient rahul(server.port(), s.rahul.token);
  ok(rahul.post(contact_path(c(4)) + "/interactions", {{"kind", "call"}, {"outcome", "answered"}}),
     201);
  ok(rahul.post(contact_path(c(8)) + "/reminders", {{"due_at", "2020-01-01T10:00"}}), 201);
  ok(owner.put("/api/staff/" + std::to_string(s.kiran.id), {{"active", false}}));

  // Bills: an outsider who says they were contacted (40 days ago), three conversions worth
  // 12000 + 5000 + 20000, and a visit without purchase that turns c9 yellow.
  bill(owner,
       {"9876600100", ist_date(-40), {bill_item("Losartan 50", 1, 8000)}, "contact_sheet", true});
  bill(owner, {"9876600001",
               ist_date(-3),
               {bill_item("Metformin 500", 2, 4500), bill_item("Crocin", 1, 3000)},
               "contact_sheet",
               true});
  bill(owner,
       {"9876600004", ist_date(-1), {bill_item("Atorva 10", 1, 5000)}, "regular_branded", false});
  bill(owner, {"9876600005", ist_date(), {bill_item("Pantop 40", 4, 5000)}, "contact_sheet", true});
  bill(owner, {"9876600009", ist_date(), nlohmann::json::array(), "contact_sheet", true, true});
  return s;
}

RefillShop build_refill_shop(TestServer& server, const std::string& name) {
  RefillShop s;
  s.owner = create_shop(server, name);
  ApiClient api(server.port(), s.owner.token);
  // Lead 5 days: remind_on = runs out - 5. X1 and X2 come back today and refill.
  nlohmann::json x6 =
      bill(api, {"9876600206", ist_date(-40), {bill_item("Losartan 50", 1, 8000, 30)}});
  bill(api, {"9876600201", ist_date(-30), {bill_item("Amlodipine 5", 1, 3000, 20)}});
  nlohmann::json x2 =
      bill(api, {"9876600202", ist_date(-25), {bill_item("Atorva 10", 1, 5000, 25)}});
  nlohmann::json x3 =
      bill(api, {"9876600203", ist_date(-20), {bill_item("Thyronorm 50", 1, 15000, 15)}});
  nlohmann::json x4 =
      bill(api, {"9876600204", ist_date(-18), {bill_item("Insulin", 1, 50000, 10)}});
  nlohmann::json x5 =
      bill(api, {"9876600205", ist_date(-12), {bill_item("Pantop 40", 1, 6000, 14)}});
  EXPECT_EQ(x6["reminders"][0]["remind_on"], ist_date(-15));
  EXPECT_EQ(x2["reminders"][0]["remind_on"], ist_date(-5));
  ok(api.post(reminder_path(x2) + "/mark-sent", {{"channel", "whatsapp"}}));
  ok(api.post(reminder_path(x2) + "/response", {{"response", "will_visit"}}));
  ok(api.post(reminder_path(x3) + "/mark-sent", {{"channel", "sms"}}));
  ok(api.post(reminder_path(x3) + "/response", {{"response", "stopped_medicine"}}));
  ok(api.post(reminder_path(x4) + "/cancel", nlohmann::json::object()));
  ok(api.post(reminder_path(x5) + "/mark-sent", {{"channel", "call"}}));
  nlohmann::json again1 =
      bill(api, {"9876600201", ist_date(), {bill_item("Amlodipine 5", 1, 3000, 20)}});
  nlohmann::json again2 =
      bill(api, {"9876600202", ist_date(), {bill_item("Atorva 10", 1, 5000, 25)}});
  EXPECT_EQ(again1["refilled_reminder_ids"].size(), 1u);
  EXPECT_EQ(again2["refilled_reminder_ids"].size(), 1u);

  // The outbox: six messages yesterday (two waiting, two WhatsApp out, one SMS read, one SMS
  // failed) and one delivered 25 days ago.
  const std::int64_t yesterday = now_ms() - 86'400'000;
  const std::int64_t long_ago = now_ms() - 25 * 86'400'000LL;
  std::string sql =
      "INSERT INTO messages (shop_id, channel, to_phone, idempotency_key, status, created_at, "
      "updated_at) VALUES ";
  const struct {
    const char* channel;
    const char* status;
    std::int64_t at;
  } rows[] = {{"whatsapp", "queued", yesterday},  {"whatsapp", "sending", yesterday},
              {"whatsapp", "sent", yesterday},    {"whatsapp", "delivered", yesterday},
              {"sms", "read", yesterday},         {"sms", "failed", yesterday},
              {"whatsapp", "delivered", long_ago}};
  for (std::size_t i = 0; i < std::size(rows); ++i) {
    sql.append(i ? ", (" : "(").append(std::to_string(s.owner.shop_id));
    sql.append(", '").append(rows[i].channel).append("', '+919876600201', 'key-");
    sql.append(std::to_string(i)).append("', '").append(rows[i].status).append("', ");
    sql.append(std::to_string(rows[i].at)).append(", ").append(std::to_string(rows[i].at));
    sql.append(")");
  }
  exec_sql(server.db_url(), sql);
  return s;
}

void set_whatsapp_price(TestServer& server, const SignedInStaff& owner, int paise) {
  std::string sql = "UPDATE shop_messaging_settings SET whatsapp_price_paise = ";
  sql.append(std::to_string(paise)).append(" WHERE shop_id = ");
  sql.append(std::to_string(owner.shop_id));
  exec_sql(server.db_url(), sql);
}

AdherenceShop build_adherence_shop(TestServer& server, const std::string& name) {
  AdherenceShop s;
  s.owner = create_shop(server, name);
  ApiClient api(server.port(), s.owner.token);
  auto buy = [&](const std::string& phone, int days_ago, const std::string& medicine, int days,
                 nlohmann::json customer = nlohmann::json::object()) {
    return bill(api, {phone,
                      ist_date(-days_ago),
                      {bill_item(medicine, 1, 1000, days)},
                      "regular_branded",
                      false,
                      false,
                      customer});
  };
  auto conditions = [&](const nlohmann::json& result, const char* condition) {
    ok(api.put(kTracking + "/customers/" + result["customer"]["id"].dump(),
               {{"chronic_conditions", {condition}}}));
    return result["customer"]["id"].get<std::int64_t>();
  };
  // H1: 60 of 60 days covered.
  conditions(buy("9876600301", 59, "Metformin 500", 30), "diabetes");
  buy("9876600301", 29, "Metformin 500", 30);
  // H2: Telma 60 of 90 days, Ecosprin 20 of 50 days: mean 53.33.
  s.h2 = conditions(buy("9876600302", 89, "Telma 40", 30, {{"name", "Hari"}}), "hypertension");
  buy("9876600302", 49, "Ecosprin 75", 10);
  buy("9876600302", 39, "Telma 40", 30);
  buy("9876600302", 19, "Ecosprin 75", 10);
  // H3: 17 of 20 days.
  conditions(buy("9876600303", 19, "Montair 10", 10, {{"name", "Isha"}}), "asthma");
  buy("9876600303", 7, "Montair 10", 7);
  // H4: bought once. H5: no condition. H6: only one purchase inside the 180 days.
  conditions(buy("9876600304", 10, "Metformin 500", 30), "diabetes");
  buy("9876600305", 20, "Vitamin D", 10);
  buy("9876600305", 10, "Vitamin D", 10);
  conditions(buy("9876600306", 200, "Glim 1", 30), "diabetes");
  buy("9876600306", 185, "Glim 1", 30);
  buy("9876600306", 10, "Glim 1", 30);
  // H7, no name: 20 of 170 days.
  s.h7 = conditions(buy("9876600307", 169, "Glycomet", 10), "diabetes");
  buy("9876600307", 99, "Glycomet", 10);
  return s;
}

CustomerShop build_customer_shop(TestServer& server, const std::string& name) {
  CustomerShop s;
  s.owner = create_shop(server, name);
  s.monday = monday_of(ist_date());
  ApiClient api(server.port(), s.owner.token);
  auto day = [&s](int offset) { return add_days(s.monday, offset); };
  const std::string k1 = "9876600401";
  const std::string k2 = "9876600402";
  const std::string k3 = "9876600403";
  bill(api, {k1,
             day(-30),
             {bill_item("Metformin 500", 1, 4500, 30), bill_item("Amlodipine 5", 1, 3000, 30, true),
              bill_item("Crocin", 1, 2000, 0, true)},
             "regular_branded"});
  bill(api, {k2, day(-14), {bill_item("Amlodipine 5", 1, 3000, 10, true)}, "generic_informed"});
  bill(api, {k2, day(-13), {bill_item("Crocin", 1, 2000)}, "generic_informed"});
  bill(api,
       {k1,
        day(-7),
        {bill_item("METFORMIN 500", 1, 4500, 30), bill_item("Amlodipine 5", 1, 3000, 30, true)},
        "regular_branded"});
  bill(api, {k3, day(-7), {bill_item("Zinc", 1, 500, 5)}, "first_time_prescription"});
  bill(api, {k3, day(-6), {bill_item("Zinc", 1, 500, 5)}, "first_time_prescription"});
  nlohmann::json k2_today =
      bill(api, {k2, day(0), {bill_item("Amlodipine 5", 1, 3000, 10, true)}, "generic_informed"});
  bill(api,
       {"9876600404", day(0), nlohmann::json::array(), "first_time_prescription", false, true});
  ok(api.post(kTracking + "/customers",
              {{"phone", "9876600405"}, {"category", "contact_sheet"}, {"prefers_generic", true}}),
     201);
  ok(api.put(kTracking + "/customers/" + k2_today["customer"]["id"].dump(),
             {{"prefers_generic", true}}));
  return s;
}

}  // namespace rx::test
