#include "refills/refill_reminder.h"

#include "core/json_fields.h"

namespace rx::refills {

std::string medicine_key(std::string_view medicine) { return core::folded_key(medicine); }

}  // namespace rx::refills
