#pragma once

#include "messaging/messaging_settings.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace rx::messaging {

// Who reads the settings: the owner sees the webhook keys and URL paths, a manager does not.
enum class SettingsView { kOwner, kManager };

// The GET shape: secrets appear only as "<name>_set" booleans (true also for a stored secret
// that cannot be read; "secrets_status" and "unreadable_secrets" say so). Instants (when a
// previous webhook key stops working) are in `time_zone`.
nlohmann::json to_json(const MessagingSettings& settings, SettingsView view,
                       std::string_view time_zone);

// Reads a PUT body: absent fields stay, null clears what may be cleared; throws
// AppError(kValidation) naming every bad field (URLs http(s), times HH:MM, prices >= 0). Secret
// values never appear in an error.
MessagingSettingsChanges read_settings_changes(const nlohmann::json& body);

// Where Meta posts the shop's WhatsApp webhooks, and where MSG91 forwards its inbound SMS.
std::string webhook_url_path(const std::string& webhook_key);
std::string sms_webhook_url_path(const std::string& webhook_key);

}  // namespace rx::messaging
