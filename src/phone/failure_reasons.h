#pragma once

#include <string_view>

namespace rx::phone {

// Why a value is not a phone number, worded for the shop worker who reads the import report.
// They are stored with each problem row, so changing one changes what old reports say.
inline constexpr std::string_view kReasonEmpty = "empty";
inline constexpr std::string_view kReasonNotAPhoneNumber = "not a phone number";
inline constexpr std::string_view kReasonTooShort = "too short";
inline constexpr std::string_view kReasonTooLong = "too long";
inline constexpr std::string_view kReasonUnknownCountryCode = "unknown country code";
inline constexpr std::string_view kReasonShortenedByExcel =
    "shortened by Excel; re-export the column as text";
// Followed by the region code: "not a valid number for region IN".
inline constexpr std::string_view kReasonInvalidForRegion = "not a valid number for region ";

}  // namespace rx::phone
