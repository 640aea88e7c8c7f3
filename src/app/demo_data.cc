#include "app/demo_data.h"

#include "auth/password_hasher.h"
#include "billing/bill_service.h"
#include "contacts/contact_import_service.h"
#include "contacts/contact_service.h"
#include "messaging/webhook_key_repository.h"
#include "refills/refill_service.h"
#include "shops/shop_service.h"
#include "staff/staff_service.h"

#include <random>

namespace rx::app {
namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
constexpr int kDemoContacts = 240;

const char* const kFirstNames[] = {"Aarav",  "Meera",   "Ishaan", "Priya", "Kabir",
                                   "Ananya", "Rohan",   "Diya",   "Arjun", "Sneha",
                                   "Vikram", "Lakshmi", "Farhan", "Kavya"};
const char* const kLastNames[] = {"Sharma", "Iyer", "Patel", "Reddy", "Khan",  "Nair",
                                  "Gupta",  "Das",  "Joshi", "Menon", "Singh", "Pillai"};
const char* const kAreas[] = {"Kothrud", "Baner", "Aundh", "Hadapsar", "Viman Nagar", "Wakad"};

// A contact sheet as shops really write them: mixed spellings, a few bad and repeated numbers.
std::string demo_sheet(std::mt19937& rng) {
  std::string csv = "Sanjeevani Pharmacy - patient list\n\nName,Mobile No.,Area\n";
  std::uniform_int_distribution<int> first(0, std::size(kFirstNames) - 1);
  std::uniform_int_distribution<int> last(0, std::size(kLastNames) - 1);
  std::uniform_int_distribution<int> area(0, std::size(kAreas) - 1);
  std::uniform_int_distribution<long long> number(6000000000LL, 9999999999LL);
  std::uniform_int_distribution<int> style(0, 9);
  for (int i = 0; i < kDemoContacts; ++i) {
    const std::string digits = std::to_string(number(rng));
    std::string phone;
    switch (style(rng)) {
      case 0:
        phone = "+91 " + digits.substr(0, 5) + " " + digits.substr(5);
        break;
      case 1:
        phone = "0" + digits;
        break;
      case 2:
        phone = digits + ".0";
        break;
      case 3:
        phone = "91-" + digits;
        break;
      case 4:
        phone = i % 4 == 0 ? "12345" : digits;
        break;
      default:
        phone = digits;
    }
    csv += std::string(kFirstNames[first(rng)]) + " " + kLastNames[last(rng)] + "," + phone + "," +
           kAreas[area(rng)] + "\n";
  }
  return csv;
}

struct Medicine {
  const char* name;
  std::int64_t price_paise;
  int duration_days;  // 0: no refill
  bool generic;
};

const Medicine kMedicines[] = {
    {"Metformin 500 mg", 4500, 30, true},   {"Glycomet GP 1", 12800, 30, false},
    {"Amlodipine 5 mg", 3500, 30, true},    {"Telma 40", 21500, 30, false},
    {"Thyronorm 50 mcg", 16000, 60, false}, {"Atorvastatin 10 mg", 6000, 30, true},
    {"Ecosprin 75", 2500, 30, false},       {"Crocin 650", 3000, 0, false},
    {"Azithromycin 500", 11900, 0, true},   {"Pantoprazole 40", 4200, 15, true},
};
const char* const kConditions[] = {"diabetes", "hypertension", "thyroid", "cholesterol"};
constexpr customers::CustomerCategory kCategories[] = {
    customers::CustomerCategory::kFirstTimePrescription,
    customers::CustomerCategory::kRegularBranded, customers::CustomerCategory::kGenericInformed};

// Bills at the counter over the last 90 days: regular patients coming back for refills, walk-ins,
// and some of the contact sheet's people converting; then the refill list worked for a while.
void fill_counter(storage::Database& db, core::ManualClock& clock, const auth::Principal& owner,
                  const std::vector<auth::Principal>& callers, std::int64_t now,
                  std::mt19937& rng) {
  billing::BillService bills(db, clock);
  std::uniform_int_distribution<int> medicine(0, std::size(kMedicines) - 1);
  std::uniform_int_distribution<int> first(0, std::size(kFirstNames) - 1);
  std::uniform_int_distribution<int> last(0, std::size(kLastNames) - 1);
  std::uniform_int_distribution<int> hour(9, 20);
  constexpr int kRegulars = 45;
  for (int person = 0; person < kRegulars; ++person) {
    const std::string phone = "98" + std::to_string(20000000 + person * 7919);
    const Medicine& regular = kMedicines[person % 7];
    // Each regular comes every ~30 days (a few stop coming), starting somewhere in the first month.
    for (int day = 88 - person % 28; day > 0; day -= 28 + person % 5) {
      if (person % 9 == 0 && day < 40) break;
      clock.set(now - day * kDayMs + hour(rng) * 3600 * 1000LL);
      billing::BillInput input;
      input.customer.phone = "+91" + phone;
      input.customer.name = std::string(kFirstNames[first(rng)]) + " " + kLastNames[last(rng)];
      input.customer.chronic_conditions = std::vector<std::string>{kConditions[person % 4]};
      input.customer.prefers_generic = regular.generic;
      input.customer.whatsapp_consent = person % 3 != 0;
      input.customer_category = kCategories[person % 3];
      input.items.push_back({regular.name, 1 + person % 2, regular.price_paise,
                             regular.duration_days, regular.generic});
      if (person % 4 == 0) {
        const Medicine& extra = kMedicines[medicine(rng)];
        input.items.push_back(
            {extra.name, 1, extra.price_paise,
             extra.duration_days ? std::optional<std::int64_t>(extra.duration_days) : std::nullopt,
             extra.generic});
      }
      bills.create(callers[person % callers.size()], input);
    }
  }
  // A fifth of the called contacts come in: most buy (converted), some only look (yellow).
  contacts::ContactService contact_service(db, clock);
  contacts::ContactFilter contacted;
  contacted.status = contacts::ContactStatus::kContacted;
  auto page = contact_service.list(owner, contacted, contacts::ContactSort::kOldest, 500, 0);
  for (std::size_t i = 0; i < page.items.size(); i += 5) {
    clock.set(now - (1 + static_cast<int>(i) % 60) * kDayMs);
    billing::BillInput input;
    input.customer.phone = page.items[i].phone;
    input.customer.name = page.items[i].name;
    input.customer_category = customers::CustomerCategory::kContactSheet;
    input.was_contacted_before = true;
    if (i % 15 == 10) {
      input.visited_but_no_purchase = true;
    } else {
      const Medicine& m = kMedicines[medicine(rng)];
      input.items.push_back(
          {m.name, 1, m.price_paise,
           m.duration_days ? std::optional<std::int64_t>(m.duration_days) : std::nullopt,
           m.generic});
    }
    bills.create(owner, input);
  }
  // The refill list was worked until a few days ago.
  clock.set(now - 3 * kDayMs);
  refills::RefillService refill_service(db, clock);
  refills::RefillFilter all;
  auto due = refill_service.list(owner, all, true, 500, 0);
  for (std::size_t i = 0; i < due.items.size(); ++i) {
    if (i % 3 == 2) continue;
    refill_service.mark_sent(
        callers[i % callers.size()], core::RefillReminderId(due.items[i].id),
        i % 2 ? refills::RefillChannel::kCall : refills::RefillChannel::kWhatsapp, std::nullopt);
    if (i % 4 == 0)
      refill_service.respond(callers[i % callers.size()], core::RefillReminderId(due.items[i].id),
                             refills::RefillResponse::kWillVisit, std::nullopt);
  }
}

}  // namespace

