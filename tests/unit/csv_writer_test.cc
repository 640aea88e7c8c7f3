#include "core/csv_writer.h"

#include <gtest/gtest.h>

namespace rx::core {
namespace {

TEST(CsvWriterTest, QuotesWhatNeedsQuotingAndDefusesFormulas) {
  CsvWriter csv;
  csv.row({"row", "value", "reason"});
  csv.row({"3", "a,b", "say \"hi\""});
  csv.row({"4", "=HYPERLINK(\"x\")", "+91 98765 43210"});
  csv.row({"-5", "+919876543210", "@SUM(A1)"});
  EXPECT_EQ(csv.str(),
            "\xEF\xBB\xBFrow,value,reason\r\n"
            "3,\"a,b\",\"say \"\"hi\"\"\"\r\n"
            "4,\"'=HYPERLINK(\"\"x\"\")\",'+91 98765 43210\r\n"
            "-5,+919876543210,'@SUM(A1)\r\n");
}

TEST(CsvWriterTest, QuotesCellsHoldingASemicolon) {
  CsvWriter csv;
  csv.row({"7", "98765;43210", "two numbers; one cell"});
  csv.row({"8", "plain", ";"});
  EXPECT_EQ(csv.str(),
            "\xEF\xBB\xBF"
            "7,\"98765;43210\",\"two numbers; one cell\"\r\n"
            "8,plain,\";\"\r\n");
}

}  // namespace
}  // namespace rx::core
