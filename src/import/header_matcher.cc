#include "import/header_matcher.h"

#include <algorithm>
#include <array>

namespace rx::import {
namespace {

// A header is a few words; a longer cell is a title or a note that merely mentions a phone.
constexpr int kMaxHeaderWords = 6;

constexpr std::array<std::string_view, 5> kStrongPhoneWords = {"phone", "mobile", "mob", "cell",
                                                               "whatsapp"};
constexpr std::array<std::string_view, 2> kWeakPhoneWords = {"contact", "number"};
constexpr std::array<std::string_view, 2> kPersonWords = {"customer", "patient"};

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace

HeaderMatch match_header(std::string_view header) {
  bool strong_phone = false;
  bool weak_phone = false;
  bool name = false;
  bool person = false;
  bool other = false;
  int words = 0;
  std::string word;
  auto finish_word = [&] {
    if (word.empty()) return;
    ++words;
    if (contains(kStrongPhoneWords, word)) {
      strong_phone = true;
    } else if (contains(kWeakPhoneWords, word)) {
      weak_phone = true;
    } else if (word == "name") {
      name = true;
    } else if (contains(kPersonWords, word)) {
      person = true;
    } else if (word != "no" && word != "num" && word != "nos") {
      other = true;
    }
    word.clear();
  };
  for (char c : header) {
    if (is_ascii_letter(c)) {
      word.push_back(lower(c));
    } else {
      finish_word();
    }
  }
  finish_word();
  if (words == 0 || words > kMaxHeaderWords) return {};
  if (strong_phone) return {HeaderRole::kPhone, 2};
  if (name) return {HeaderRole::kName, 0};
  if (weak_phone) return {HeaderRole::kPhone, 1};
  // "Customer" or "Patient" alone (or with each other) is the person's name; "Customer ID" is not.
  if (person && !other) return {HeaderRole::kName, 0};
  return {};
}

std::string column_letters(std::size_t column) {
  std::string letters;
  std::size_t n = column + 1;
  while (n > 0) {
    const std::size_t rem = (n - 1) % 26;
    letters.insert(letters.begin(), static_cast<char>('A' + rem));
    n = (n - 1) / 26;
  }
  return letters;
}

std::string column_label(std::size_t column) { return "Column " + column_letters(column); }

}  // namespace rx::import
