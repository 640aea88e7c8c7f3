#pragma once

#include "contacts/contact_service.h"
#include "contacts/upload_repository.h"
#include "core/json_writer.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace rx::contacts {

// The contact as JSON, written straight to text (lists ask for it thousands of times a second).
void write_json(core::JsonWriter& writer, const Contact& contact, std::string_view time_zone);
nlohmann::json to_json(const Contact& contact, std::string_view time_zone);
nlohmann::json to_json(const ContactDetail& detail, std::string_view time_zone);
nlohmann::json to_json(const Interaction& interaction, std::string_view time_zone);
nlohmann::json to_json(const FollowUp& follow_up, std::string_view time_zone);
nlohmann::json to_json(const Upload& upload, std::string_view time_zone);
nlohmann::json to_json(const UploadError& error);

}  // namespace rx::contacts
