#include "app/demo_data.h"

#include "auth/password_hasher.h"
#include "shops/shop_service.h"
#include "staff/staff_service.h"

namespace rx::app {

DemoSummary fill_demo_shop(storage::Database& db, const core::Clock& clock) {
  DemoSummary summary;
  summary.password = "demo-password";
  // A suffix keeps several demo shops apart in one database (emails are unique across shops).
  const std::string suffix = auth::random_key(3);
  const std::string domain = "@demo-" + suffix + ".rxtrack.test";
  summary.shop_name = "Sanjeevani Pharmacy (demo " + suffix + ")";

  shops::ShopService shop_service(db, clock);
  shops::CreatedShop created =
      shop_service.create({summary.shop_name, "Asha Owner", "owner" + domain, summary.password}, false);
  summary.shop_id = created.shop_id;
  summary.sign_ins.emplace_back("owner", "owner" + domain);

  auth::Principal owner;
  owner.shop_id = created.shop_id;
  owner.staff_id = created.owner_id;
  owner.role = auth::Role::kOwner;
  owner.time_zone = "Asia/Kolkata";

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
  for (const Person& person : people) {
    const std::string email = std::string(person.local) + domain;
    staff_service.create(owner, {person.name, email, summary.password, person.role, std::nullopt});
    summary.sign_ins.emplace_back(std::string(auth::to_string(person.role)), email);
  }
  return summary;
}

}  // namespace rx::app
