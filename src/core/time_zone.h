#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rx::core {

// Shop-local time. Instants are milliseconds since the Unix epoch; local dates are
// "YYYY-MM-DD" strings, the form stored in the database and shown in the API.
bool is_valid_time_zone(std::string_view name);

// "2026-11-25T21:40:16+05:30" in the given zone.
std::string format_instant(std::int64_t epoch_ms, std::string_view time_zone);

// The same text written into `buffer` without allocating (lists format thousands a second);
// the answer points into `buffer`.
using InstantBuffer = std::array<char, 40>;
std::string_view format_instant(std::int64_t epoch_ms, std::string_view time_zone,
                                InstantBuffer& buffer);

// The calendar date of the instant in the given zone.
std::string local_date(std::int64_t epoch_ms, std::string_view time_zone);

// The weekday (ISO: Monday = 1 ... Sunday = 7) and hour (0..23) of the instant in the zone.
struct LocalWeekHour {
  int weekday = 1;
  int hour = 0;
};
LocalWeekHour local_week_hour(std::int64_t epoch_ms, std::string_view time_zone);

// Parses ISO 8601 "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)"; a time without an offset is taken
// as shop-local. A bare date "YYYY-MM-DD" is local midnight.
std::optional<std::int64_t> parse_instant(std::string_view text, std::string_view time_zone);

// Strict "YYYY-MM-DD" check (a real calendar date).
bool is_valid_date(std::string_view text);
std::string add_days(std::string_view date, int days);
int days_between(std::string_view from_date, std::string_view to_date);  // to - from

// The instant at which the given local date starts in the zone.
std::int64_t start_of_local_day(std::string_view date, std::string_view time_zone);

}  // namespace rx::core
