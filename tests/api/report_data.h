#pragma once

#include "test_server.h"

#include <cstdint>
#include <string>

// The fixed data sets the report tests assert exact figures on, built through the real API
// (plus outbox messages and prices written directly: no API writes them yet). Dates are relative
// to today in Asia/Kolkata; every shop is new, so figures never depend on other tests.
namespace rx::test {

std::string add_days(const std::string& date, int days);
// The Monday on or before `date`.
std::string monday_of(const std::string& date);

// Two uploads (first.csv: 6 contacts, second.csv: 3), five staff (Kiran deactivated), contacts
// worked, followed up, marked yellow and converted by bills; see report_data.cc for each figure.
struct ConversionShop {
  SignedInStaff owner, manager, priya, rahul, kiran;
  std::int64_t first_upload = 0;
  std::int64_t second_upload = 0;
  std::string owner_name;
};
ConversionShop build_conversion_shop(TestServer& server, const std::string& name);

// Six customers whose refill reminders were sent, answered, cancelled or refilled; outbox
// messages; optionally a WhatsApp price of 80 paise.
struct RefillShop {
  SignedInStaff owner;
};
RefillShop build_refill_shop(TestServer& server, const std::string& name);
void set_whatsapp_price(TestServer& server, const SignedInStaff& owner, int paise);

// Customers with chronic conditions and repeat purchases (H1 100%, H2 53.33%, H3 85%, H7
// 11.76%) and others the report must leave out.
struct AdherenceShop {
  SignedInStaff owner;
  std::int64_t h2 = 0;
  std::int64_t h7 = 0;
};
AdherenceShop build_adherence_shop(TestServer& server, const std::string& name);

// Customers of every category billed across three weeks starting `monday` - 14, with generic
// items and refills.
struct CustomerShop {
  SignedInStaff owner;
  std::string monday;  // of this week
};
CustomerShop build_customer_shop(TestServer& server, const std::string& name);

}  // namespace rx::test