DemoSummary fill_demo_shop(storage::Database& db, const core::Clock& real_clock) {
  DemoSummary summary;
  summary.password = "demo-password";
  // A suffix keeps several demo shops apart in one database (emails are unique across shops).
  const std::string suffix = auth::random_key(3);
  const std::string domain = "@demo-" + suffix + ".rxtrack.test";
  summary.shop_name = "Sanjeevani Pharmacy (demo " + suffix + ")";

  // History is written through the services with a clock walked forward over the last 90 days.
  const std::int64_t now = real_clock.now_ms();
  core::ManualClock clock(now - 90 * kDayMs);
  std::mt19937 rng(20261125);

  shops::ShopService shop_service(db, clock, messaging::WebhookKeyRepository::insert_new_shop_keys);
  shops::CreatedShop created = shop_service.create(
      {summary.shop_name, "Asha Owner", "owner" + domain, summary.password}, false);
  summary.shop_id = created.shop_id;
  summary.sign_ins.emplace_back("owner", "owner" + domain);

  auth::Principal owner;
  owner.shop_id = created.shop_id;
  owner.staff_id = created.owner_id;
  owner.role = auth::Role::kOwner;
  owner.name = "Asha Owner";
  owner.time_zone = "Asia/Kolkata";
  owner.phone_region = "IN";

  staff::StaffService staff_service(db, clock);
  struct Person {
    const char* name;
    const char* local;
    auth::Role role;
  };
  const Person people[] = {{"Manoj Manager", "manager", auth::Role::kManager},
                           {"Priya Staff", "priya", auth::Role::kStaff},
                           {"Rahul Staff", "rahul", auth::Role::kStaff},
                           {"Sneha Staff", "sneha", auth::Role::kStaff}};
  std::vector<auth::Principal> callers;
  for (const Person& person : people) {
    const std::string email = std::string(person.local) + domain;
    staff::StaffMember member = staff_service.create(
        owner, {person.name, email, summary.password, person.role, std::nullopt});
    summary.sign_ins.emplace_back(std::string(auth::to_string(person.role)), email);
    if (person.role == auth::Role::kStaff) {
      auth::Principal caller = owner;
      caller.staff_id = member.id;
      caller.role = auth::Role::kStaff;
      caller.name = member.name;
      callers.push_back(caller);
    }
  }

  // A contact sheet uploaded 80 days ago, shared among the three telecallers.
  clock.set(now - 80 * kDayMs);
  const std::string sheet = demo_sheet(rng);
  contacts::ContactImportService importer(db, clock);
  importer.import({core::ShopId(owner.shop_id), "IN", core::StaffId(owner.staff_id),
                   "patient-list.csv", sheet});
  contacts::ContactService contact_service(db, clock);
  contacts::AssignRequest assign;
  for (const auto& caller : callers) assign.staff_ids.emplace_back(caller.staff_id);
  contact_service.assign(owner, assign);

  // Calls, follow-ups and yellow visits spread over the weeks since.
  using Outcome = contacts::InteractionOutcome;
  const Outcome outcomes[] = {
      Outcome::kAnswered,   Outcome::kNoAnswer,          Outcome::kBusy,
      Outcome::kInterested, Outcome::kCallbackRequested, Outcome::kNotInterested,
      Outcome::kSwitchedOff};
  std::uniform_int_distribution<int> outcome(0, std::size(outcomes) - 1);
  std::uniform_int_distribution<int> day(1, 79);
  for (const auto& caller : callers) {
    contacts::ContactFilter mine;
    contacts::ContactPage page =
        contact_service.list(caller, mine, contacts::ContactSort::kOldest, 500, 0);
    for (std::size_t i = 0; i < page.items.size(); ++i) {
      const auto& contact = page.items[i];
      if (i % 3 == 2) continue;  // a third not called yet
      clock.set(now - day(rng) * kDayMs);
      const Outcome result = outcomes[outcome(rng)];
      contact_service.add_interaction(
          caller, core::ContactId(contact.id),
          {contacts::InteractionKind::kCall, result, std::nullopt, std::nullopt});
      if (result == Outcome::kCallbackRequested) {
        contact_service.add_follow_up(
            caller, core::ContactId(contact.id),
            {clock.now_ms() + (i % 2 ? 2 : 95) * kDayMs, "call back", std::nullopt});
      }
      if (i % 11 == 0) {
        contact_service.mark_yellow(caller, core::ContactId(contact.id),
                                    "came in, compared prices");
      }
    }
  }
  fill_counter(db, clock, owner, callers, now, rng);
  return summary;
}

}  // namespace rx::app
