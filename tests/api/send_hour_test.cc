// The hour a WhatsApp refill reminder goes out (planned_for), learned from read receipts, on
// both engines: the customer's own soonest-read hour, else the shop's, and never past the window.
#include "messaging_support.h"

#include <chrono>

namespace rx::test {
namespace {

// Unix seconds of Kolkata's `days` from today at hh:mm (a webhook's timestamp).
long long ist_seconds(int days, int hour, int minute) {
  using namespace std::chrono;
  const long long now = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
  const long long today = (now + 19800) / 86400;
  return (today + days) * 86400 + hour * 3600 + minute * 60 - 19800;
}

class SendHourTest : public MessagingTest {
 protected:
  static std::string webhook_key(const SignedInStaff& owner) {
    return client(owner).get("/api/shop/messaging").body["webhook_key"];
  }
  // The WhatsApp message of the bill's first reminder.
  static nlohmann::json message_of(const SignedInStaff& owner, const nlohmann::json& bill) {
    const nlohmann::json all = messages(owner);
    for (const auto& m : all["items"]) {
      if (m["refill_reminder_id"] == bill["reminders"][0]["id"] && m["channel"] == "whatsapp")
        return m;
    }
    ADD_FAILURE() << "no WhatsApp message for " << bill["reminders"][0]["id"] << " in " << all;
    return nlohmann::json::object();
  }
  static void read_at(const SignedInStaff& owner, const nlohmann::json& message, long long at) {
    Response read = post_webhook(
        webhook_key(owner),
        webhook_payload({status_report(message["provider_message_id"], "read", at)}, {}),
        "test-app-secret");
    ASSERT_EQ(read.status, 200) << read.raw;
    ASSERT_EQ(read.body["statuses_applied"], 1) << read.raw;
  }
};

TEST_F(SendHourTest, RemindersGoInTheHourTheCustomerReadsElseTheShopsNeverPastTheWindow) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Send Hour Shop");
  configure(owner, whatsapp_settings(graph));  // send window 09:00-20:00

  // Day 1: no reads anywhere yet, so both go at once; Meera reads hers at 19:05, Asha at 11:05.
  nlohmann::json meera = due_bill(owner, "9876543001", "Meera", true, false, {"Metformin 500"});
  nlohmann::json asha = due_bill(owner, "9876543002", "Asha", true, false, {"Atorvastatin 10"});
  RemindSummary first = remind(server(), ist_instant(1, "10:00"));
  EXPECT_EQ(first.counts["sent"], 2) << first.counts;
  const nlohmann::json meera_first = message_of(owner, meera);
  EXPECT_TRUE(meera_first["planned_for"].is_null()) << meera_first;
  read_at(owner, meera_first, ist_seconds(1, 19, 5));
  read_at(owner, message_of(owner, asha), ist_seconds(1, 11, 5));

  // Day 2: Meera's new reminder waits for 19:00; Ravi has never read a message, so his waits
  // for the shop's soonest-read hour (from 11:00 the two reads come after 5 and 485 minutes).
  nlohmann::json meera_again = due_bill(owner, "9876543001", "Meera", true, false, {"Losartan 50"});
  nlohmann::json ravi = due_bill(owner, "9876543003", "Ravi", true, false, {"Amlodipine 5"});
  RemindSummary morning = remind(server(), ist_instant(2, "10:00"));
  EXPECT_EQ(morning.counts["queued"], 2) << morning.counts;
  EXPECT_EQ(morning.counts["sent"], 0) << morning.counts;
  nlohmann::json planned = message_of(owner, meera_again);
  EXPECT_EQ(planned["status"], "queued") << planned;
  EXPECT_EQ(planned["planned_for"], ist_instant(2, "19:00")) << planned;
  EXPECT_EQ(message_of(owner, ravi)["planned_for"], ist_instant(2, "11:00"));

  EXPECT_EQ(remind(server(), ist_instant(2, "10:40")).counts["sent"], 0);
  EXPECT_EQ(remind(server(), ist_instant(2, "11:00")).counts["sent"], 1);
  EXPECT_EQ(message_of(owner, ravi)["status"], "sent");
  EXPECT_EQ(message_of(owner, meera_again)["status"], "queued") << "not before 19:00";
  EXPECT_EQ(remind(server(), ist_instant(2, "18:30")).counts["sent"], 0);
  EXPECT_EQ(message_of(owner, meera_again)["status"], "queued") << "not before 19:00";
  EXPECT_EQ(remind(server(), ist_instant(2, "19:00")).counts["sent"], 1);
  nlohmann::json sent = message_of(owner, meera_again);
  EXPECT_EQ(sent["status"], "sent") << sent;
  EXPECT_EQ(sent["planned_for"], ist_instant(2, "19:00")) << "the plan is kept on the row";

  // Day 3: planned for 19:00, then the shop ends its window at 18:00: the reminder goes in the
  // window's last hour rather than waiting past it.
  nlohmann::json meera_third = due_bill(owner, "9876543001", "Meera", true, false, {"Telma 40"});
  remind(server(), ist_instant(3, "10:00"));
  EXPECT_EQ(message_of(owner, meera_third)["planned_for"], ist_instant(3, "19:00"));
  configure(owner, {{"send_window_end", "18:00"}});
  remind(server(), ist_instant(3, "16:30"));
  EXPECT_EQ(message_of(owner, meera_third)["status"], "queued") << "the window is not ending";
  remind(server(), ist_instant(3, "17:10"));
  EXPECT_EQ(message_of(owner, meera_third)["status"], "sent") << "the window is ending";
}

TEST_F(SendHourTest, ReadsOfAnotherShopPlanNothing) {
  FakeGraphApi graph;
  SignedInStaff reading = create_shop(server(), "Reading Shop");
  configure(reading, whatsapp_settings(graph));
  nlohmann::json first = due_bill(reading, "9876543011", "Kiran", true, false, {"Metformin 500"});
  remind(server(), ist_instant(1, "10:00"));
  read_at(reading, message_of(reading, first), ist_seconds(1, 19, 5));

  // The same phone at a second shop without reads of its own: sent at once.
  SignedInStaff other = create_shop(server(), "Other Shop");
  configure(other, whatsapp_settings(graph));
  nlohmann::json there = due_bill(other, "9876543011", "Kiran", true, false, {"Metformin 500"});
  remind(server(), ist_instant(2, "10:00"));
  const nlohmann::json m = message_of(other, there);
  EXPECT_TRUE(m["planned_for"].is_null()) << m;
  EXPECT_EQ(m["status"], "sent") << m;
}

}  // namespace
}  // namespace rx::test
