// POST .../contacts/upload?preview=1, the overrides of an upload (sheet, header_row,
// phone_column, name_column) and saved mappings, on both engines.
#include "api_paths.h"
#include "test_database.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace rx::test {
namespace {

const std::string kPreview = kUpload + "?preview=1";

// A title row, then a header whose first column ("Contact Person", a weak phone word) detection
// takes for the phone column; the numbers are under "Tel".
const std::string kSheet =
    "Sharma Medicals customers\n"
    "Contact Person,Tel,Area\n"
    "Asha,9876543210,Indore\n"
    "Ravi,9876543211,Bhopal\n"
    "Ravi again,9876543211,Bhopal\n"
    "Nobody,12345,Indore\n";
// The same kind of sheet next month: the same header, other rows.
const std::string kNextMonth =
    "Sharma Medicals customers (December)\n"
    "Contact Person,Tel,Area\n"
    "Meena,9876500001,Indore\n"
    "Asha,9876543210,Indore\n";

using Fields = std::vector<std::pair<std::string, std::string>>;

class UploadPreviewTest : public SharedServerTest {
 protected:
  // multipart/form-data with the file and the given form fields.
  Response send(const SignedInStaff& who, const std::string& path, const std::string& file_name,
                const std::string& content, const Fields& fields = {}) {
    httplib::Client http("127.0.0.1", server().port());
    http.set_read_timeout(60, 0);
    httplib::MultipartFormDataItems items = {
        {"file", content, file_name, "application/octet-stream"}};
    for (const auto& [name, value] : fields) items.push_back({name, value, "", ""});
    const httplib::Headers headers = {{"Authorization", "Bearer " + who.token}};
    auto result = http.Post(path.c_str(), headers, items);
    Response out;
    if (!result) return out;
    out.status = result->status;
    out.raw = result->body;
    out.body = nlohmann::json::parse(result->body, nullptr, false);
    if (out.body.is_discarded()) out.body = nullptr;
    return out;
  }
  std::int64_t total(const SignedInStaff& who, const std::string& list) {
    Response res = client(who).get("/api/customer-tracking/" + list + "?limit=1");
    EXPECT_EQ(res.status, 200) << res.raw;
    return res.body.value("total", std::int64_t{-1});
  }
  // A 422 whose details name `field`.
  void expect_field_error(const Response& res, const std::string& field) {
    expect_error(res, 422, "validation_failed");
    EXPECT_TRUE(res.body["error"]["details"]["fields"].contains(field)) << res.raw;
  }
};

TEST_F(UploadPreviewTest, PreviewReadsAsTheImportWillAndStoresNothing) {
  SignedInStaff owner = create_shop(server(), "Preview Shop");
  const std::string sheet = read_file(samples_dir() + "/sample_1k_phone.xlsx");
  Response preview = send(owner, kPreview, "sample_1k_phone.xlsx", sheet);
  ASSERT_EQ(preview.status, 200) << preview.raw.substr(0, 500);
  const nlohmann::json& p = preview.body;
  EXPECT_EQ(p["preview"], true);
  EXPECT_EQ(p["file_format"], "xlsx");
  ASSERT_FALSE(p["sheets"].empty());
  EXPECT_EQ(p["sheet"]["index"], 1);
  EXPECT_EQ(p["header_row"], 1);
  ASSERT_TRUE(p["phone_column"].is_object()) << p.dump();
  EXPECT_FALSE(p["columns"].empty());
  EXPECT_EQ(p["counts"]["total_rows"], 1000);
  EXPECT_EQ(p["counts"]["new"], 951);
  EXPECT_EQ(p["counts"]["duplicate"], 29);
  EXPECT_EQ(p["counts"]["invalid"], 20);
  ASSERT_EQ(p["rows"].size(), 20u);
  int valid = 0;
  for (const auto& row : p["rows"]) {
    EXPECT_GE(row["row"].get<int>(), 2);
    if (row["valid"].get<bool>()) {
      ++valid;
      EXPECT_EQ(row["numbers"][0]["e164"].get<std::string>().rfind("+", 0), 0u) << row.dump();
    } else {
      EXPECT_FALSE(row["problems"][0]["reason"].get<std::string>().empty()) << row.dump();
    }
  }
  EXPECT_GT(valid, 0);
  EXPECT_TRUE(p["problem"].is_null());
  EXPECT_EQ(total(owner, "contacts"), 0) << "a preview stores no contact";
  EXPECT_EQ(total(owner, "uploads"), 0) << "a preview leaves no upload behind";

  // The import does what the preview said.
  Response imported = send(owner, kUpload, "sample_1k_phone.xlsx", sheet);
  ASSERT_EQ(imported.status, 201) << imported.raw;
  EXPECT_EQ(imported.body["imported"], 951);
  EXPECT_EQ(imported.body["duplicates"], 29);
  EXPECT_EQ(imported.body["invalid"], 20);
  // Previewed again, every valid number is now a duplicate of a stored one.
  Response again = send(owner, kPreview, "sample_1k_phone.xlsx", sheet);
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.body["counts"]["new"], 0);
  EXPECT_EQ(again.body["counts"]["duplicate"], 980);
  EXPECT_EQ(total(owner, "contacts"), 951);
  EXPECT_EQ(total(owner, "uploads"), 1);

