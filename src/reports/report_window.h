#pragma once

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
// 366 days in all is a 422 naming the field.
ReportWindow resolve_window(const std::optional<std::string>& from,
                            const std::optional<std::string>& to, std::string_view today);

// The same, but no window at all when neither value is given (the conversion report).
std::optional<ReportWindow> resolve_optional_window(const std::optional<std::string>& from,
                                                    const std::optional<std::string>& to,
                                                    std::string_view today);

enum class ReportFormat { kJson, kCsv, kXlsx };
// json (the default when absent), csv or xlsx; anything else is a 422.
ReportFormat parse_format(const std::optional<std::string>& text);

// The Monday on or before `date`.
std::string week_start(std::string_view date);
// Every date of the window, ascending.
std::vector<std::string> each_day(const ReportWindow& window);
// The Monday of every week that touches the window, ascending.
std::vector<std::string> each_week(const ReportWindow& window);

}  // namespace rx::reports
