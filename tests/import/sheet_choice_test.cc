// Choosing the sheet, header row and columns, and saved mappings, through the real readers.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "import/contact_sheet.h"
#include "import/header_matcher.h"
#include "recording_sink.h"
#include "test_files.h"

namespace rx::import::testing {
namespace {

// Title row, then a header detection misreads: "Contact Person" (a weak phone word) before the
// real number column headed "Tel".
const std::string kSheet =
    "Sharma Medicals customers\n"
    "Contact Person,Tel,Area\n"
    "Asha,9876543210,Indore\n"
    "Ravi,9876543211,Bhopal\n"
    "Ravi again,9876543211,Bhopal\n"
    "Nobody,12345,Indore\n";

class LayoutSink : public RecordingSink {
 public:
  void on_layout(const SheetLayout& l) override { layouts.push_back(l); }
  void on_sheets(const std::vector<std::string>& names) override { sheets = names; }
  std::vector<SheetLayout> layouts;
  std::vector<std::string> sheets;
};

struct Parsed {
  tl::expected<ParseSummary, ImportFailure> result;
  LayoutSink sink;
};

Parsed parse(const std::string& bytes, const SheetChoice& choice, LayoutLookup saved = {}) {
  static const phone::PhoneNormalizer normalizer("IN");
  Parsed out{tl::unexpected<ImportFailure>(ImportFailure{}), {}};
  const ReadOptions options{choice, std::move(saved)};
  out.result = parse_contact_sheet(bytes, normalizer, out.sink, options);
  return out;
}

TEST(SheetChoiceTest, ChosenHeaderRowAndColumnsWinOverDetection) {
  Parsed detected = parse(kSheet, {});
  ASSERT_TRUE(detected.result);
  ASSERT_EQ(detected.sink.layouts.size(), 1u);
  EXPECT_EQ(detected.sink.layouts[0].phone_column, 0u) << "detection takes the weak word";

  SheetChoice choice;
  choice.header_row = 2;
  choice.phone_column = "tel";
  choice.name_column = "A";
  Parsed chosen = parse(kSheet, choice);
  ASSERT_TRUE(chosen.result) << chosen.result.error().message;
  EXPECT_EQ(chosen.result->total_rows, 4);
  EXPECT_EQ(chosen.result->invalid_rows, 1);
  ASSERT_EQ(chosen.sink.contacts.size(), 3u);
  EXPECT_EQ(chosen.sink.contacts[0].e164, "+919876543210");
  EXPECT_EQ(chosen.sink.contacts[0].name, "Asha");
  EXPECT_EQ(chosen.sink.contacts[0].row_number, 3);
  const SheetLayout& layout = chosen.sink.layouts.at(0);
  EXPECT_EQ(layout.header_row, 2);
  EXPECT_EQ(layout.phone_column, 1u);
  EXPECT_EQ(layout.name_column, 0u);
  EXPECT_EQ(layout.signature, detected.sink.layouts[0].signature)
      << "the signature does not depend on the choices";

  // The same by column number, and without a name column.
  choice.phone_column = "2";
  choice.name_column = "none";
  Parsed numbered = parse(kSheet, choice);
  ASSERT_TRUE(numbered.result);
  EXPECT_EQ(numbered.sink.contacts.at(0).e164, "+919876543210");
  EXPECT_EQ(numbered.sink.contacts.at(0).name, "");
}

TEST(SheetChoiceTest, HeaderRowZeroReadsEveryRowAsData) {
  SheetChoice choice;
  choice.header_row = 0;
  choice.phone_column = "B";
  Parsed parsed = parse("9876543210,9876543211\n9876543212,9876543213\n", choice);
  ASSERT_TRUE(parsed.result);
  EXPECT_EQ(parsed.result->total_rows, 2);
  ASSERT_EQ(parsed.sink.contacts.size(), 2u);
  EXPECT_EQ(parsed.sink.contacts[0].e164, "+919876543211");
}

TEST(SheetChoiceTest, ChoicesThatDoNotFitAreRefusedNamingTheField) {
  const auto refused_field = [](const SheetChoice& choice) {
    Parsed parsed = parse(kSheet, choice);
    EXPECT_FALSE(parsed.result);
    return parsed.result ? std::string("none") : parsed.result.error().field;
  };
  SheetChoice sheet;
  sheet.sheet = "Customers";
  EXPECT_EQ(refused_field(sheet), "sheet");
  sheet.sheet = "2";
  EXPECT_EQ(refused_field(sheet), "sheet");
  SheetChoice past_end;
  past_end.header_row = 40;
  EXPECT_EQ(refused_field(past_end), "header_row");
  SheetChoice header_row;
  header_row.header_row = 2;
  EXPECT_TRUE(parse(kSheet, header_row).result) << "row 2 is the header: fine";
  Parsed blank = parse("Phone\n\n9876543210\n", [] {
    SheetChoice c;
    c.header_row = 2;
    return c;
  }());
  ASSERT_FALSE(blank.result);
  EXPECT_EQ(blank.result.error().field, "header_row");
  SheetChoice no_such_column;
  no_such_column.phone_column = "Mobile";
  EXPECT_EQ(refused_field(no_such_column), "phone_column");
  SheetChoice past_last_column;
  past_last_column.phone_column = "Z";
  EXPECT_EQ(refused_field(past_last_column), "phone_column");
  SheetChoice same;
  same.header_row = 2;
  same.phone_column = "Tel";
  same.name_column = "B";
  EXPECT_EQ(refused_field(same), "name_column");
  SheetChoice name_unknown;
  name_unknown.name_column = "Customer";
  EXPECT_EQ(refused_field(name_unknown), "name_column");
}

TEST(SheetChoiceTest, SavedLayoutIsAppliedToASheetWithItsSignatureUnlessChosenOtherwise) {
  const std::string signature = parse(kSheet, {}).sink.layouts.at(0).signature;
  std::vector<std::string> asked;
  const LayoutLookup saved = [&](std::string_view s) -> std::optional<SavedLayout> {
    asked.emplace_back(s);
    if (s != signature) return std::nullopt;
    return SavedLayout{2, 1, 0};
  };
  Parsed applied = parse(kSheet, {}, saved);
  ASSERT_TRUE(applied.result);
  EXPECT_EQ(asked, std::vector<std::string>{signature});
  EXPECT_TRUE(applied.sink.layouts.at(0).saved_mapping_applied);
  EXPECT_EQ(applied.sink.contacts.at(0).e164, "+919876543210");
  EXPECT_EQ(applied.sink.contacts.at(0).name, "Asha");

  SheetChoice no_name;
  no_name.name_column = "none";
  Parsed overridden = parse(kSheet, no_name, saved);
  ASSERT_TRUE(overridden.result);
  EXPECT_EQ(overridden.sink.contacts.at(0).e164, "+919876543210") << "the saved phone column";
  EXPECT_EQ(overridden.sink.contacts.at(0).name, "") << "the chosen name column";

  // Another kind of sheet is read by detection.
  Parsed other = parse("Name,Mobile\nAsha,9876543210\n", {}, saved);
  ASSERT_TRUE(other.result);
  EXPECT_FALSE(other.sink.layouts.at(0).saved_mapping_applied);
  EXPECT_EQ(other.sink.contacts.at(0).name, "Asha");
}

TEST(SheetChoiceTest, WorkbookSheetsAreListedAndChosenByNameOrNumber) {
  // Two sheets: "Summary" without a phone column, then "Contacts".
  const std::string bytes = read_file(golden_dir() / "first_sheet_without_phone.xlsx");
  Parsed detected = parse(bytes, {});
  ASSERT_TRUE(detected.result) << detected.result.error().message;
  EXPECT_EQ(detected.sink.sheets, (std::vector<std::string>{"Summary", "Contacts"}));
  EXPECT_EQ(detected.sink.layouts.back().sheet_name, "Contacts");
  EXPECT_EQ(detected.sink.layouts.back().sheet_index, 1u);
  SheetChoice by_name;
  by_name.sheet = "contacts";
  EXPECT_TRUE(parse(bytes, by_name).result);
  SheetChoice by_number;
  by_number.sheet = "2";
  EXPECT_TRUE(parse(bytes, by_number).result);
  SheetChoice first;
  first.sheet = "1";
  Parsed summary = parse(bytes, first);
  ASSERT_FALSE(summary.result);
  EXPECT_EQ(summary.result.error().field, "phone_column");
  ASSERT_EQ(summary.sink.layouts.size(), 1u) << "only the chosen sheet is read";
  EXPECT_EQ(summary.sink.layouts[0].sheet_name, "Summary");
  EXPECT_FALSE(summary.sink.layouts[0].phone_column);
  SheetChoice third;
  third.sheet = "3";
  Parsed missing = parse(bytes, third);
  ASSERT_FALSE(missing.result);
  EXPECT_EQ(missing.result.error().field, "sheet");
}

}  // namespace
}  // namespace rx::import::testing
