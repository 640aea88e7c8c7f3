#include "app/demo_data.h"

#include "auth/password_hasher.h"
#include "contacts/contact_import_service.h"
#include "contacts/contact_service.h"
#include "shops/shop_service.h"
#include "staff/staff_service.h"

#include <random>

namespace rx::app {
namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
constexpr int kDemoContacts = 240;

const char* const kFirstNames[] = {"Aarav", "Meera", "Ishaan", "Priya", "Kabir", "Ananya", "Rohan",
                                   "Diya", "Arjun", "Sneha", "Vikram", "Lakshmi", "Farhan", "Kavya"};
const char* const kLastNames[] = {"Sharma", "Iyer", "Patel", "Reddy", "Khan", "Nair", "Gupta",
                                  "Das", "Joshi", "Menon", "Singh", "Pillai"};
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
      case 0: phone = "+91 " + digits.substr(0, 5) + " " + digits.substr(5); break;
      case 1: phone = "0" + digits; break;
      case 2: phone = digits + ".0"; break;
      case 3: phone = "91-" + digits; break;
      case 4: phone = i % 4 == 0 ? "12345" : digits; break;
      default: phone = digits;
    }
    csv += std::string(kFirstNames[first(rng)]) + " " + kLastNames[last(rng)] + "," + phone + "," +
           kAreas[area(rng)] + "\n";
  }
  return csv;
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

  shops::ShopService shop_service(db, clock);
  shops::CreatedShop created =
      shop_service.create({summary.shop_name, "Asha Owner", "owner" + domain, summary.password}, false);
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
    staff::StaffMember member =
        staff_service.create(owner, {person.name, email, summary.password, person.role, std::nullopt});
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
  importer.import({owner.shop_id, "IN", owner.staff_id, "patient-list.csv", sheet});
  contacts::ContactService contact_service(db, clock);
  contacts::AssignRequest assign;
  for (const auto& caller : callers) assign.staff_ids.push_back(caller.staff_id);
  contact_service.assign(owner, assign);

  // Calls, follow-ups and yellow visits spread over the weeks since.
  const char* const outcomes[] = {"answered", "no_answer", "busy", "interested", "callback_requested",
                                  "not_interested", "switched_off"};
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
      const char* result = outcomes[outcome(rng)];
      contact_service.add_interaction(caller, contact.id, {"call", result, std::nullopt});
      if (std::string_view(result) == "callback_requested") {
        contact_service.add_follow_up(caller, contact.id,
                                      {clock.now_ms() + (i % 2 ? 2 : 95) * kDayMs, "call back", std::nullopt});
      }
      if (i % 11 == 0) contact_service.mark_yellow(caller, contact.id, "came in, compared prices");
    }
  }
  return summary;
}

}  // namespace rx::app
