// plan_lines and plan_bill (billing/bill_plan.h): what a bill at the counter will change, decided
// without a database from the request, the customer and contact record its phone finds, and the
// shop's settings.
#include "billing/bill_plan.h"

#include "core/error.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace rx::billing {
namespace {

// 2026-11-25T20:00:00Z: already 2026-11-26 in Kolkata (UTC+05:30), still the 25th in UTC.
constexpr std::int64_t kEvening = 1795636800000;
const ShopBillSettings kKolkata{"Asia/Kolkata", 5};

BillItemInput item(std::string medicine, std::int64_t quantity, std::int64_t price,
                   std::optional<std::int64_t> days = std::nullopt) {
  BillItemInput in;
  in.medicine = std::move(medicine);
  in.quantity = quantity;
  in.unit_price_paise = price;
  in.duration_days = days;
  return in;
}

BillInput bill_for(std::string phone) {
  BillInput in;
  in.customer.phone = std::move(phone);
  in.customer_category = customers::CustomerCategory::kRegularBranded;
  in.items.push_back(item("Metformin  500", 2, 1250, 30));
  return in;
}

customers::Customer returning_customer() {
  customers::Customer c;
  c.id = 41;
  c.phone = "+919800000001";
  c.name = "Asha";
  c.category = customers::CustomerCategory::kRegularBranded;
  c.visit_count = 3;
  return c;
}

contacts::Contact contact_with(contacts::ContactStatus status) {
  contacts::Contact c;
  c.id = 7;
  c.phone = "+919800000001";
  c.name = "Asha from the sheet";
  c.status = status;
  return c;
}

core::ErrorCode code_of(const std::function<void()>& run, std::string* field = nullptr) {
  try {
    run();
  } catch (const core::AppError& e) {
    if (field && e.details().contains("fields")) *field = e.details()["fields"].begin().key();
    return e.code();
  }
  return core::ErrorCode::kInternal;
}

TEST(PlanLines, PricesDatesInTheShopsZoneAndRemindsLeadDaysBefore) {
  BillInput in = bill_for("+919800000001");
  in.items.push_back(item("Amlodipine", 1, 999, 2));
  const BillLines lines = plan_lines(in, kEvening, kEvening, kKolkata);
  EXPECT_EQ(lines.bill_date, "2026-11-26");
  EXPECT_EQ(lines.billed_at, kEvening);
  EXPECT_EQ(lines.total_paise, 2 * 1250 + 999);
  ASSERT_EQ(lines.lines.size(), 2u);
  const PlannedLine& first = lines.lines[0];
  EXPECT_EQ(first.item.line_no, 1);
  EXPECT_EQ(first.item.amount_paise, 2500);
  EXPECT_EQ(first.item.runs_out_on, "2026-12-26");
  EXPECT_EQ(first.remind_on, "2026-12-21");
  EXPECT_EQ(first.medicine_key, "metformin 500");
  // Two days' supply with a five-day lead: reminded on the bill's own date, never before it.
  EXPECT_EQ(lines.lines[1].item.runs_out_on, "2026-11-28");
  EXPECT_EQ(lines.lines[1].remind_on, "2026-11-26");

  const BillLines utc = plan_lines(in, kEvening, kEvening, ShopBillSettings{"UTC", 5});
  EXPECT_EQ(utc.bill_date, "2026-11-25");
}

TEST(PlanLines, ASkippedDurationStoresTheSkipAndSchedulesNoReminder) {
  BillInput in = bill_for("+919800000001");
  in.items[0].duration_days.reset();
  in.items[0].duration_skipped = true;
  const BillLines lines = plan_lines(in, kEvening, kEvening, kKolkata);
  ASSERT_EQ(lines.lines.size(), 1u);
  EXPECT_TRUE(lines.lines[0].item.duration_skipped);
  EXPECT_FALSE(lines.lines[0].item.runs_out_on);
  EXPECT_FALSE(lines.lines[0].remind_on);
}

TEST(PlanLines, RefusesWhatNoBillMayBe) {
  std::string field;
  BillInput in = bill_for("+919800000001");
  EXPECT_EQ(code_of([&] { plan_lines(in, kEvening + 6 * 60 * 1000, kEvening, kKolkata); }, &field),
            core::ErrorCode::kValidation);
  EXPECT_EQ(field, "billed_at");
  // A few minutes of clock skew are allowed.
  EXPECT_NO_THROW(plan_lines(in, kEvening + 4 * 60 * 1000, kEvening, kKolkata));

  BillInput no_phone = in;
  no_phone.customer.phone.reset();
  EXPECT_EQ(code_of([&] { plan_lines(no_phone, kEvening, kEvening, kKolkata); }, &field),
            core::ErrorCode::kValidation);
  EXPECT_EQ(field, "customer.phone");

  BillInput visit_with_items = in;
  visit_with_items.visited_but_no_purchase = true;
  EXPECT_EQ(code_of([&] { plan_lines(visit_with_items, kEvening, kEvening, kKolkata); }, &field),
            core::ErrorCode::kValidation);
  EXPECT_EQ(field, "items");

  BillInput empty = in;
  empty.items.clear();
  EXPECT_EQ(code_of([&] { plan_lines(empty, kEvening, kEvening, kKolkata); }, &field),
            core::ErrorCode::kValidation);

  BillInput too_much = in;
  too_much.items = {item("Gold", 1'000'000, kMaxBillPaise)};
  EXPECT_EQ(code_of([&] { plan_lines(too_much, kEvening, kEvening, kKolkata); }, &field),
            core::ErrorCode::kValidation);
  EXPECT_EQ(field, "items");
}

TEST(PlanBill, ANewCustomerIsInsertedWithTheirFirstVisit) {
  const BillInput in = bill_for("+919800000002");
  const BillLines lines = plan_lines(in, kEvening, kEvening, kKolkata);
  const BillPlan plan = plan_bill(in, lines, nullptr, nullptr);
  EXPECT_TRUE(plan.customer.create);
  EXPECT_EQ(plan.customer.fields.phone, "+919800000002");
  EXPECT_EQ(plan.customer.fields.category, customers::CustomerCategory::kRegularBranded);
  EXPECT_EQ(plan.customer.visit.at_ms, kEvening);
  EXPECT_EQ(plan.customer.visit.spent_paise, 2500);
  EXPECT_EQ(plan.bill.customer_category, customers::CustomerCategory::kRegularBranded);
  EXPECT_EQ(plan.bill.total_paise, 2500);
  EXPECT_EQ(plan.bill.bill_date, "2026-11-26");
  EXPECT_EQ(plan.contact.step, ContactStep::kNone);

  BillInput no_category = in;
  no_category.customer_category.reset();
  std::string field;
  EXPECT_EQ(code_of([&] { plan_bill(no_category, lines, nullptr, nullptr); }, &field),
            core::ErrorCode::kValidation);
  EXPECT_EQ(field, "customer_category");
}

TEST(PlanBill, AReturningCustomerIsUpdatedWithTheVisitAndKeepsTheirCategory) {
  BillInput in = bill_for("+919800000001");
  in.customer_category.reset();
  in.customer.name = std::optional<std::string>("Asha K");
  const customers::Customer existing = returning_customer();
  const BillLines lines = plan_lines(in, kEvening, kEvening, kKolkata);
  const BillPlan plan = plan_bill(in, lines, &existing, nullptr);
  EXPECT_FALSE(plan.customer.create);
  EXPECT_FALSE(plan.customer.fields.phone);  // the phone found them; it is not written again
  EXPECT_EQ(plan.customer.fields.name, std::optional<std::string>("Asha K"));
  EXPECT_FALSE(plan.customer.fields.category);
  EXPECT_EQ(plan.bill.customer_category, customers::CustomerCategory::kRegularBranded);
  EXPECT_EQ(plan.customer.visit.spent_paise, 2500);
}

TEST(PlanBill, AnOptedOutCustomerIsNotGrantedConsentByABill) {
  BillInput in = bill_for("+919800000001");
  in.customer.whatsapp_consent = true;
  in.customer.sms_consent = false;
  customers::Customer existing = returning_customer();
  existing.opted_out_at = kEvening - 1000;
  const BillPlan plan =
      plan_bill(in, plan_lines(in, kEvening, kEvening, kKolkata), &existing, nullptr);
  EXPECT_FALSE(plan.customer.fields.whatsapp_consent);
  EXPECT_EQ(plan.customer.fields.sms_consent, false);
}

TEST(PlanBill, AContactedPersonsFirstPurchaseConvertsTheirRecord) {
  BillInput in = bill_for("+919800000001");
  in.customer_category = customers::CustomerCategory::kContactSheet;
  in.was_contacted_before = true;
  const contacts::Contact contact = contact_with(contacts::ContactStatus::kContacted);
  const BillLines lines = plan_lines(in, kEvening, kEvening, kKolkata);
  const BillPlan plan = plan_bill(in, lines, nullptr, &contact);
  EXPECT_EQ(plan.contact.step, ContactStep::kConvert);
  EXPECT_EQ(plan.contact.contact_id, core::ContactId(7));
  EXPECT_TRUE(plan.contact.link_customer);
  // A new customer from the sheet keeps the sheet's name when the counter typed none.
  EXPECT_EQ(plan.customer.fields.name, std::optional<std::string>("Asha from the sheet"));

  // Someone contacted before must come in as contact_sheet on their first bill.
  BillInput other = in;
  other.customer_category = customers::CustomerCategory::kRegularBranded;
  std::string field;
  EXPECT_EQ(code_of([&] { plan_bill(other, lines, nullptr, &contact); }, &field),
            core::ErrorCode::kValidation);
  EXPECT_EQ(field, "customer_category");
  // ... but not on a later one.
  const customers::Customer existing = returning_customer();
  EXPECT_NO_THROW(plan_bill(other, lines, &existing, &contact));
}

TEST(PlanBill, AVisitWithoutPurchaseTurnsAnOpenContactYellowAndOnlyLinksAClosedOne) {
  BillInput in = bill_for("+919800000001");
  in.items.clear();
  in.visited_but_no_purchase = true;
  const BillLines lines = plan_lines(in, kEvening, kEvening, kKolkata);
  EXPECT_EQ(lines.total_paise, 0);
  const customers::Customer existing = returning_customer();

  contacts::Contact pending = contact_with(contacts::ContactStatus::kPending);
  BillPlan plan = plan_bill(in, lines, &existing, &pending);
  EXPECT_EQ(plan.contact.step, ContactStep::kMarkYellow);
  EXPECT_EQ(plan.contact.from, contacts::ContactStatus::kPending);
  EXPECT_TRUE(plan.bill.visited_but_no_purchase);

  contacts::Contact contacted = contact_with(contacts::ContactStatus::kContacted);
  contacted.customer_id = 41;
  plan = plan_bill(in, lines, &existing, &contacted);
  EXPECT_EQ(plan.contact.step, ContactStep::kMarkYellow);
  EXPECT_EQ(plan.contact.from, contacts::ContactStatus::kContacted);
  EXPECT_FALSE(plan.contact.link_customer);  // it knows its customer already

  contacts::Contact converted = contact_with(contacts::ContactStatus::kConverted);
  plan = plan_bill(in, lines, &existing, &converted);
  EXPECT_EQ(plan.contact.step, ContactStep::kLink);
  EXPECT_TRUE(plan.contact.link_customer);
}

TEST(ReminderStepDates, FollowTheCadenceNeverBeforeTheBillAndOnePerDay) {
  const automation::RefillCadence cadence{{-5, -1, 3}};
  EXPECT_EQ(reminder_step_dates("2026-12-31", "2026-12-01", cadence, std::nullopt),
            (std::vector<std::string>{"2026-12-26", "2026-12-30", "2027-01-03"}));
  // A customer's own lead moves the first step before running out.
  EXPECT_EQ(reminder_step_dates("2026-12-31", "2026-12-01", cadence, 10),
            (std::vector<std::string>{"2026-12-21", "2026-12-30", "2027-01-03"}));
  // Steps before the bill fall on the bill's day, and two on one day are one.
  EXPECT_EQ(reminder_step_dates("2026-12-03", "2026-12-01", cadence, std::nullopt),
            (std::vector<std::string>{"2026-12-01", "2026-12-02", "2026-12-06"}));
  EXPECT_EQ(reminder_step_dates("2026-12-03", "2026-12-01", automation::RefillCadence{{-5, -4}},
                                std::nullopt),
            (std::vector<std::string>{"2026-12-01"}));
}

}  // namespace
}  // namespace rx::billing
