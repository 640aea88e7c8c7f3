#pragma once

#include "core/clock.h"
#include "core/enum_names.h"
#include "core/identity/principal.h"
#include "core/strong_id.h"
#include "customers/customer.h"
#include "messaging/message_channel.h"
#include "storage/database.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rx::messaging {

// How staff learned of a consent change.
enum class ConsentMethod { kCounter, kForm, kStaff };

struct ConsentChange {
  MessageChannel channel = MessageChannel::kWhatsapp;
  bool granted = false;
  ConsentMethod method = ConsentMethod::kCounter;
  std::optional<std::string> note;
};

// The customer after a consent change, with the whole consent history.
struct ConsentView {
  customers::Customer customer;
  std::vector<customers::ConsentEvent> history;
};

// Consent per customer and channel, and opt-out. Every change is a consent event; an opt-out
// turns every channel off from that moment and cancels what is still queued for the customer.
// Database failures are thrown as core::AppError (storage/driver_error.h).
class ConsentService {
 public:
  ConsentService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // A grant also ends an earlier opt-out: this is the explicit act that may do so.
  // Throws AppError(kNotFound) when the shop has no such customer.
  ConsentView record(const auth::Principal& actor, core::CustomerId customer,
                     const ConsentChange& change);
  // Throws AppError(kNotFound) when the shop has no such customer.
  ConsentView opt_out(const auth::Principal& actor, core::CustomerId customer,
                      const std::optional<std::string>& note);

  // The opt-out itself, inside the caller's transaction (staff or an inbound STOP reply);
  // `method` is how it came ("staff", "reply").
  static void opt_out_in(storage::Connection& c, core::ShopId shop, core::CustomerId customer,
                         std::string_view method, std::optional<core::StaffId> staff,
                         const std::optional<std::string>& note, std::int64_t now_ms);

 private:
  ConsentView view(storage::Connection& c, core::ShopId shop, core::CustomerId customer);

  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::messaging

template <>
struct rx::core::EnumNames<rx::messaging::ConsentMethod> {
  using E = rx::messaging::ConsentMethod;
  static constexpr auto kNames =
      spellings<E>(E::kCounter, "counter", E::kForm, "form", E::kStaff, "staff");
};
