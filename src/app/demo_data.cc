#include "app/demo_data.h"

#include "auth/password_hasher.h"
#include "billing/bill_service.h"
#include "contacts/contact_import_service.h"
#include "contacts/contact_service.h"
#include "core/time_zone.h"
#include "messaging/webhook_key_repository.h"
#include "refills/refill_service.h"
#include "shops/shop_service.h"
#include "staff/staff_service.h"

#include <algorithm>
#include <map>
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
// The true process behind the demo's history, so the insights it shows are true of its data:
// evenings pick up more often, "interested" converts more, poor adherents lapse more.
constexpr double kEveningReach = 0.65;  // 17:00-21:00
constexpr double kDaytimeReach = 0.25;

// The chance that a contact whose last call ended so comes in and buys.
double conversion_chance(contacts::InteractionOutcome last) {
  using Outcome = contacts::InteractionOutcome;
  switch (last) {
    case Outcome::kInterested:
      return 0.6;
    case Outcome::kCallbackRequested:
      return 0.3;
    case Outcome::kAnswered:
      return 0.2;
    case Outcome::kNotInterested:
    case Outcome::kWrongNumber:
      return 0.02;
    default:
      return 0.06;  // never reached
  }
}

// Shop-local `hour`:`minute` on the Kolkata day `days_ago` days before `now`.
std::int64_t local_time(std::int64_t now, int days_ago, int hour, int minute) {
  const std::string day = core::add_days(core::local_date(now, "Asia/Kolkata"), -days_ago);
  return core::start_of_local_day(day, "Asia/Kolkata") + (hour * 60LL + minute) * 60 * 1000;
}

const char* const kConditions[] = {"diabetes", "hypertension", "thyroid", "cholesterol"};
constexpr customers::CustomerCategory kCategories[] = {
    customers::CustomerCategory::kFirstTimePrescription,
    customers::CustomerCategory::kRegularBranded, customers::CustomerCategory::kGenericInformed};

// Bills at the counter over the last 90 days: regular patients coming back for refills, walk-ins,
// and some of the contact sheet's people converting; then the refill list worked for a while.
struct LastCall {
  std::int64_t at = 0;
  contacts::InteractionOutcome outcome = contacts::InteractionOutcome::kNoAnswer;
};

