#include "contacts/upload_form_routes.h"

#include <charconv>

#include "core/error.h"
#include "import/import_limits.h"

namespace rx::contacts {
namespace {

using core::AppError;
using core::ErrorCode;

constexpr std::size_t kMaxChoiceLength = 200;

std::optional<std::string> form_text(const httplib::Request& request, const std::string& name,
                                     nlohmann::json& problems) {
  const auto part = request.files.find(name);
  if (part == request.files.end() || part->second.content.empty()) return std::nullopt;
  const std::string& text = part->second.content;
  if (text.size() > kMaxChoiceLength) {
    problems[name] = "must be at most 200 characters";
    return std::nullopt;
  }
  return text;
}

}  // namespace

rx::import::SheetChoice read_sheet_choice(const httplib::Request& request) {
  nlohmann::json problems = nlohmann::json::object();
  rx::import::SheetChoice choice;
  choice.sheet = form_text(request, "sheet", problems);
  if (auto row = form_text(request, "header_row", problems)) {
    int value = -1;
    const auto [end, ec] = std::from_chars(row->data(), row->data() + row->size(), value);
    if (ec != std::errc() || end != row->data() + row->size() || value < 0 ||
        value > import::kMaxSheetRows) {
      problems["header_row"] = "must be a row number from 1 to 1048576, or 0 for no header row";
    } else {
      choice.header_row = value;
    }
  }
  choice.phone_column = form_text(request, "phone_column", problems);
  choice.name_column = form_text(request, "name_column", problems);
  if (choice.phone_column &&
      import::same_column_text(*choice.phone_column, import::kNoNameColumn)) {
    problems["phone_column"] = "a sheet must have a phone column";
  }
  if (choice.phone_column && choice.name_column &&
      import::same_column_text(*choice.phone_column, *choice.name_column)) {
    problems["name_column"] = "must not be the phone column";
  }
  if (!problems.empty()) {
    throw AppError(ErrorCode::kValidation, "some choices for reading the sheet are not valid",
                   {{"fields", problems}});
  }
  return choice;
}

namespace {

bool flag(const http::RequestContext& ctx, const std::string& name, bool absent) {
  const std::optional<std::string> value = ctx.query(name);
  if (!value) return absent;
  if (*value == "0" || *value == "false") return false;
  if (*value == "1" || *value == "true") return true;
  throw AppError(ErrorCode::kValidation, name + " must be 1 or 0",
                 {{"fields", {{name, "must be 1 or 0"}}}});
}

}  // namespace

bool wants_preview(const http::RequestContext& ctx) { return flag(ctx, "preview", false); }

bool wants_counts(const http::RequestContext& ctx) { return flag(ctx, "counts", true); }

}  // namespace rx::contacts
