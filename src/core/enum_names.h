#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace rx::core {

// The one spelling of each value of a domain enum, used in JSON and in the database alike.
// Specialise it beside the enum:
//
//   template <>
//   struct EnumNames<ContactStatus> {
//     static constexpr std::array kNames = {
//         std::pair{ContactStatus::kPending, std::string_view("pending")}, ...};
//   };
//
// An enum without a specialisation cannot be read or written by name: that fails to compile.
template <class E>
struct EnumNames;

template <class E>
concept NamedEnum = requires {
  EnumNames<E>::kNames;
};

// The spelling of `value`; "" only for a value missing from the table (a bug: each enum's
// table is tested to spell every value once).
template <NamedEnum E>
constexpr std::string_view enum_name(E value) {
  for (const auto& [each, name] : EnumNames<E>::kNames) {
    if (each == value) return name;
  }
  return {};
}

// The value spelled `name`, if there is one (exact, case-sensitive).
template <NamedEnum E>
constexpr std::optional<E> enum_from_name(std::string_view name) {
  for (const auto& [each, spelling] : EnumNames<E>::kNames) {
    if (spelling == name) return each;
  }
  return std::nullopt;
}

}  // namespace rx::core
