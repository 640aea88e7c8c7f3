// Webhook keys: only the owner sees them, each channel has its own, the owner rotates them and a
// rotated-out key keeps working for 24 hours (server clock; aged here by moving retired_at).
#include "direct_sql.h"
#include "messaging_support.h"

namespace rx::test {
namespace {

constexpr long long kDayMs = 24LL * 60 * 60 * 1000;

class MessagingWebhookKeysTest : public MessagingTest {
 protected:
  static nlohmann::json owner_settings(const SignedInStaff& owner) {
    Response res = client(owner).get("/api/shop/messaging");
    EXPECT_EQ(res.status, 200) << res.raw;
    return res.body;
  }
  // An inbound SMS as MSG91 posts it, to /api/webhooks/sms/<key>.
  static Response post_sms(TestServer& to, const std::string& key, const std::string& id) {
    return ApiClient(to.port()).post_raw(
        "/api/webhooks/sms/" + key,
        "sender=919876540077&message=hello&msgId=" + id + "&rcvd=2026-11-25+10%3A30%3A00",
        "application/x-www-form-urlencoded");
  }
  // The WhatsApp verify handshake with the fixtures' verify token.
  static Response handshake(TestServer& to, const std::string& key) {
    return ApiClient(to.port()).get(
        "/api/webhooks/whatsapp/" + key +
        "?hub.mode=subscribe&hub.verify_token=test-verify-token&hub.challenge=42");
  }
  static Response rotate(const SignedInStaff& who, const nlohmann::json& body) {
    return client(who).post("/api/shop/webhook-keys/rotate", body);
  }
  // Moves the shop's retired keys `ms` into the past.
  static void age_retired_keys(const SignedInStaff& owner, long long ms) {
    exec_sql(server().db_url(),
             "UPDATE shop_webhook_keys SET retired_at = retired_at - " + std::to_string(ms) +
                 " WHERE retired_at IS NOT NULL AND shop_id = " + std::to_string(owner.shop_id));
  }
};

TEST_F(MessagingWebhookKeysTest, OnlyTheOwnerSeesTheWebhookKeys) {
  SignedInStaff owner = create_shop(server(), "Key Owner Shop");
  SignedInStaff manager = add_staff(server(), owner, "manager");
  const nlohmann::json mine = owner_settings(owner);
  const std::string whatsapp = mine["webhook_key"];
  const std::string sms = mine["sms_webhook_key"];
  EXPECT_EQ(mine["webhook_url_path"], "/api/webhooks/whatsapp/" + whatsapp);
  EXPECT_EQ(mine["sms_webhook_url_path"], "/api/webhooks/sms/" + sms);
  EXPECT_TRUE(mine["webhook_previous_key_expires_at"].is_null());
  EXPECT_TRUE(mine["sms_webhook_previous_key_expires_at"].is_null());

  Response theirs = client(manager).get("/api/shop/messaging");
  ASSERT_EQ(theirs.status, 200) << theirs.raw;
  for (const char* field :
       {"webhook_key", "webhook_url_path", "webhook_previous_key_expires_at", "sms_webhook_key",
        "sms_webhook_url_path", "sms_webhook_previous_key_expires_at"}) {
    EXPECT_FALSE(theirs.body.contains(field)) << field;
  }
  EXPECT_EQ(theirs.raw.find(whatsapp), std::string::npos);
  EXPECT_EQ(theirs.raw.find(sms), std::string::npos);
  EXPECT_EQ(theirs.body["send_window_start"], mine["send_window_start"]) << "the rest is shown";
  Response put = client(owner).put("/api/shop/messaging", {{"sms_sender", "RXSHOP"}});
  ASSERT_EQ(put.status, 200);
  EXPECT_EQ(put.body["sms_webhook_key"], sms) << "the owner's PUT answers the owner's view";
}

TEST_F(MessagingWebhookKeysTest, EachChannelHasItsOwnKeyThatWorksOnlyOnItsOwnRoute) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Two Keys Shop");
  configure(owner, whatsapp_settings(graph));
  const nlohmann::json mine = owner_settings(owner);
  const std::string whatsapp = mine["webhook_key"];
  const std::string sms = mine["sms_webhook_key"];
  EXPECT_NE(whatsapp, sms);
  EXPECT_GE(sms.size(), 32u);

  EXPECT_EQ(handshake(server(), whatsapp).status, 200);
  expect_error(handshake(server(), sms), 404, "not_found");
  Response by_sms = post_sms(server(), sms, "own-route-1");
  EXPECT_EQ(by_sms.status, 200) << by_sms.raw;
  EXPECT_EQ(by_sms.body["messages_stored"], 1);
  expect_error(post_sms(server(), whatsapp, "own-route-2"), 404, "not_found");

