#include "contacts/background_sheet_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

namespace rx::contacts {
namespace {

// `rows` data rows under a header with a repeated column; every tenth phone is not a number.
std::string sheet(int rows) {
  std::string csv = "Name,Mobile,Area,Area\n";
  for (int i = 0; i < rows; ++i) {
    const std::string phone = i % 10 == 9 ? "not a phone" : std::to_string(9800000000LL + i);
    csv += "Person " + std::to_string(i) + "," + phone + ",North,South\n";
  }
  return csv;
}

struct Received {
  std::vector<PreparedContact> contacts;
  std::vector<UploadError> problems;
  int batches = 0;
  bool all_on_caller_thread = true;
};

TEST(BackgroundSheetReader, HandsEveryRowOverInSheetOrderOnTheCallersThread) {
  const std::string csv = sheet(3000);
  const phone::PhoneNormalizer normalizer("IN");
  const auto caller = std::this_thread::get_id();
  Received got;
  const auto summary = read_sheet_in_background(csv, normalizer, {}, [&](PreparedBatch& batch) {
    ++got.batches;
    got.all_on_caller_thread &= std::this_thread::get_id() == caller;
    for (auto& c : batch.contacts) got.contacts.push_back(std::move(c));
    for (auto& p : batch.problems) got.problems.push_back(std::move(p));
  });
  ASSERT_TRUE(summary.has_value()) << summary.error().message;
  EXPECT_EQ(summary->total_rows, 3000);
  EXPECT_EQ(summary->invalid_rows, 300);
  ASSERT_EQ(got.contacts.size(), 2700u);
  ASSERT_EQ(got.problems.size(), 300u);
  EXPECT_GT(got.batches, 1);
  EXPECT_TRUE(got.all_on_caller_thread);
  for (std::size_t i = 1; i < got.contacts.size(); ++i) {
    ASSERT_LT(got.contacts[i - 1].row_number, got.contacts[i].row_number);
  }
  EXPECT_EQ(got.contacts.front().row_number, 2);  // the header is row 1
  EXPECT_EQ(got.contacts.front().e164, "+919800000000");
  EXPECT_EQ(got.contacts.front().name, "Person 0");
  EXPECT_EQ(got.contacts.front().phone_type, "mobile");
  // A repeated header keeps its last value.
  EXPECT_EQ(got.contacts.front().extra, std::optional<std::string>(R"({"Area":"South"})"));
  EXPECT_EQ(got.problems.front().row_number, 11);
  EXPECT_EQ(got.problems.front().value, "not a phone");
}

struct StoreFailed {};

TEST(BackgroundSheetReader, StopsTheReaderAndPassesOnTheReceiversException) {
  const std::string csv = sheet(50000);
  const phone::PhoneNormalizer normalizer("IN");
  int batches = 0;
  EXPECT_THROW(read_sheet_in_background(csv, normalizer, {},
                                        [&](PreparedBatch&) {
                                          ++batches;
                                          throw StoreFailed{};
                                        }),
               StoreFailed);
  EXPECT_EQ(batches, 1);
}

TEST(BackgroundSheetReader, ReportsASheetItCannotReadWithoutHandingOverAnything) {
  const phone::PhoneNormalizer normalizer("IN");
  int batches = 0;
  // A ZIP signature, then no ZIP: the format is recognised, the archive cannot be read.
  constexpr char kNotASheet[] = "PK\x03\x04 this is no zip file at all";
  const std::string not_a_sheet(kNotASheet, sizeof kNotASheet - 1);
  const auto summary =
      read_sheet_in_background(not_a_sheet, normalizer, {}, [&](PreparedBatch&) { ++batches; });
  ASSERT_FALSE(summary.has_value());
  EXPECT_FALSE(summary.error().message.empty());
  EXPECT_EQ(batches, 0);
}

TEST(BackgroundSheetReader, ReportsProgressUpToTheWholeFile) {
  const std::string csv = sheet(20000);
  const phone::PhoneNormalizer normalizer("IN");
  std::size_t last_done = 0;
  std::size_t last_total = 0;
  const auto summary = read_sheet_in_background(
      csv, normalizer,
      [&](std::size_t done, std::size_t total) {
        last_done = done;
        last_total = total;
      },
      [](PreparedBatch&) {});
  ASSERT_TRUE(summary.has_value());
  EXPECT_EQ(last_total, csv.size());
  EXPECT_EQ(last_done, csv.size());
}

}  // namespace
}  // namespace rx::contacts
