#pragma once

#include <string>

#include "phone/number_type.h"

namespace rx::phone {

// One valid phone number.
struct Phone {
  std::string e164;  // "+919876543210"
  NumberType type = NumberType::kUnknown;
};

}  // namespace rx::phone