  // counts=0: the same layout and rows, read no further.
  Response quick = send(owner, kPreview + "&counts=0", "sample_1k_phone.xlsx", sheet);
  ASSERT_EQ(quick.status, 200) << quick.raw.substr(0, 300);
  EXPECT_TRUE(quick.body["counts"].is_null());
  EXPECT_EQ(quick.body["file_format"], "xlsx");
  EXPECT_EQ(quick.body["rows"], p["rows"]);
  EXPECT_EQ(quick.body["phone_column"], p["phone_column"]);
}

TEST_F(UploadPreviewTest, PreviewCountsNewAgainstThisShopOnly) {
  SignedInStaff a = create_shop(server(), "Preview Stored A");
  SignedInStaff b = create_shop(server(), "Preview Stored B");
  ASSERT_EQ(send(a, kUpload, "a.csv", "Phone\n9876543210\n").status, 201);
  Response for_a = send(a, kPreview, "x.csv", "Phone\n9876543210\n9876543299\n9876543299\n");
  ASSERT_EQ(for_a.status, 200) << for_a.raw;
  EXPECT_EQ(for_a.body["counts"]["new"], 1);
  EXPECT_EQ(for_a.body["counts"]["duplicate"], 2);
  Response for_b = send(b, kPreview, "x.csv", "Phone\n9876543210\n9876543299\n9876543299\n");
  EXPECT_EQ(for_b.body["counts"]["new"], 2) << "shop A's numbers are not B's";
  EXPECT_EQ(for_b.body["counts"]["duplicate"], 1);
}

TEST_F(UploadPreviewTest, ALargeSheetIsCountedAgainstTheShopsStoredPhonesToo) {
  // Past 20,000 distinct numbers the stored ones are found by reading the shop's phones once
  // rather than looking the file's up in batches: the counts must not change.
  SignedInStaff a = create_shop(server(), "Large Preview A");
  SignedInStaff b = create_shop(server(), "Large Preview B");
  const auto sheet = [](int first, int count) {
    std::string csv = "Phone\n";
    for (int i = first; i < first + count; ++i) csv += std::to_string(9800000000LL + i) + "\n";
    return csv;
  };
  ASSERT_EQ(send(a, kUpload, "first.csv", sheet(0, 10000)).status, 201);
  ASSERT_EQ(send(b, kUpload, "other.csv", sheet(30000, 5000)).status, 201);
  Response preview = send(a, kPreview, "all.csv", sheet(0, 25000) + sheet(24000, 2000).substr(6));
  ASSERT_EQ(preview.status, 200) << preview.raw.substr(0, 300);
  EXPECT_EQ(preview.body["counts"],
            nlohmann::json(
                {{"total_rows", 27000}, {"new", 16000}, {"duplicate", 11000}, {"invalid", 0}}));
  EXPECT_EQ(total(a, "contacts"), 10000);
}

