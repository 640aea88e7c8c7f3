#pragma once

#include "contacts/contact_service.h"
#include "contacts/upload_repository.h"
#include "core/json_writer.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace rx::contacts {

// JSON of the contacts folder's records; none throws.
//
// The contact as JSON, written straight to text (lists ask for it thousands of times a second).
void write_json(core::JsonWriter& writer, const Contact& contact, std::string_view time_zone);
// The same with its best time to call: "best_time" {"start_hour","end_hour","weekday","basis"},
// or null when nothing is known (the list and the detail carry it).
void write_json_with_best_time(core::JsonWriter& writer, const Contact& contact,
                               std::string_view time_zone);
nlohmann::json to_json(const Contact& contact, std::string_view time_zone);
nlohmann::json to_json(const ContactDetail& detail, std::string_view time_zone);
// {"assigned":{"<staff id>":count},"unassigned":n}.
nlohmann::json to_json(const AssignOutcome& outcome);
// One row of a contact's assignment history; "automatic" when no one did it by hand.
nlohmann::json to_json(const AssignmentRecord& a, std::string_view time_zone);
nlohmann::json to_json(const Interaction& interaction, std::string_view time_zone);
nlohmann::json to_json(const FollowUp& follow_up, std::string_view time_zone);
nlohmann::json to_json(const Upload& upload, std::string_view time_zone);
nlohmann::json to_json(const UploadError& error);
// Sets the upload's `errors` to the first `at_most` of `errors` and `errors_total` to `total`
// (how many problem rows the upload has in all).
void add_errors(nlohmann::json& upload, const std::vector<UploadError>& errors, std::size_t at_most,
                std::int64_t total);
// How many problem rows the answer to an upload carries; the rest are paged through
// GET .../uploads/{id} or downloaded as errors.csv.
inline constexpr std::size_t kUploadAnswerErrors = 50;

}  // namespace rx::contacts
