#pragma once

#include <cstddef>
#include <string_view>

namespace rx::storage {

// A piece of SQL text joined at compile time, so that a fragment used in several statements is
// written once and can still sit in a `constexpr` Table column (whose name is a string_view that
// must outlive the program's statements):
//
//   template <std::size_t N>
//   constexpr auto sent_for(const char (&step)[N]) {
//     return SqlText("EXISTS (... = ") + SqlText(step) + SqlText(")");
//   }
//   constexpr auto kRefilled = SqlText("SUM(CASE WHEN ") + sent_for("rr.step") + SqlText(" ...");
//   ... storage::column(kRefilled, &Row::refilled) ...
template <std::size_t N>
struct SqlText {
  char text[N + 1] = {};

  constexpr SqlText() = default;
  // From a string literal (N characters and its terminating zero).
  constexpr SqlText(const char (&literal)[N + 1]) {
    for (std::size_t i = 0; i < N; ++i) text[i] = literal[i];
  }

  constexpr std::string_view view() const { return {text, N}; }
  constexpr operator std::string_view() const { return view(); }
};

template <std::size_t M>
SqlText(const char (&)[M]) -> SqlText<M - 1>;

template <std::size_t A, std::size_t B>
constexpr SqlText<A + B> operator+(const SqlText<A>& head, const SqlText<B>& tail) {
  SqlText<A + B> out;
  for (std::size_t i = 0; i < A; ++i) out.text[i] = head.text[i];
  for (std::size_t i = 0; i < B; ++i) out.text[A + i] = tail.text[i];
  return out;
}

}  // namespace rx::storage
