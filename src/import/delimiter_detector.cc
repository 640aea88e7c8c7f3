#include "import/delimiter_detector.h"

#include <array>
#include <map>
#include <vector>

namespace rx::import {
namespace {

constexpr std::array<char, 4> kCandidates = {',', ';', '\t', '|'};
constexpr std::size_t kMaxRecords = 100;

// Field counts of the sample's records, for one candidate delimiter.
std::vector<int> field_counts(std::string_view sample, char delimiter, bool complete) {
  std::vector<int> counts;
  int fields = 1;
  bool quoted = false;
  bool any = false;
  for (std::size_t i = 0; i < sample.size() && counts.size() < kMaxRecords; ++i) {
    const char c = sample[i];
    if (c == '"') {
      quoted = !quoted;  // a doubled quote toggles twice, which is what we want
    } else if (quoted) {
      continue;
    } else if (c == delimiter) {
      ++fields;
    } else if (c == '\n' || c == '\r') {
      if (any || fields > 1) counts.push_back(fields);
      if (c == '\r' && i + 1 < sample.size() && sample[i + 1] == '\n') ++i;
      fields = 1;
      any = false;
      continue;
    }
    any = true;
  }
  if (complete && (any || fields > 1) && counts.size() < kMaxRecords) counts.push_back(fields);
  return counts;
}

}  // namespace

char detect_delimiter(std::string_view sample, bool sample_is_complete) {
  char best = kCandidates.front();
  std::size_t best_score = 0;
  int best_width = 1;
  for (char candidate : kCandidates) {
    std::map<int, std::size_t> frequency;
    for (int count : field_counts(sample, candidate, sample_is_complete)) {
      if (count > 1) ++frequency[count];
    }
    for (const auto& [width, score] : frequency) {
      if (score > best_score || (score == best_score && width > best_width)) {
        best = candidate;
        best_score = score;
        best_width = width;
      }
    }
  }
  return best;
}

}  // namespace rx::import
