#include "import/csv_tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "import/delimiter_detector.h"
#include "import/text_decoder.h"

namespace rx::import {
namespace {

using Records = std::vector<std::vector<std::string>>;

// Feeds `text` in pieces of `step` bytes, so records and quotes straddle chunk boundaries.
Records tokenize(const std::string& text, char delimiter, std::size_t step) {
  Records records;
  CsvTokenizer tokenizer(delimiter);
  const CsvTokenizer::RecordFn record = [&](std::span<const std::string_view> cells) {
    records.emplace_back(cells.begin(), cells.end());
    return true;
  };
  for (std::size_t i = 0; i < text.size(); i += step) {
    EXPECT_EQ(tokenizer.feed(std::string_view(text).substr(i, step), record),
              CsvTokenizer::Status::kOk);
  }
  EXPECT_EQ(tokenizer.finish(record), CsvTokenizer::Status::kOk);
  return records;
}

TEST(CsvTokenizerTest, Rfc4180InAnyChunking) {
  const std::string text =
      "a,\"b,c\",d\r\n\"multi\nline\",\"say \"\"hi\"\"\",\r\n\nlast,row\rcr,only";
  const Records expected = {
      {"a", "b,c", "d"}, {"multi\nline", "say \"hi\"", ""}, {""}, {"last", "row"}, {"cr", "only"}};
  for (std::size_t step : {1u, 2u, 3u, 7u, 1000u}) {
    EXPECT_EQ(tokenize(text, ',', step), expected) << "step " << step;
  }
}

TEST(CsvTokenizerTest, LenientWithStrayQuotes) {
  EXPECT_EQ(tokenize("ab\"c,\"d\"e\n", ',', 100), (Records{{"ab\"c", "de"}}));
}

TEST(CsvTokenizerTest, NoTrailingRecordAfterFinalNewline) {
  EXPECT_EQ(tokenize("a\nb\n", ',', 100), (Records{{"a"}, {"b"}}));
}

TEST(CsvTokenizerTest, TooManyColumns) {
  CsvTokenizer tokenizer(',');
  const std::string line(20000, ',');
  EXPECT_EQ(tokenizer.feed(line, [](auto) { return true; }), CsvTokenizer::Status::kTooManyColumns);
}

TEST(DelimiterDetectorTest, PicksTheConsistentDelimiter) {
  EXPECT_EQ(detect_delimiter("a,b,c\n1,2,3\n", true), ',');
  EXPECT_EQ(detect_delimiter("Name;Phone\nSharma, R.;98\nGupta, S.;97\n", true), ';');
  EXPECT_EQ(detect_delimiter("Name\tPhone\tCity\nA, B\t1\tX\n", true), '\t');
  EXPECT_EQ(detect_delimiter("Name|Phone\n\"a|b\"|1\nc|2\n", true), '|');
  EXPECT_EQ(detect_delimiter("9876543210\n9123456789\n", true), ',');
}

TEST(TextDecoderTest, DetectsEncodings) {
  EXPECT_EQ(detect_encoding("\xEF\xBB\xBFx").encoding, TextEncoding::kUtf8);
  EXPECT_EQ(detect_encoding("\xEF\xBB\xBFx").body, "x");
  EXPECT_EQ(detect_encoding("\xFF\xFEx\0").encoding, TextEncoding::kUtf16Le);
  EXPECT_EQ(detect_encoding("\xFE\xFF\0x").encoding, TextEncoding::kUtf16Be);
  EXPECT_EQ(detect_encoding("caf\xC3\xA9").encoding, TextEncoding::kUtf8);
  EXPECT_EQ(detect_encoding("caf\xE9").encoding, TextEncoding::kWindows1252);
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));  // a UTF-16 surrogate
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));      // overlong
}

std::string decode_all(std::string_view bytes) {
  Utf8Chunks chunks(detect_encoding(bytes));
  std::string out;
  std::string_view chunk;
  while (chunks.next(chunk)) out.append(chunk);
  return out;
}

TEST(TextDecoderTest, DecodesToUtf8) {
  EXPECT_EQ(decode_all(std::string("\xFF\xFE"
                                   "J\0o\0s\0\xE9\0",
                                   10)),
            "Jos\xC3\xA9");
  EXPECT_EQ(decode_all(std::string("\xFE\xFF\xD8\x3D\xDE\x00", 6)), "\xF0\x9F\x98\x80");
  EXPECT_EQ(decode_all("Jos\xE9 \x80"), "Jos\xC3\xA9 \xE2\x82\xAC");
  EXPECT_EQ(decode_all(std::string("\xFF\xFE"
                                   "a\0b",
                                   5)),
            "a\xEF\xBF\xBD");
}

}  // namespace
}  // namespace rx::import
