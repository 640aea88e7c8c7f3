#include "refills/refill_reminder.h"

#include <algorithm>
#include <cctype>

namespace rx::refills {
namespace {

template <std::size_t N>
bool contains(const std::string_view (&list)[N], std::string_view text) {
  return std::find(std::begin(list), std::end(list), text) != std::end(list);
}

}  // namespace

bool is_status(std::string_view text) { return contains(kStatuses, text); }
bool is_channel(std::string_view text) { return contains(kChannels, text); }
bool is_response(std::string_view text) { return contains(kResponses, text); }
bool is_open(std::string_view status) {
  return status == "pending" || status == "sent" || status == "responded";
}

std::string medicine_key(std::string_view medicine) {
  std::string out;
  bool space = false;
  for (char ch : medicine) {
    if (std::isspace(static_cast<unsigned char>(ch))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out;
}

}  // namespace rx::refills
