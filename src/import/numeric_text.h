#pragma once

#include <string>
#include <string_view>

namespace rx::import {

// The text of a numeric cell as a person would read the number: "9.876543210E9" and
// "9876543210.0" become "9876543210", done on the digits (never through a double, which would
// round 16+ digit values). Non-integers are returned unchanged. May point into `scratch`.
std::string_view exact_numeric_text(std::string_view xml_text, std::string& scratch);

// A double from a legacy .xls NUMBER/RK record as text: integers in full ("9876543210"), other
// values in the shortest form that reads back the same.
std::string_view double_text(double value, std::string& scratch);

}  // namespace rx::import
