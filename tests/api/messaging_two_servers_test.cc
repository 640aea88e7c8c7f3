// At-most-once sending with two `rxtrack serve` processes, each running its own reminder
// scheduler every second, on one database (PostgreSQL: FOR UPDATE SKIP LOCKED; SQLite: two
// processes on one WAL file, serialised by its write lock).
#include "messaging_support.h"

#include <set>
#include <thread>

namespace rx::test {
namespace {

class MessagingTwoServersTest : public MessagingTest {};

TEST_F(MessagingTwoServersTest, TwoServeSchedulersSendEachDueReminderExactlyOnce) {
  FakeGraphApi graph;
  graph.set_delay(std::chrono::milliseconds(20));  // senders overlap while the provider answers
  SignedInStaff owner = create_shop(server(), "Two Servers Shop");
  nlohmann::json settings = whatsapp_settings(graph);
  // The schedulers run on the real clock: a window of the whole day, whatever the hour.
  settings["send_window_start"] = "00:00";
  settings["send_window_end"] = "24:00";
  configure(owner, settings);
  constexpr int kCount = 12;
  std::set<std::string> expected;
  for (int i = 0; i < kCount; ++i) {
    const std::string digits = "98765470" + std::to_string(10 + i);
    due_bill(owner, digits, "Customer " + std::to_string(i), true, false);
    expected.insert("91" + digits);
  }
  ASSERT_EQ(graph.count(), 0u) << "the fixture's server runs no scheduler";

  {
    const std::vector<std::string> scheduler = with_fake_providers({"--scheduler-interval", "1"});
    TestServer first(ExistingDatabase{server().db_url()}, scheduler);
    TestServer second(ExistingDatabase{server().db_url()}, scheduler);
    ASSERT_TRUE(graph.wait_for(kCount, std::chrono::seconds(30)))
        << "only " << graph.count() << " sent\n"
        << first.log() << second.log();
    // Several more passes of both schedulers: nothing goes out again.
    std::this_thread::sleep_for(std::chrono::milliseconds(3500));
    EXPECT_EQ(first.stop(), 0);
    EXPECT_EQ(second.stop(), 0);
  }

  const std::vector<RecordedRequest> requests = graph.requests();
  EXPECT_EQ(requests.size(), static_cast<std::size_t>(kCount));
  std::multiset<std::string> recipients;
  for (const RecordedRequest& r : requests) recipients.insert(r.body["to"].get<std::string>());
  for (const std::string& to : expected) EXPECT_EQ(recipients.count(to), 1u) << to;
  nlohmann::json outbox = messages(owner);
  EXPECT_EQ(outbox["total"], kCount);
  for (const auto& m : outbox["items"]) {
    EXPECT_EQ(m["status"], "sent") << m;
    EXPECT_EQ(m["attempts"], 1) << m;
  }
  EXPECT_TRUE(call_list(owner).empty());
}

}  // namespace
}  // namespace rx::test
