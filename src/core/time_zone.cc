#include "core/time_zone.h"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstring>
#include <string>

namespace rx::core {
namespace {

using Millis = std::chrono::milliseconds;
using SysMillis = std::chrono::time_point<std::chrono::system_clock, Millis>;

// Requests name the same zone over and over, and date::locate_zone searches the whole database
// each time (a third of formatting an instant), so each thread remembers the last zone found.
// The database is loaded once and never reloaded: its zones live as long as the process.
const date::time_zone* find_zone(std::string_view name) {
  thread_local std::string last_name;
  thread_local const date::time_zone* last_zone = nullptr;
  if (last_zone && name == last_name) return last_zone;
  try {
    const date::time_zone* zone = date::locate_zone(name);
    last_name.assign(name);
    last_zone = zone;
    return zone;
  } catch (const std::exception&) {
    return nullptr;
  }
}

const date::time_zone* zone_or_utc(std::string_view name) {
  const date::time_zone* zone = find_zone(name);
  return zone ? zone : date::locate_zone("UTC");
}

// The zone's offset from UTC at `at`. The zone's rules hold for long spans (Asia/Kolkata's
// since 1945), so the span last looked up on this thread answers nearly every call.
std::chrono::seconds offset_at(const date::time_zone* zone, date::sys_seconds at) {
  thread_local const date::time_zone* last_zone = nullptr;
  thread_local date::sys_info last;
  if (zone != last_zone || at < last.begin || at >= last.end) {
    last = zone->get_info(at);
    last_zone = zone;
  }
  return last.offset;
}

std::optional<date::year_month_day> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  auto ok = [](auto r) { return r.ec == std::errc(); };
  if (!ok(std::from_chars(text.data(), text.data() + 4, y)) ||
      !ok(std::from_chars(text.data() + 5, text.data() + 7, m)) ||
      !ok(std::from_chars(text.data() + 8, text.data() + 10, d))) {
    return std::nullopt;
  }
  date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

// Writes `value` as `width` digits at text[at_index], with leading zeros.
void put_digits(char* text, std::size_t at_index, long value, int width) {
  for (int k = width - 1; k >= 0; --k, value /= 10)
    text[at_index + k] = static_cast<char>('0' + value % 10);
}

// "YYYY-MM-DD" by hand: date::format builds an ostream for each date, about 10,000
// instructions, and a bill with two medicines formats four dates.
std::string format_date(date::sys_days days) {
  const date::year_month_day ymd{days};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) return date::format("%F", days);
  std::string text = "0000-00-00";
  put_digits(text.data(), 0, year, 4);
  put_digits(text.data(), 5, static_cast<long>(static_cast<unsigned>(ymd.month())), 2);
  put_digits(text.data(), 8, static_cast<long>(static_cast<unsigned>(ymd.day())), 2);
  return text;
}

// Formatted by hand: date::format goes through an ostream and costs a list of 50 contacts more
// than reading them. The zone's offset at that instant, then plain digits.
std::string_view format_instant_in(date::sys_seconds at, const date::time_zone* zone,
                                   InstantBuffer& buffer) {
  const std::chrono::seconds offset = offset_at(zone, at);
  const auto local = at + offset;
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> clock{local - day};
  const long offset_minutes = static_cast<long>(offset.count() / 60);
  const long abs_offset = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {
    const std::string text = date::format("%FT%T%Ez", date::make_zoned(zone, at));
    const std::size_t n = std::min(text.size(), buffer.size());
    std::memcpy(buffer.data(), text.data(), n);
    return {buffer.data(), n};
  }
  // "YYYY-MM-DDTHH:MM:SS+HH:MM"
  constexpr std::string_view kPattern = "0000-00-00T00:00:00+00:00";
  char* text = buffer.data();
  std::memcpy(text, kPattern.data(), kPattern.size());
  const auto put = [text](std::size_t at_index, long value, int width) {
    put_digits(text, at_index, value, width);
  };
  put(0, year, 4);
  put(5, static_cast<long>(static_cast<unsigned>(ymd.month())), 2);
  put(8, static_cast<long>(static_cast<unsigned>(ymd.day())), 2);
  put(11, static_cast<long>(clock.hours().count()), 2);
  put(14, static_cast<long>(clock.minutes().count()), 2);
  put(17, static_cast<long>(clock.seconds().count()), 2);
  text[19] = offset_minutes < 0 ? '-' : '+';
  put(20, abs_offset / 60, 2);
  put(23, abs_offset % 60, 2);
  return {text, kPattern.size()};
}

}  // namespace

bool is_valid_time_zone(std::string_view name) { return !name.empty() && find_zone(name); }

std::string_view format_instant(std::int64_t epoch_ms, std::string_view time_zone,
                                InstantBuffer& buffer) {
  const date::sys_seconds at{
      std::chrono::seconds{epoch_ms >= 0 ? epoch_ms / 1000 : -((-epoch_ms + 999) / 1000)}};
  const date::time_zone* zone = zone_or_utc(time_zone);
  // Contacts imported together share their timestamps (created_at is updated_at too), so the
  // last instant formatted on this thread is kept and copied when it comes again.
  thread_local struct {
    date::sys_seconds at;
    const date::time_zone* zone = nullptr;
    InstantBuffer text;
    std::size_t size = 0;
  } last;
  if (last.zone == zone && last.at == at) {
    std::memcpy(buffer.data(), last.text.data(), last.size);
    return {buffer.data(), last.size};
  }
  const std::string_view text = format_instant_in(at, zone, buffer);
  last.at = at;
  last.zone = zone;
  last.size = text.size();
  std::memcpy(last.text.data(), text.data(), text.size());
  return text;
}