TEST_F(UploadPreviewTest, OverridesChooseTheHeaderRowAndColumns) {
  SignedInStaff owner = create_shop(server(), "Override Shop");
  Response detected = send(owner, kPreview, "customers.csv", kSheet);
  ASSERT_EQ(detected.status, 200) << detected.raw;
  EXPECT_EQ(detected.body["phone_column"]["header"], "Contact Person");

  const Fields chosen = {{"header_row", "2"}, {"phone_column", "Tel"}, {"name_column", "A"}};
  Response preview = send(owner, kPreview, "customers.csv", kSheet, chosen);
  ASSERT_EQ(preview.status, 200) << preview.raw;
  EXPECT_EQ(preview.body["header_row"], 2);
  EXPECT_EQ(preview.body["phone_column"],
            nlohmann::json({{"index", 2}, {"letter", "B"}, {"header", "Tel"}}));
  EXPECT_EQ(preview.body["name_column"]["header"], "Contact Person");
  ASSERT_EQ(preview.body["rows"].size(), 4u);
  EXPECT_EQ(preview.body["rows"][0]["name"], "Asha");
  EXPECT_EQ(preview.body["rows"][0]["numbers"][0]["e164"], "+919876543210");
  EXPECT_EQ(preview.body["rows"][3]["valid"], false);
  EXPECT_EQ(preview.body["counts"],
            nlohmann::json({{"total_rows", 4}, {"new", 2}, {"duplicate", 1}, {"invalid", 1}}));

  // Column numbers say the same; "none" drops the name.
  Response numbered = send(owner, kPreview, "customers.csv", kSheet,
                           {{"header_row", "2"}, {"phone_column", "2"}, {"name_column", "none"}});
  ASSERT_EQ(numbered.status, 200) << numbered.raw;
  EXPECT_EQ(numbered.body["phone_column"]["index"], 2);
  EXPECT_TRUE(numbered.body["name_column"].is_null());

  // The import takes the same overrides.
  Response imported = send(owner, kUpload, "customers.csv", kSheet, chosen);
  ASSERT_EQ(imported.status, 201) << imported.raw;
  EXPECT_EQ(imported.body["imported"], 2);
  Response asha = client(owner).get("/api/customer-tracking/contacts?q=Asha");
  ASSERT_EQ(asha.status, 200);
  ASSERT_EQ(asha.body["total"], 1) << asha.raw;
  EXPECT_EQ(asha.body["items"][0]["phone"], "+919876543210");
}

TEST_F(UploadPreviewTest, EachBadOverrideIs422NamingItsFieldAndStoresNothing) {
  SignedInStaff owner = create_shop(server(), "Bad Override Shop");
  const std::vector<std::pair<Fields, std::string>> cases = {
      {{{"sheet", "Customers"}}, "sheet"},
      {{{"sheet", "2"}}, "sheet"},
      {{{"header_row", "two"}}, "header_row"},
      {{{"header_row", "-1"}}, "header_row"},
      {{{"header_row", "40"}}, "header_row"},
      {{{"phone_column", "Mobile"}}, "phone_column"},
      {{{"phone_column", "Z"}}, "phone_column"},
      {{{"phone_column", "none"}}, "phone_column"},
      {{{"header_row", "2"}, {"phone_column", "Tel"}, {"name_column", "B"}}, "name_column"},
      {{{"phone_column", "B"}, {"name_column", "b"}}, "name_column"},
      {{{"name_column", "Customer"}}, "name_column"},
      {{{"sheet", std::string(201, 'x')}}, "sheet"},
  };
  for (const auto& [fields, field] : cases) {
    SCOPED_TRACE(field + " " + fields.front().second.substr(0, 20));
    expect_field_error(send(owner, kPreview, "customers.csv", kSheet, fields), field);
    expect_field_error(send(owner, kUpload, "customers.csv", kSheet, fields), field);
  }
  expect_field_error(send(owner, kUpload + "?preview=maybe", "customers.csv", kSheet), "preview");
  expect_field_error(send(owner, kPreview + "&counts=some", "customers.csv", kSheet), "counts");
  // A blank header row.
  expect_field_error(
      send(owner, kPreview, "blank.csv", "Phone\n\n9876543210\n", {{"header_row", "2"}}),
      "header_row");
  EXPECT_EQ(total(owner, "contacts"), 0);
  EXPECT_EQ(total(owner, "uploads"), 0);
}

