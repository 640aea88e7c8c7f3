#include "refills/refill_reminder.h"

#include "core/json_fields.h"

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

std::string medicine_key(std::string_view medicine) { return core::folded_key(medicine); }

}  // namespace rx::refills
