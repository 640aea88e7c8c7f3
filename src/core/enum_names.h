#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace rx::core {

// One value of a domain enum and its spelling.
template <class E>
using Spelling = std::pair<E, std::string_view>;

namespace enum_names_detail {
template <class E, std::size_t N>
constexpr void fill(std::array<Spelling<E>, N>&, std::size_t) {}
template <class E, std::size_t N, class... Rest>
constexpr void fill(std::array<Spelling<E>, N>& out, std::size_t i, E value, std::string_view name,
                    Rest... rest) {
  out[i] = {value, name};
  fill<E, N>(out, i + 1, rest...);
}
}  // namespace enum_names_detail

// The table of an EnumNames specialisation, written as value, spelling, value, spelling, ...
template <class E, class... ValuesAndNames>
constexpr auto spellings(ValuesAndNames... values_and_names) {
  static_assert(sizeof...(ValuesAndNames) % 2 == 0, "each value with its spelling");
  std::array<Spelling<E>, sizeof...(ValuesAndNames) / 2> out{};
  enum_names_detail::fill<E>(out, 0, values_and_names...);
  return out;
}

// The one spelling of each value of a domain enum, used in JSON and in the database alike.
// Specialise it beside the enum:
//
//   template <>
//   struct EnumNames<ContactStatus> {
//     using E = ContactStatus;
//     static constexpr auto kNames =
//         spellings<E>(E::kPending, "pending", E::kContacted, "contacted", ...);
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