TEST_F(UploadPreviewTest, ASheetWithoutAPhoneColumnIsShownSoOneCanBeChosen) {
  SignedInStaff owner = create_shop(server(), "No Phone Shop");
  const std::string sheet = "Party,Digits\nAsha,ask at the counter\nRavi,call later\n";
  Response preview = send(owner, kPreview, "party.csv", sheet);
  ASSERT_EQ(preview.status, 200) << preview.raw;
  EXPECT_TRUE(preview.body["phone_column"].is_null()) << preview.raw;
  EXPECT_TRUE(preview.body["counts"].is_null());
  EXPECT_FALSE(preview.body["problem"].get<std::string>().empty());
  ASSERT_EQ(preview.body["rows"].size(), 3u) << "no header: every row is data";
  EXPECT_EQ(preview.body["rows"][1]["cells"], nlohmann::json({"Asha", "ask at the counter"}));
  // The import refuses it naming the phone column, which can then be chosen.
  expect_field_error(send(owner, kUpload, "party.csv", sheet), "phone_column");
  Response chosen =
      send(owner, kPreview, "party.csv", sheet, {{"header_row", "1"}, {"phone_column", "Digits"}});
  ASSERT_EQ(chosen.status, 200) << chosen.raw;
  EXPECT_EQ(chosen.body["counts"]["invalid"], 2);
}

TEST_F(UploadPreviewTest, AnImportWithOverridesSavesItsMappingForTheSameKindOfSheet) {
  SignedInStaff owner = create_shop(server(), "Mapping Shop");
  SignedInStaff manager = add_staff(server(), owner, "manager");
  Response first = send(owner, kPreview, "november.csv", kSheet);
  ASSERT_EQ(first.status, 200);
  EXPECT_TRUE(first.body["saved_mapping"].is_null());
  // An import without overrides saves nothing.
  ASSERT_EQ(send(owner, kUpload, "plain.csv", "Phone\n9876543200\n").status, 201);
  ASSERT_EQ(send(manager, kUpload, "november.csv", kSheet,
                 {{"header_row", "2"}, {"phone_column", "Tel"}, {"name_column", "Contact Person"}})
                .status,
            201);

  Response next = send(manager, kPreview, "december.csv", kNextMonth);
  ASSERT_EQ(next.status, 200) << next.raw;
  EXPECT_EQ(next.body["signature"], first.body["signature"]);
  const nlohmann::json& saved = next.body["saved_mapping"];
  ASSERT_TRUE(saved.is_object()) << next.raw;
  EXPECT_EQ(saved["applied"], true);
  EXPECT_EQ(saved["sheet"], "Sheet1");
  EXPECT_EQ(saved["header_row"], 2);
  EXPECT_EQ(saved["phone_column"]["letter"], "B");
  EXPECT_EQ(saved["name_column"]["letter"], "A");
  EXPECT_EQ(next.body["phone_column"]["header"], "Tel") << "the saved mapping is applied";
  EXPECT_EQ(next.body["rows"][0]["name"], "Meena");
  EXPECT_EQ(next.body["counts"]["new"], 1);
  EXPECT_EQ(next.body["counts"]["duplicate"], 1);

  // A field given in the request wins over the saved one; the rest still apply.
  Response overridden =
      send(manager, kPreview, "december.csv", kNextMonth, {{"name_column", "none"}});
  ASSERT_EQ(overridden.status, 200);
  EXPECT_EQ(overridden.body["phone_column"]["header"], "Tel");
  EXPECT_TRUE(overridden.body["name_column"].is_null());

  // The import without overrides reads it the saved way too.
  Response imported = send(manager, kUpload, "december.csv", kNextMonth);
  ASSERT_EQ(imported.status, 201) << imported.raw;
  EXPECT_EQ(imported.body["imported"], 1);
  Response meena = client(owner).get("/api/customer-tracking/contacts?q=Meena");
  ASSERT_EQ(meena.body["total"], 1) << meena.raw;
  EXPECT_EQ(meena.body["items"][0]["phone"], "+919876500001");

  // A later import with other overrides replaces the mapping.
  ASSERT_EQ(send(owner, kUpload, "december.csv", kNextMonth, {{"name_column", "C"}}).status, 201);
  Response replaced = send(owner, kPreview, "december.csv", kNextMonth);
  EXPECT_EQ(replaced.body["saved_mapping"]["name_column"]["letter"], "C");
  EXPECT_EQ(replaced.body["saved_mapping"]["phone_column"]["letter"], "B");
}

