#pragma once

// Shared steps of the messaging API tests: shop set-up against the fake providers, bills that
// make refill reminders due today, and `rxtrack remind` runs at a chosen instant.
#include "api_paths.h"
#include "fake_providers.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rx::test {

// "YYYY-MM-DDTHH:MM:00+05:30" for the Kolkata date `days` from today.
std::string ist_instant(int days, const std::string& hh_mm);
// The instant `minutes` after an ISO instant with an offset, in the same offset.
std::string plus_minutes(const std::string& iso_instant, int minutes);
// "2026-11-05" -> "5 Nov 2026", as the messages show dates.
std::string readable(const std::string& date);

// `rxtrack <args>` started in the background; stdout is kept, stderr goes to a log file.
class BackgroundCommand {
 public:
  explicit BackgroundCommand(const std::vector<std::string>& args);
  ~BackgroundCommand();
  BackgroundCommand(const BackgroundCommand&) = delete;
  BackgroundCommand& operator=(const BackgroundCommand&) = delete;
  // Waits for the exit; the exit code and everything printed.
  CommandResult finish();
  void kill_now();  // SIGKILL: a crash, as far as the process can tell

 private:
  int pid_ = -1;
  int out_fd_ = -1;
};

// The serve/remind arguments that let messaging reach the fake providers on 127.0.0.1 over
// plain http; without them a provider URL on a loopback address is refused, as in production.
std::vector<std::string> allow_fake_providers();
// `extra`, with allow_fake_providers() appended.
std::vector<std::string> with_fake_providers(std::vector<std::string> extra);

struct RemindSummary {
  int exit_code = -1;
  nlohmann::json counts;  // {"queued","sent","failed","skipped"}
};
// `rxtrack remind` at `now_iso`, by default allowed to reach the fake providers.
RemindSummary remind(TestServer& server, const std::string& now_iso,
                     const std::vector<std::string>& extra_args = allow_fake_providers());

// Two `rxtrack remind` passes at `now_iso` running at once (as two servers' schedulers would),
// both allowed to reach the fake providers; their results, in start order.
std::pair<CommandResult, CommandResult> remind_twice_at_once(TestServer& server,
                                                             const std::string& now_iso);

// Each test gets a server and database of its own: a reminder pass works on every shop of the
// database, and its counts must be this test's alone. The server may reach the fake providers
// unless a suite's server_args() says otherwise.
class MessagingTest : public ::testing::Test {
 protected:
  virtual std::vector<std::string> server_args() const { return allow_fake_providers(); }
  void SetUp() override { server_ = new TestServer(server_args()); }
  void TearDown() override {
    delete server_;
    server_ = nullptr;
  }
  static TestServer& server() { return *server_; }
  static TestServer* server_;
  static ApiClient client(const SignedInStaff& who) {
    return ApiClient(server().port(), who.token);
  }

  // The WhatsApp side of the settings, pointing at `graph`.
  static nlohmann::json whatsapp_settings(const FakeGraphApi& graph);
  static nlohmann::json sms_settings(const FakeMsg91& sms);
  static void configure(const SignedInStaff& owner, const nlohmann::json& settings);

  // A bill whose items run out `lead` days from today, so their reminders are due today. The
  // customer object carries name and consent flags.
  static nlohmann::json due_bill(const SignedInStaff& who, const std::string& phone,
                                 const std::optional<std::string>& name, bool whatsapp_consent,
                                 bool sms_consent,
                                 const std::vector<std::string>& medicines = {"Metformin 500"});
  // The pending refill list (the staff call list) as reminder ids.
  static std::vector<std::int64_t> call_list(const SignedInStaff& who);
  static nlohmann::json messages(const SignedInStaff& who, const std::string& query = "");
  // A webhook POST signed with `secret` (or not signed, when empty).
  static Response post_webhook(const std::string& key, const nlohmann::json& payload,
                               const std::string& secret);
};

// A Cloud API webhook body with the given statuses and messages in one change. (Vectors, not
// json: a braced list of one json would be that json itself, not an array of it.)
nlohmann::json webhook_payload(const std::vector<nlohmann::json>& statuses,
                               const std::vector<nlohmann::json>& messages,
                               const nlohmann::json& contacts = nlohmann::json::array());
nlohmann::json status_report(const std::string& wamid, const std::string& status,
                             long long timestamp, std::optional<int> error_code = {});
nlohmann::json inbound_text(const std::string& wamid, const std::string& from_digits,
                            const std::string& text);

}  // namespace rx::test
