// The channel registry: every MessageChannel maps to its own implementation, and that
// implementation answers for its own settings, consent, templates and provider codes. Also the
// spelling of the messaging and refill states at the JSON/database edge.
#include "core/enum_names.h"
#include "messaging/channel_registry.h"
#include "messaging/consent_service.h"
#include "messaging/message_channel.h"
#include "messaging/sms_channel.h"
#include "messaging/whatsapp_channel.h"
#include "refills/refill_reminder.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace rx::messaging {
namespace {

MessagingSettings whatsapp_only() {
  MessagingSettings s;
  s.whatsapp_phone_number_id = "123";
  s.whatsapp_access_token = "token";
  s.whatsapp_template_refill = "refill_wa";
  s.whatsapp_template_language = "en";
  return s;
}

MessagingSettings sms_only() {
  MessagingSettings s;
  s.sms_base_url = "https://sms.example";
  s.sms_auth_key = "key";
  s.sms_template_id = "refill_sms";
  return s;
}

SendOutcome refused(std::string code) {
  SendOutcome out;
  out.http_status = 400;
  out.error_code = std::move(code);
  return out;
}

TEST(ChannelRegistryTest, EveryChannelMapsToItsOwnImplementation) {
  std::set<const Channel*> seen;
  for (const auto& [id, name] : core::EnumNames<MessageChannel>::kNames) {
    const Channel& channel = channel_for(id);
    EXPECT_EQ(channel.id(), id) << name;
    EXPECT_TRUE(seen.insert(&channel).second) << name << " shares an implementation";
  }
  EXPECT_NE(dynamic_cast<const WhatsappChannel*>(&channel_for(MessageChannel::kWhatsapp)), nullptr);
  EXPECT_NE(dynamic_cast<const SmsChannel*>(&channel_for(MessageChannel::kSms)), nullptr);
  EXPECT_EQ(channel_for(MessageChannel::kWhatsapp).label(), "WhatsApp");
  EXPECT_EQ(channel_for(MessageChannel::kSms).label(), "SMS");
}

TEST(ChannelRegistryTest, EachChannelIsReadyOnlyWithItsOwnSettings) {
  const Channel& whatsapp = channel_for(MessageChannel::kWhatsapp);
  const Channel& sms = channel_for(MessageChannel::kSms);
  EXPECT_TRUE(whatsapp.ready(whatsapp_only()));
  EXPECT_FALSE(sms.ready(whatsapp_only()));
  EXPECT_TRUE(sms.ready(sms_only()));
  EXPECT_FALSE(whatsapp.ready(sms_only()));
  EXPECT_FALSE(whatsapp.ready(MessagingSettings{}));
  EXPECT_FALSE(sms.ready(MessagingSettings{}));
}

TEST(ChannelRegistryTest, EachChannelReadsItsOwnConsentAndTemplate) {
  const Channel& whatsapp = channel_for(MessageChannel::kWhatsapp);
  const Channel& sms = channel_for(MessageChannel::kSms);
  EXPECT_TRUE(whatsapp.consented(ChannelConsent{true, false}));
  EXPECT_FALSE(whatsapp.consented(ChannelConsent{false, true}));
  EXPECT_TRUE(sms.consented(ChannelConsent{false, true}));
  EXPECT_FALSE(sms.consented(ChannelConsent{true, false}));

  MessagingSettings both = whatsapp_only();
  both.sms_template_id = "refill_sms";
  EXPECT_EQ(whatsapp.refill_template(both), "refill_wa");
  EXPECT_EQ(sms.refill_template(both), "refill_sms");
  EXPECT_EQ(sms.refill_template(MessagingSettings{}), "");
}

TEST(ChannelRegistryTest, EachChannelReadsItsOwnProvidersFailureCodes) {
  // 131026 is the Cloud API's "not on WhatsApp"; to the SMS gateway it means nothing special.
  EXPECT_EQ(channel_for(MessageChannel::kWhatsapp).failure_kind(refused("131026")),
            FailureKind::kRecipientNotOnWhatsapp);
  EXPECT_NE(channel_for(MessageChannel::kSms).failure_kind(refused("131026")),
            FailureKind::kRecipientNotOnWhatsapp);
  EXPECT_EQ(channel_for(MessageChannel::kWhatsapp).failure_kind(refused("130429")),
            FailureKind::kRetry);
}

// Each enum's table spells every value once, and names read back as the value they name.
template <class E>
void expect_spelled_once(std::size_t values) {
  const auto& names = core::EnumNames<E>::kNames;
  EXPECT_EQ(names.size(), values);
  std::set<std::string> spellings;
  std::set<int> seen;
  for (const auto& [value, name] : names) {
    EXPECT_FALSE(name.empty());
    EXPECT_TRUE(spellings.insert(std::string(name)).second) << name;
    EXPECT_TRUE(seen.insert(static_cast<int>(value)).second) << name;
    EXPECT_EQ(core::enum_from_name<E>(name), value) << name;
    EXPECT_EQ(core::enum_name(value), name);
  }
  for (int i = 0; i < static_cast<int>(values); ++i) EXPECT_TRUE(seen.count(i)) << i;
  EXPECT_FALSE(core::enum_from_name<E>("no such state").has_value());
}

TEST(MessagingStatesTest, EveryStateHasOneSpelling) {
  expect_spelled_once<MessageChannel>(2);
  expect_spelled_once<MessageStatus>(8);
  expect_spelled_once<ConsentMethod>(3);
  expect_spelled_once<refills::RefillStatus>(5);
  expect_spelled_once<refills::RefillChannel>(3);
  expect_spelled_once<refills::RefillResponse>(6);
  // The spellings the API and the database have always used.
  EXPECT_EQ(core::enum_name(MessageStatus::kDelivered), "delivered");
  EXPECT_EQ(core::enum_name(refills::RefillResponse::kRefilledElsewhere), "refilled_elsewhere");
  EXPECT_EQ(core::enum_name(refills::RefillChannel::kCall), "call");
}

TEST(MessagingStatesTest, OnlyPendingSentAndRespondedRemindersAreOpen) {
  using refills::RefillStatus;
  EXPECT_TRUE(refills::is_open(RefillStatus::kPending));
  EXPECT_TRUE(refills::is_open(RefillStatus::kSent));
  EXPECT_TRUE(refills::is_open(RefillStatus::kResponded));
  EXPECT_FALSE(refills::is_open(RefillStatus::kRefilled));
  EXPECT_FALSE(refills::is_open(RefillStatus::kCancelled));
}

}  // namespace
}  // namespace rx::messaging
