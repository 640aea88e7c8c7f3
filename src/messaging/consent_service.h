#pragma once

#include "core/clock.h"
#include "core/identity/principal.h"
#include "customers/customer.h"
#include "storage/database.h"

#include <optional>
#include <string>
#include <vector>

namespace rx::messaging {

struct ConsentChange {
  std::string channel;  // whatsapp, sms
  bool granted = false;
  std::string method;  // counter, form, staff
  std::optional<std::string> note;
};

// The customer after a consent change, with the whole consent history.
struct ConsentView {
  customers::Customer customer;
  std::vector<customers::ConsentEvent> history;
};

// Consent per customer and channel, and opt-out. Every change is a consent event; an opt-out
// turns every channel off from that moment and cancels what is still queued for the customer.
class ConsentService {
 public:
  ConsentService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // A grant also ends an earlier opt-out: this is the explicit act that may do so.
  ConsentView record(const auth::Principal& actor, std::int64_t customer_id,
                     const ConsentChange& change);
  ConsentView opt_out(const auth::Principal& actor, std::int64_t customer_id,
                      const std::optional<std::string>& note);

  // The opt-out itself, inside the caller's transaction (staff or an inbound STOP reply).
  static void opt_out_in(storage::Connection& c, std::int64_t shop_id, std::int64_t customer_id,
                         std::string_view method, std::optional<std::int64_t> staff_id,
                         const std::optional<std::string>& note, std::int64_t now_ms);

 private:
  ConsentView view(storage::Connection& c, std::int64_t shop_id, std::int64_t customer_id);

  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::messaging