std::string format_instant(std::int64_t epoch_ms, std::string_view time_zone) {
  InstantBuffer buffer;
  return std::string(format_instant(epoch_ms, time_zone, buffer));
}

std::string local_date(std::int64_t epoch_ms, std::string_view time_zone) {
  const auto at = date::floor<std::chrono::seconds>(SysMillis{Millis{epoch_ms}});
  // The local wall clock, kept on the system clock's scale so that its day can be taken.
  const date::sys_seconds local = at + offset_at(zone_or_utc(time_zone), at);
  return format_date(date::floor<date::days>(local));
}

LocalWeekHour local_week_hour(std::int64_t epoch_ms, std::string_view time_zone) {
  const auto at = date::floor<std::chrono::seconds>(SysMillis{Millis{epoch_ms}});
  const date::sys_seconds local = at + offset_at(zone_or_utc(time_zone), at);
  const date::sys_days day = date::floor<date::days>(local);
  const auto hour = std::chrono::duration_cast<std::chrono::hours>(local - day).count();
  return {static_cast<int>(date::weekday{day}.iso_encoding()), static_cast<int>(hour)};
}

std::optional<std::int64_t> parse_instant(std::string_view text, std::string_view time_zone) {
  auto ymd = parse_date(text.substr(0, std::min<std::size_t>(10, text.size())));
  if (!ymd) return std::nullopt;
  if (text.size() == 10) return start_of_local_day(text, time_zone);
  // The clock part, read by hand: date::parse trips -Wmaybe-uninitialized in GCC 12.
  std::string_view rest = text.substr(10);
  if (rest.empty() || (rest[0] != 'T' && rest[0] != ' ')) return std::nullopt;
  rest.remove_prefix(1);
  auto two_digits = [&rest](int& out) {
    if (rest.size() < 2 || !std::isdigit(static_cast<unsigned char>(rest[0])) ||
        !std::isdigit(static_cast<unsigned char>(rest[1]))) {
      return false;
    }
    out = (rest[0] - '0') * 10 + (rest[1] - '0');
    rest.remove_prefix(2);
    return true;
  };
  int hour = 0;
  int minute = 0;
  int second = 0;
  int millis = 0;
  if (!two_digits(hour) || rest.empty() || rest[0] != ':') return std::nullopt;
  rest.remove_prefix(1);
  if (!two_digits(minute)) return std::nullopt;
  if (!rest.empty() && rest[0] == ':') {
    rest.remove_prefix(1);
    if (!two_digits(second)) return std::nullopt;
    if (!rest.empty() && rest[0] == '.') {
      rest.remove_prefix(1);
      int scale = 100;
      while (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest[0]))) {
        millis += (rest[0] - '0') * scale;
        scale /= 10;
        rest.remove_prefix(1);
      }
    }
  }
  if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
  const auto clock = std::chrono::hours{hour} + std::chrono::minutes{minute} +
                     std::chrono::seconds{second} + Millis{millis};
  if (rest.empty()) {
    date::local_time<Millis> local{date::local_days{*ymd}.time_since_epoch() + clock};
    auto sys = zone_or_utc(time_zone)->to_sys(local, date::choose::earliest);
    return std::chrono::time_point_cast<Millis>(sys).time_since_epoch().count();
  }
  int offset_minutes = 0;
  if (rest == "Z" || rest == "z") {
    rest.remove_prefix(1);
  } else if (rest[0] == '+' || rest[0] == '-') {
    const int sign = rest[0] == '-' ? -1 : 1;
    rest.remove_prefix(1);
    int offset_hours = 0;
    int offset_mins = 0;
    if (!two_digits(offset_hours)) return std::nullopt;
    if (!rest.empty() && rest[0] == ':') rest.remove_prefix(1);
    if (!rest.empty() && !two_digits(offset_mins)) return std::nullopt;
    if (offset_hours > 14 || offset_mins > 59) return std::nullopt;
    offset_minutes = sign * (offset_hours * 60 + offset_mins);
  }
  if (!rest.empty()) return std::nullopt;
  const auto utc =
      date::sys_days{*ymd}.time_since_epoch() + clock - std::chrono::minutes{offset_minutes};
  return std::chrono::duration_cast<Millis>(utc).count();
}

bool is_valid_date(std::string_view text) { return parse_date(text).has_value(); }

std::string add_days(std::string_view date_text, int days) {
  auto ymd = parse_date(date_text);
  if (!ymd) return std::string(date_text);
  return format_date(date::sys_days{*ymd} + date::days{days});
}

int days_between(std::string_view from_date, std::string_view to_date) {
  auto from = parse_date(from_date);
  auto to = parse_date(to_date);
  if (!from || !to) return 0;
  return static_cast<int>((date::sys_days{*to} - date::sys_days{*from}).count());
}

std::int64_t start_of_local_day(std::string_view date_text, std::string_view time_zone) {
  auto ymd = parse_date(date_text);
  if (!ymd) return 0;
  date::local_days local{*ymd};
  auto sys = zone_or_utc(time_zone)->to_sys(local, date::choose::earliest);
  return std::chrono::time_point_cast<Millis>(sys).time_since_epoch().count();
}

}  // namespace rx::core
