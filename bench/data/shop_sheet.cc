#include "shop_sheet.h"

#include "phone/phone_normalizer.h"

#include <fstream>
#include <random>
#include <stdexcept>
#include <unordered_set>

namespace rx::bench {
namespace {

constexpr unsigned kRepeatPercent = 3;   // as in tests/data/samples
constexpr unsigned kInvalidPercent = 2;  // as in tests/data/samples

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() &&
         text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

ShopSheet make_shop_sheet(std::int64_t contacts, unsigned seed) {
  // Names, areas and notes come from the readers' generator; the phones are chosen here so the
  // sheet holds exactly `contacts` distinct numbers that rxtrack accepts.
  const auto total_rows =
      static_cast<std::size_t>(contacts * (100 + kRepeatPercent + kInvalidPercent) / 100);
  ShopSheet sheet;
  sheet.rows = generate_rows(total_rows, seed);
  sheet.numbers.reserve(static_cast<std::size_t>(contacts));
  std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ULL);
  const phone::PhoneNormalizer normalizer("IN");
  std::unordered_set<std::uint64_t> seen;
  // A mobile number not drawn before that rxtrack accepts, recorded as one of the sheet's.
  auto fresh_number = [&] {
    std::uint64_t number = 0;
    do {
      number = 6'000'000'000ULL + rng() % 3'999'999'999ULL;
    } while (seen.count(number) || !normalizer.normalize(std::to_string(number)));
    seen.insert(number);
    sheet.numbers.push_back(number);
    return number;
  };
  for (auto& row : sheet.rows) {
    const auto roll = static_cast<unsigned>(rng() % 100);
    if (static_cast<std::int64_t>(sheet.numbers.size()) == contacts || roll < kInvalidPercent) {
      row.phone = std::to_string(rng() % 100000);  // too short to be a phone
      row.phone_is_number = false;
    } else if (roll < kInvalidPercent + kRepeatPercent && !sheet.numbers.empty()) {
      const std::uint64_t again = sheet.numbers[rng() % sheet.numbers.size()];
      row.phone = spell_phone(again, static_cast<unsigned>(rng()), row.phone_is_number);
    } else {
      const std::uint64_t number = fresh_number();
      row.phone = spell_phone(number, static_cast<unsigned>(rng()), row.phone_is_number);
    }
  }
  // Too many repeats or invalid rows drawn: top up with fresh numbers so the count is exact.
  while (static_cast<std::int64_t>(sheet.numbers.size()) < contacts) {
    const std::uint64_t number = fresh_number();
    GeneratedRow row = sheet.rows[sheet.numbers.size() % total_rows];
    row.phone = spell_phone(number, static_cast<unsigned>(rng()), row.phone_is_number);
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

void write_sheet(const ShopSheet& sheet, const std::string& path) {
  const std::string bytes =
      ends_with(path, ".xlsx") ? to_xlsx(sheet.rows, /*inline_strings=*/true) : to_csv(sheet.rows);
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace rx::bench
