#pragma once

#include <string_view>

namespace rx::import {

// Picks the field delimiter (',', ';', tab or '|') of delimited text from a sample of its start:
// the candidate that splits the most records into the same number (> 1) of fields, quotes
// respected. `sample_is_complete` says whether the sample is the whole text (otherwise its last,
// possibly cut, record is ignored). Falls back to ',' (one column) when none splits anything.
char detect_delimiter(std::string_view sample, bool sample_is_complete);

}  // namespace rx::import
