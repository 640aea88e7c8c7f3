#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

#include "contacts/upload_preview.h"

namespace rx::contacts {

// The answer to POST .../contacts/upload?preview=1 (docs/openapi.yaml, UploadPreview). Columns
// are objects {index (1-based), letter, header}; header_row 0 means the sheet has no header row.
nlohmann::json to_json(const UploadPreview& preview, const std::string& file_name,
                       std::string_view time_zone);

}  // namespace rx::contacts