TEST_F(UploadPreviewTest, AnotherShopsMappingIsNeverOffered) {
  SignedInStaff a = create_shop(server(), "Mapping A");
  SignedInStaff b = create_shop(server(), "Mapping B");
  ASSERT_EQ(send(a, kUpload, "november.csv", kSheet,
                 {{"header_row", "2"}, {"phone_column", "Tel"}, {"name_column", "A"}})
                .status,
            201);
  Response for_a = send(a, kPreview, "december.csv", kNextMonth);
  ASSERT_TRUE(for_a.body["saved_mapping"].is_object()) << for_a.raw;
  Response for_b = send(b, kPreview, "december.csv", kNextMonth);
  ASSERT_EQ(for_b.status, 200) << for_b.raw;
  EXPECT_TRUE(for_b.body["saved_mapping"].is_null()) << for_b.raw;
  EXPECT_EQ(for_b.body["phone_column"]["header"], "Contact Person") << "B's sheet is detected";
  Response imported = send(b, kUpload, "december.csv", kNextMonth);
  ASSERT_EQ(imported.status, 201);
  Response meena = client(b).get("/api/customer-tracking/contacts?q=Meena");
  EXPECT_EQ(meena.body["total"], 0) << "B imported by detection, not by A's mapping";
}

TEST_F(UploadPreviewTest, HindiHeadersAreDetected) {
  SignedInStaff owner = create_shop(server(), "Hindi Shop");
  const std::string sheet = "ऑर्डर,ग्राहक का नाम,मोबाइल नंबर\n9123456780,राम शर्मा,98765 43210\n";
  Response preview = send(owner, kPreview, "hindi.csv", sheet);
  ASSERT_EQ(preview.status, 200) << preview.raw;
  EXPECT_EQ(preview.body["phone_column"]["header"], "मोबाइल नंबर");
  EXPECT_EQ(preview.body["name_column"]["header"], "ग्राहक का नाम");
  EXPECT_EQ(preview.body["rows"][0]["numbers"][0]["e164"], "+919876543210");
  EXPECT_EQ(preview.body["rows"][0]["name"], "राम शर्मा");
}

TEST_F(UploadPreviewTest, StaffCannotPreviewAndLimitsAreTheImports) {
  SignedInStaff owner = create_shop(server(), "Preview Limits Shop");
  SignedInStaff staff = add_staff(server(), owner, "staff");
  expect_error(send(staff, kPreview, "x.csv", "Phone\n9876543210\n"), 403, "forbidden");
  Response big =
      send(owner, kPreview, "big.csv", "Phone\n" + std::string(20 * 1024 * 1024 + 10, '9'));
  EXPECT_EQ(big.status, 413) << big.raw.substr(0, 200);
  expect_error(
      send(owner, kPreview, "photo.xlsx", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), 415,
      "unsupported_media_type");
}

}  // namespace
}  // namespace rx::test
