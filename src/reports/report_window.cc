#include "reports/report_window.h"

#include "core/error.h"
#include "core/time_zone.h"

namespace rx::reports {
namespace {

constexpr std::string_view kAMonday = "1970-01-05";

[[noreturn]] void invalid(const std::string& field, const std::string& reason) {
  throw core::AppError(core::ErrorCode::kValidation, field + " " + reason,
                       {{"fields", {{field, reason}}}});
}

void check_date(const std::optional<std::string>& value, const std::string& field) {
  if (value && !core::is_valid_date(*value)) invalid(field, "must be a date like 2026-11-25");
}

}  // namespace

ReportWindow resolve_window(const std::optional<std::string>& from,
                            const std::optional<std::string>& to, std::string_view today) {
  check_date(from, "from");
  check_date(to, "to");
  ReportWindow window;
  window.to = to.value_or(std::string(today));
  window.from = from.value_or(core::add_days(window.to, 1 - kDefaultWindowDays));
  const int days = core::days_between(window.from, window.to) + 1;
  if (days < 1) invalid("from", "must not be after to");
  if (days > kMaxWindowDays) invalid("from", "the window may span at most 366 days");
  return window;
}

std::optional<ReportWindow> resolve_optional_window(const std::optional<std::string>& from,
                                                    const std::optional<std::string>& to,
                                                    std::string_view today) {
  if (!from && !to) return std::nullopt;
  return resolve_window(from, to, today);
}

ReportFormat parse_format(const std::optional<std::string>& text) {
  if (!text) return ReportFormat::kJson;
  if (const auto format = core::enum_from_name<ReportFormat>(*text)) return *format;
  invalid("format", "must be json, csv or xlsx");
}

std::string week_start(std::string_view date) {
  const int offset = ((core::days_between(kAMonday, date) % 7) + 7) % 7;
  return core::add_days(date, -offset);
}

std::vector<std::string> each_day(const ReportWindow& window) {
  std::vector<std::string> days;
  for (std::string d = window.from; d <= window.to; d = core::add_days(d, 1)) days.push_back(d);
  return days;
}

std::vector<std::string> each_week(const ReportWindow& window) {
  std::vector<std::string> weeks;
  for (std::string w = week_start(window.from); w <= window.to; w = core::add_days(w, 7))
    weeks.push_back(w);
  return weeks;
}

}  // namespace rx::reports