  // Another shop's keys are its own and reach only it.
  SignedInStaff other = create_shop(server(), "Other Keys Shop");
  const nlohmann::json theirs = owner_settings(other);
  EXPECT_NE(theirs["webhook_key"], whatsapp);
  EXPECT_NE(theirs["sms_webhook_key"], sms);
  // Their shop has no verify token: their key reaches their shop, not this one.
  expect_error(handshake(server(), theirs["webhook_key"]), 403, "forbidden");
}

TEST_F(MessagingWebhookKeysTest, RotationKeepsTheOldKeyFor24HoursThenRefusesIt) {
  FakeGraphApi graph;
  SignedInStaff owner = create_shop(server(), "Rotation Shop");
  SignedInStaff manager = add_staff(server(), owner, "manager");
  SignedInStaff staff = add_staff(server(), owner, "staff");
  configure(owner, whatsapp_settings(graph));
  const nlohmann::json before = owner_settings(owner);
  const std::string old_sms = before["sms_webhook_key"];
  const std::string old_whatsapp = before["webhook_key"];

  Response rotated = rotate(owner, {{"channel", "sms"}});
  ASSERT_EQ(rotated.status, 200) << rotated.raw;
  const std::string new_sms = rotated.body["sms_webhook_key"];
  EXPECT_NE(new_sms, old_sms);
  EXPECT_EQ(rotated.body["sms_webhook_url_path"], "/api/webhooks/sms/" + new_sms);
  EXPECT_EQ(rotated.body["webhook_key"], old_whatsapp) << "the other channel keeps its key";
  EXPECT_TRUE(rotated.body["sms_webhook_previous_key_expires_at"].is_string()) << rotated.raw;
  EXPECT_TRUE(rotated.body["webhook_previous_key_expires_at"].is_null());
  EXPECT_EQ(owner_settings(owner)["sms_webhook_key"], new_sms);

  EXPECT_EQ(post_sms(server(), new_sms, "rotation-1").status, 200);
  EXPECT_EQ(post_sms(server(), old_sms, "rotation-2").status, 200) << "old key within 24 h";
  age_retired_keys(owner, kDayMs - 60 * 1000);
  EXPECT_EQ(post_sms(server(), old_sms, "rotation-3").status, 200) << "a minute left";
  age_retired_keys(owner, 60 * 1000);
  expect_error(post_sms(server(), old_sms, "rotation-4"), 404, "not_found");
  EXPECT_EQ(post_sms(server(), new_sms, "rotation-5").status, 200);
  EXPECT_TRUE(owner_settings(owner)["sms_webhook_previous_key_expires_at"].is_null());

  // WhatsApp: the same, and a second rotation ends the first old key at once.
  Response first = rotate(owner, {{"channel", "whatsapp"}});
  ASSERT_EQ(first.status, 200) << first.raw;
  const std::string middle = first.body["webhook_key"];
  EXPECT_EQ(handshake(server(), old_whatsapp).status, 200);
  EXPECT_EQ(handshake(server(), middle).status, 200);
  Response second = rotate(owner, {{"channel", "whatsapp"}});
  ASSERT_EQ(second.status, 200) << second.raw;
  const std::string newest = second.body["webhook_key"];
  expect_error(handshake(server(), old_whatsapp), 404, "not_found");
  EXPECT_EQ(handshake(server(), middle).status, 200);
  EXPECT_EQ(handshake(server(), newest).status, 200);
  age_retired_keys(owner, kDayMs);
  expect_error(handshake(server(), middle), 404, "not_found");
  EXPECT_EQ(handshake(server(), newest).status, 200);

  // Bad bodies and roles.
  Response bad = rotate(owner, {{"channel", "email"}});
  expect_error(bad, 422, "validation_failed");
  EXPECT_TRUE(bad.body["error"]["details"]["fields"].contains("channel")) << bad.raw;
  expect_error(rotate(owner, nlohmann::json::object()), 422, "validation_failed");
  expect_error(rotate(manager, {{"channel", "sms"}}), 403, "forbidden");
  expect_error(rotate(staff, {{"channel", "sms"}}), 403, "forbidden");
  EXPECT_EQ(owner_settings(owner)["webhook_key"], newest) << "refused rotations changed nothing";
}

TEST_F(MessagingWebhookKeysTest, AShopFromBeforeSeparateKeysKeepsTheSharedKeyForSmsFor24Hours) {
  SignedInStaff owner = create_shop(server(), "Upgraded Shop");
  const std::string shop = std::to_string(owner.shop_id);
  const std::string shared =
      query_text(server().db_url(), "SELECT webhook_key FROM shops WHERE id = " + shop);
  // As a shop made before migration 0013: no rows of its own in shop_webhook_keys.
  exec_sql(server().db_url(), "DELETE FROM shop_webhook_keys WHERE shop_id = " + shop);
  TestServer upgraded(ExistingDatabase{server().db_url()});
  ApiClient as_owner(upgraded.port(), owner.token);
  Response settings = as_owner.get("/api/shop/messaging");
  ASSERT_EQ(settings.status, 200) << settings.raw;
  EXPECT_EQ(settings.body["webhook_key"], shared) << "WhatsApp keeps the shared key";
  const std::string sms = settings.body["sms_webhook_key"];
  EXPECT_NE(sms, shared);
  EXPECT_TRUE(settings.body["sms_webhook_previous_key_expires_at"].is_string());

  EXPECT_EQ(post_sms(upgraded, sms, "upgrade-1").status, 200);
  EXPECT_EQ(post_sms(upgraded, shared, "upgrade-2").status, 200) << "the shared key, for 24 h";
  age_retired_keys(owner, kDayMs);
  expect_error(post_sms(upgraded, shared, "upgrade-3"), 404, "not_found");
  EXPECT_EQ(post_sms(upgraded, sms, "upgrade-4").status, 200);
  EXPECT_EQ(upgraded.stop(), 0);
}

}  // namespace
}  // namespace rx::test
