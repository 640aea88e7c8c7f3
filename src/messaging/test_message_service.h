#pragma once

#include "core/clock.h"
#include "core/identity/principal.h"
#include "messaging/message.h"
#include "storage/database.h"

#include <string>

namespace rx::messaging {

struct TestMessageRequest {
  MessageChannel channel = MessageChannel::kWhatsapp;
  std::string phone;  // as typed; normalised with the shop's region
};

// "Send a test message" on the settings page: one real message through the configured provider,
// now, recorded in the outbox without a customer. The row is inserted already claimed and
// committed before the provider is called, so the scheduler never sends it too, and a crash in
// between leaves it to be marked interrupted.
class TestMessageService {
 public:
  TestMessageService(storage::Database& db, const core::Clock& clock);

  // The sent message. Throws AppError(kValidation) when the channel is not configured or the
  // phone is not a number; AppError(kProviderError) with the provider's code (the row is then
  // failed with that error). When the provider gave no answer at all, the code is
  // provider_unreachable with one message whatever the cause (address refused, no such name,
  // connection refused, timeout): the owner's URL must not become a probe of the operator's
  // network. The cause goes to the server's log.
  Message send(const auth::Principal& actor, const TestMessageRequest& request);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  const std::string worker_;
};

}  // namespace rx::messaging
