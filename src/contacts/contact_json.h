#pragma once

#include "contacts/contact_service.h"
#include "contacts/upload_repository.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace rx::contacts {

nlohmann::json to_json(const Contact& contact, std::string_view time_zone);
nlohmann::json to_json(const ContactDetail& detail, std::string_view time_zone);
nlohmann::json to_json(const Interaction& interaction, std::string_view time_zone);
nlohmann::json to_json(const FollowUp& follow_up, std::string_view time_zone);
nlohmann::json to_json(const Upload& upload, std::string_view time_zone);
nlohmann::json to_json(const UploadError& error);

}  // namespace rx::contacts