void fill_counter(storage::Database& db, core::ManualClock& clock, const auth::Principal& owner,
                  const std::vector<auth::Principal>& callers, std::int64_t now,
                  const std::map<std::int64_t, LastCall>& last_calls, std::mt19937& rng) {
  billing::BillService bills(db, clock);
  std::uniform_int_distribution<int> medicine(0, std::size(kMedicines) - 1);
  std::uniform_int_distribution<int> first(0, std::size(kFirstNames) - 1);
  std::uniform_int_distribution<int> last(0, std::size(kLastNames) - 1);
  std::uniform_int_distribution<int> hour(9, 20);
  // Enough regulars that `rxtrack insights train` has over 200 judged refills (run out more than
  // 7 days ago) and learns a lapse model rather than falling back to the baseline.
  constexpr int kRegulars = 140;
  for (int person = 0; person < kRegulars; ++person) {
    const std::string phone = "98" + std::to_string(20000000 + person * 7919);
    const Medicine& regular = kMedicines[person % 7];
    // Each regular comes back about when the medicine runs out, starting somewhere in the first
    // month; a third are poor adherents, who come 8 to 20 days late and half of whom stop
    // coming: their PDC is low and their refills lapse.
    const bool poor_adherent = person % 3 == 1;
    const int gap = poor_adherent ? 38 + person % 13 : 28 + person % 4;
    for (int day = 88 - person % 28; day > 0; day -= gap) {
      if (poor_adherent && person % 2 == 0 && day < 50) break;
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
  // Called contacts come in by how their last call went ("interested" most often): most buy
  // (converted), some only look (yellow), a few days after that call.
  contacts::ContactService contact_service(db, clock);
  contacts::ContactFilter contacted;
  contacted.status = contacts::ContactStatus::kContacted;
  auto page = contact_service.list(owner, contacted, contacts::ContactSort::kOldest, 500, 0);
  std::uniform_real_distribution<double> chance(0, 1);
  for (std::size_t i = 0; i < page.items.size(); ++i) {
    auto last = last_calls.find(page.items[i].id);
    if (last == last_calls.end() || chance(rng) >= conversion_chance(last->second.outcome)) {
      continue;
    }
    clock.set(std::min(now - kDayMs, last->second.at + (1 + static_cast<int>(i) % 6) * kDayMs));
    billing::BillInput input;
    input.customer.phone = page.items[i].phone;
    input.customer.name = page.items[i].name;
    input.customer_category = customers::CustomerCategory::kContactSheet;
    input.was_contacted_before = true;
    if (i % 7 == 3) {
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

  // A contact sheet uploaded 89 days ago, shared among the three telecallers.
  clock.set(now - 89 * kDayMs);
  const std::string sheet = demo_sheet(rng);
  contacts::ContactImportService importer(db, clock);
  importer.import({core::ShopId(owner.shop_id), "IN", core::StaffId(owner.staff_id),
                   "patient-list.csv", sheet});
  contacts::ContactService contact_service(db, clock);
  contacts::AssignRequest assign;
  for (const auto& caller : callers) assign.staff_ids.emplace_back(caller.staff_id);
  contact_service.assign(owner, assign);

  // Calls over the weeks since, one to four a contact, at hours 09:00-20:59: evenings pick up
  // more; a call that reaches someone ends answered, interested, callback requested or not
  // interested. Then follow-ups and yellow visits.
  using Outcome = contacts::InteractionOutcome;
  const Outcome reached[] = {Outcome::kAnswered, Outcome::kAnswered, Outcome::kInterested,
                             Outcome::kCallbackRequested, Outcome::kNotInterested};
  const Outcome missed[] = {Outcome::kNoAnswer, Outcome::kNoAnswer, Outcome::kBusy,
                            Outcome::kSwitchedOff};
  std::uniform_int_distribution<int> pick_reached(0, std::size(reached) - 1);
  std::uniform_int_distribution<int> pick_missed(0, std::size(missed) - 1);
  std::uniform_int_distribution<int> first_day(20, 88);
  std::uniform_int_distribution<int> calls(1, 4);
  std::uniform_int_distribution<int> hour(9, 20);
  std::uniform_int_distribution<int> minute(0, 59);
  std::uniform_real_distribution<double> chance(0, 1);
  std::map<std::int64_t, LastCall> last_calls;
  for (const auto& caller : callers) {
    contacts::ContactFilter mine;
    contacts::ContactPage page =
        contact_service.list(caller, mine, contacts::ContactSort::kOldest, 500, 0);
    for (std::size_t i = 0; i < page.items.size(); ++i) {
      const auto& contact = page.items[i];
      if (i % 3 == 2) continue;  // a third not called yet
      Outcome result = Outcome::kNoAnswer;
      for (int k = 0, n = calls(rng), days_ago = first_day(rng); k < n && days_ago >= 1; ++k) {
        const int at_hour = hour(rng);
        clock.set(local_time(now, days_ago, at_hour, minute(rng)));
        const bool picked_up = chance(rng) < (at_hour >= 17 ? kEveningReach : kDaytimeReach);
        result = picked_up ? reached[pick_reached(rng)] : missed[pick_missed(rng)];
        contact_service.add_interaction(
            caller, core::ContactId(contact.id),
            {contacts::InteractionKind::kCall, result, std::nullopt, std::nullopt});
        last_calls[contact.id] = {clock.now_ms(), result};
        if (picked_up && result != Outcome::kCallbackRequested) break;  // a decision was made
        days_ago -= 1 + days_ago % 6;
      }
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
  fill_counter(db, clock, owner, callers, now, last_calls, rng);
  return summary;
}

}  // namespace rx::app
