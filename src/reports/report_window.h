#pragma once

#include "core/enum_names.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rx::reports {

// An inclusive range of shop-local dates, "YYYY-MM-DD".
struct ReportWindow {
  std::string from;
  std::string to;
};

inline constexpr int kDefaultWindowDays = 30;
inline constexpr int kMaxWindowDays = 366;

// The window of a report from its optional `from` and `to` query values: `to` defaults to
// `today`, `from` to `to` - 29 days. A value that is not a date, `from` after `to`, or more than
// 366 days in all: throws AppError(kValidation) naming the field.
ReportWindow resolve_window(const std::optional<std::string>& from,
                            const std::optional<std::string>& to, std::string_view today);

// The same, but no window at all when neither value is given (the conversion report). Throws as
// resolve_window.
std::optional<ReportWindow> resolve_optional_window(const std::optional<std::string>& from,
                                                    const std::optional<std::string>& to,
                                                    std::string_view today);

// What a report answers as: its JSON, or a download. Spelled json, csv and xlsx (EnumNames below)
// in the query and in the audit log's details.
enum class ReportFormat { kJson, kCsv, kXlsx };
// The `format` query value: json when absent. Throws AppError(kValidation) naming "format" for
// any other spelling (exact, lower case).
ReportFormat parse_format(const std::optional<std::string>& text);

// The date helpers below take valid dates (a window from resolve_window) and throw nothing of
// their own.
// The Monday on or before `date`.
std::string week_start(std::string_view date);
// Every date of the window, ascending.
std::vector<std::string> each_day(const ReportWindow& window);
// The Monday of every week that touches the window, ascending.
std::vector<std::string> each_week(const ReportWindow& window);

}  // namespace rx::reports

template <>
struct rx::core::EnumNames<rx::reports::ReportFormat> {
  static constexpr auto kNames = spellings<rx::reports::ReportFormat>(
      rx::reports::ReportFormat::kJson, "json", rx::reports::ReportFormat::kCsv, "csv",
      rx::reports::ReportFormat::kXlsx, "xlsx");
};
