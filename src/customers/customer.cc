#include "customers/customer.h"

#include <algorithm>

namespace rx::customers {

bool is_category(std::string_view text) {
  return std::find(std::begin(kCategories), std::end(kCategories), text) != std::end(kCategories);
}

}  // namespace rx::customers
