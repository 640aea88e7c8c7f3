#include "upload_sheet.h"

#include "phone/phone_normalizer.h"
#include "sheet_generator.h"

namespace rx::bench {
namespace {

constexpr std::uint64_t kFirstNumber = 6'000'000'000ULL;
constexpr std::uint64_t kNumbersPerUpload = 1000;
constexpr int kUploadsPerClient = 100;
constexpr int kMinRows = 200;
constexpr int kMaxRows = 400;
constexpr unsigned kInvalidPercent = 2;

}  // namespace

UploadSheet make_upload_sheet(int client, int serial, std::mt19937_64& rng) {
  static const phone::PhoneNormalizer normalizer("IN");
  const auto block =
      static_cast<std::uint64_t>(client * kUploadsPerClient + serial % kUploadsPerClient);
  const auto count =
      static_cast<std::size_t>(kMinRows + static_cast<int>(rng() % (kMaxRows - kMinRows + 1)));
  UploadSheet sheet;
  // Names, areas and notes from the readers' generator; the phones are set here.
  auto rows = generate_rows(count, static_cast<unsigned>(rng()));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    GeneratedRow& row = rows[i];
    const std::uint64_t number = kFirstNumber + block * kNumbersPerUpload + i;
    if (rng() % 100 < kInvalidPercent || !normalizer.normalize(std::to_string(number))) {
      row.phone = std::to_string(rng() % 100000);  // too short to be a phone
      row.phone_is_number = false;
      ++sheet.invalid;
    } else {
      row.phone = spell_phone(number, static_cast<unsigned>(rng()), row.phone_is_number);
      ++sheet.valid;
    }
  }
  sheet.rows = static_cast<std::int64_t>(rows.size());
  const bool xlsx = serial % 2 == 1;
  sheet.bytes = xlsx ? to_xlsx(rows, /*inline_strings=*/true) : to_csv(rows);
  sheet.file_name = "soak-";
  sheet.file_name.append(std::to_string(client)).append("-").append(std::to_string(serial));
  sheet.file_name.append(xlsx ? ".xlsx" : ".csv");
  sheet.content_type =
      xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
  return sheet;
}

}  // namespace rx::bench
