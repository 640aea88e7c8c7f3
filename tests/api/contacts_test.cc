// Contact sheets end to end: upload, clean, dedupe, list, assign, work a contact, follow up.
#include "api_paths.h"
#include "test_database.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <thread>

namespace rx::test {
namespace {

class ContactsTest : public SharedServerTest {
 protected:
  // A shop with the phone sample uploaded, a manager and two staff members.
  struct Shop {
    SignedInStaff owner, manager, priya, rahul;
    std::int64_t upload_id = 0;
  };
  Shop shop_with_sheet(const std::string& name,
                       const std::string& sample = "sample_1k_phone.xlsx") {
    Shop s;
    s.owner = create_shop(server(), name);
    s.manager = add_staff(server(), s.owner, "manager");
    s.priya = add_staff(server(), s.owner, "staff");
    s.rahul = add_staff(server(), s.owner, "staff");
    Response up = client(s.manager).upload(kTracking + "/contacts/upload", "file", sample,
                                           read_file(samples_dir() + "/" + sample));
    EXPECT_EQ(up.status, 201) << up.raw;
    s.upload_id = up.body.value("upload_id", 0);
    return s;
  }
  ApiClient client(const SignedInStaff& who) { return ApiClient(server().port(), who.token); }
  // Logs an answered call with each of `items` (contacts as listed), then marks those whose
  // position `yellow` picks as visited without buying. Wrap in ASSERT_NO_FATAL_FAILURE.
  void call_and_mark_yellow(ApiClient& who, const nlohmann::json& items,
                            const std::function<bool(std::size_t)>& yellow) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string path =
          kTracking + "/contacts/" + std::to_string(items[i]["id"].get<std::int64_t>());
      ASSERT_EQ(
          who.post(path + "/interactions", {{"kind", "call"}, {"outcome", "answered"}}).status,
          201);
      if (yellow(i)) {
        ASSERT_EQ(who.post(path + "/mark-yellow", nlohmann::json::object()).status, 200);
      }
    }
  }
  // Assigns three of the sheet's contacts to Priya; answers the id of her first.
  std::int64_t assign_three_to_priya(const Shop& s) {
    EXPECT_EQ(
        client(s.manager)
            .post(kTracking + "/contacts/assign",
                  {{"staff_ids", {s.priya.id}}, {"filter", nlohmann::json::object()}, {"limit", 3}})
            .status,
        200);
    return first_contact_id(s.priya);
  }
  std::int64_t first_contact_id(const SignedInStaff& who, const std::string& query = "") {
    Response list = client(who).get(kTracking + "/contacts?sort=oldest&limit=1" + query);
    EXPECT_EQ(list.status, 200) << list.raw;
    EXPECT_FALSE(list.body["items"].empty()) << list.raw;
    return list.body["items"].empty() ? 0 : list.body["items"][0]["id"].get<std::int64_t>();
  }
};

TEST_F(ContactsTest, EverySampleImportsToTheManifestCounts) {
  const auto manifest =
      nlohmann::json::parse(read_file(samples_dir() + "/sample_1k.manifest.json"));
  for (const char* sample : {"sample_1k_phone.xlsx", "sample_1k_mobile_no.csv",
                             "sample_1k_contact.xlsx", "sample_1k_phone_number.csv"}) {
    SignedInStaff owner = create_shop(server(), std::string("Sample ") + sample);
    Response up = client(owner).upload(kTracking + "/contacts/upload", "file", sample,
                                       read_file(samples_dir() + "/" + sample));
    ASSERT_EQ(up.status, 201) << sample << " " << up.raw;
    EXPECT_EQ(up.body["file_name"], sample);
    EXPECT_EQ(up.body["total_rows"], manifest["rows"]) << sample;
    EXPECT_EQ(up.body["imported"], manifest["expected_imported"]) << sample;
    EXPECT_EQ(up.body["duplicates"], manifest["duplicate_rows"]) << sample;
    EXPECT_EQ(up.body["invalid"], manifest["invalid_rows"]) << sample;
    EXPECT_EQ(up.body["errors"].size(), manifest["invalid_rows"].get<std::size_t>()) << sample;
    for (const auto& e : up.body["errors"]) {
      EXPECT_GE(e["row"].get<int>(), 2) << "rows are numbered as the sheet shows them";
      EXPECT_FALSE(e["reason"].get<std::string>().empty());
    }
  }
}

TEST_F(ContactsTest, StoredPhonesAreExactlyTheExpectedE164List) {
  Shop s = shop_with_sheet("Exact Shop");
  std::set<std::string> stored;
  for (int offset = 0;; offset += 500) {
    Response page =
        client(s.owner).get(kTracking + "/contacts?limit=500&offset=" + std::to_string(offset));
    ASSERT_EQ(page.status, 200);
    for (const auto& item : page.body["items"]) stored.insert(item["phone"].get<std::string>());
    if (page.body["items"].size() < 500) break;
  }
  std::set<std::string> expected;
  std::istringstream lines(read_file(samples_dir() + "/sample_1k.expected.txt"));
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) expected.insert(line);
  }
  EXPECT_EQ(stored, expected);
}

TEST_F(ContactsTest, UploadingTheSameFileAgainImportsNothing) {
  Shop s = shop_with_sheet("Again Shop");
  Response again = client(s.manager).upload(kTracking + "/contacts/upload", "file", "again.xlsx",
                                            read_file(samples_dir() + "/sample_1k_phone.xlsx"));
  ASSERT_EQ(again.status, 201) << again.raw;
  EXPECT_EQ(again.body["imported"], 0);
  EXPECT_EQ(again.body["duplicates"], 980);
  EXPECT_EQ(client(s.owner).get(kTracking + "/contacts?limit=1").body["total"], 951);
}

TEST_F(ContactsTest, FirstOccurrenceNameWinsAndMultiNumberCellsSplit) {
  SignedInStaff owner = create_shop(server(), "Dedupe Shop");
  const std::string csv =
      "Shop list\n"
      "\n"
      "Name,Mob. No.,Area\n"
      "Asha,98765 43210 / 91234 56789,Kothrud\n"
      "Later Asha,+91 98765-43210,Baner\n"
      "Bad,12345,Aundh\n";
  Response up = client(owner).upload(kTracking + "/contacts/upload", "file", "list.csv", csv);
  ASSERT_EQ(up.status, 201) << up.raw;
  EXPECT_EQ(up.body["imported"], 2);
  EXPECT_EQ(up.body["duplicates"], 1);
  EXPECT_EQ(up.body["invalid"], 1);
  EXPECT_EQ(up.body["total_rows"], 3);
  ASSERT_EQ(up.body["errors"].size(), 1u);
  EXPECT_EQ(up.body["errors"][0]["row"], 6);
  EXPECT_EQ(up.body["errors"][0]["value"], "12345");
  Response found = client(owner).get(kTracking + "/contacts?q=9876543210");
  ASSERT_EQ(found.body["total"], 1);
  EXPECT_EQ(found.body["items"][0]["name"], "Asha");
  Response detail =
      client(owner).get(kTracking + "/contacts/" + found.body["items"][0]["id"].dump());
  EXPECT_EQ(detail.body["extra"]["Area"], "Kothrud");
  EXPECT_EQ(client(owner).get(kTracking + "/contacts?q=asha").body["total"], 2);
}

// A sheet larger than the chunks PostgreSQL's import moves at a time (16,384 rows): a phone
// seen again in a later chunk is still a duplicate, and its first name wins.
TEST_F(ContactsTest, TheFirstOccurrenceWinsAcrossALargeSheet) {
  SignedInStaff owner = create_shop(server(), "Large Sheet Shop");
  constexpr int kPhones = 20000;
  std::string csv = "Name,Mobile\n";
  for (int pass = 0; pass < 2; ++pass) {
    for (int i = 0; i < kPhones; ++i) {
      csv += (pass == 0 ? "First " : "Later ") + std::to_string(i) + ",98" +
             std::to_string(10000000 + i) + "\n";
    }
  }
  Response up = client(owner).upload(kTracking + "/contacts/upload", "file", "large.csv", csv);
  ASSERT_EQ(up.status, 201) << up.raw.substr(0, 500);
  EXPECT_EQ(up.body["imported"], kPhones);
  EXPECT_EQ(up.body["duplicates"], kPhones);
  EXPECT_EQ(up.body["total_rows"], 2 * kPhones);
  for (const int i : {0, 16383, 16384, kPhones - 1}) {
    Response found = client(owner).get(kTracking + "/contacts?q=98" + std::to_string(10000000 + i));
    ASSERT_EQ(found.body["total"], 1) << i;
    EXPECT_EQ(found.body["items"][0]["name"], "First " + std::to_string(i));
  }
  Response oldest = client(owner).get(kTracking + "/contacts?sort=oldest&limit=1");
  EXPECT_EQ(oldest.body["items"][0]["name"], "First 0");
}

TEST_F(ContactsTest, NamesAndColumnsKeepTabsBackslashesAndNewlines) {
  SignedInStaff owner = create_shop(server(), "Escape Shop");
  const std::string csv =
      "Name,Phone,Notes\n\"Asha\tK \\N\",9876543210,\"line one\nline two \\ end\"\n";
  Response up = client(owner).upload(kTracking + "/contacts/upload", "file", "escape.csv", csv);
  ASSERT_EQ(up.status, 201) << up.raw;
  ASSERT_EQ(up.body["imported"], 1);
  Response list = client(owner).get(kTracking + "/contacts");
  Response detail =
      client(owner).get(kTracking + "/contacts/" + list.body["items"][0]["id"].dump());
  EXPECT_EQ(detail.body["name"], "Asha\tK \\N");
  EXPECT_EQ(detail.body["extra"]["Notes"], "line one\nline two \\ end");
}

TEST_F(ContactsTest, UploadsAreListedWithErrorsAndCsv) {
  Shop s = shop_with_sheet("Uploads Shop");
  Response list = client(s.manager).get(kTracking + "/uploads");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body["total"], 1);
  EXPECT_EQ(list.body["items"][0]["imported"], 951);
  Response one = client(s.manager).get(kTracking + "/uploads/" + std::to_string(s.upload_id));
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(one.body["errors"].size(), 20u);
  Response csv =
      client(s.manager).get(kTracking + "/uploads/" + std::to_string(s.upload_id) + "/errors.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_NE(csv.header("Content-Type").find("text/csv"), std::string::npos);
  std::istringstream lines(csv.raw);
  int rows = 0;
  for (std::string line; std::getline(lines, line);) ++rows;
  EXPECT_EQ(rows, 21) << "header plus one line per problem";
  expect_error(client(s.priya).get(kTracking + "/uploads"), 403, "forbidden");
  expect_error(client(s.priya).upload(kTracking + "/contacts/upload", "file", "x.csv",
                                      "Phone\n9876543210\n"),
               403, "forbidden");
}

TEST_F(ContactsTest, BadFilesGetClearErrorsAndStoreNothing) {
  SignedInStaff owner = create_shop(server(), "Bad File Shop");
  ApiClient api = client(owner);
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  Response image = api.upload(kTracking + "/contacts/upload", "file", "photo.xlsx", png);
  EXPECT_TRUE(image.status == 415 || image.status == 422) << image.raw;
  std::string xlsx = read_file(samples_dir() + "/sample_1k_phone.xlsx");
  expect_error(api.upload(kTracking + "/contacts/upload", "file", "cut.xlsx",
                          xlsx.substr(0, xlsx.size() / 2)),
               422, "validation_failed");
  expect_error(api.upload(kTracking + "/contacts/upload", "file", "notes.txt",
                          "just some words\nno phones here\n"),
               422, "validation_failed");
  Response big = api.upload(kTracking + "/contacts/upload", "file", "big.csv",
                            "Phone\n" + std::string(20 * 1024 * 1024 + 10, '9'));
  EXPECT_EQ(big.status, 413) << big.raw.substr(0, 200);
  expect_error(api.post(kTracking + "/contacts/upload", {{"file", "x"}}), 422, "validation_failed");
  EXPECT_EQ(api.get(kTracking + "/contacts").body["total"], 0);
  EXPECT_EQ(api.get(kTracking + "/uploads").body["total"], 0)
      << "a refused file leaves no upload behind";
}

TEST_F(ContactsTest, ListFiltersAndRefusesUnknownValues) {
  Shop s = shop_with_sheet("Filter Shop");
  ApiClient api = client(s.owner);
  EXPECT_EQ(api.get(kTracking + "/contacts?status=pending&limit=1").body["total"], 951);
  EXPECT_EQ(api.get(kTracking + "/contacts?status=converted").body["total"], 0);
  EXPECT_EQ(api.get(kTracking + "/contacts?assigned_staff_id=unassigned&limit=1").body["total"],
            951);
  EXPECT_EQ(api.get(kTracking + "/contacts?upload_id=" + std::to_string(s.upload_id) + "&limit=1")
                .body["total"],
            951);
  EXPECT_EQ(api.get(kTracking + "/contacts?whatsapp_status=unknown&limit=1").body["total"], 951);
  EXPECT_EQ(api.get(kTracking + "/contacts?limit=7").body["items"].size(), 7u);
  for (const char* bad :
       {"status=done", "whatsapp_status=maybe", "assigned_staff_id=abc", "follow_up=soon",
        "sort=random", "limit=0", "limit=100000", "offset=-1"}) {
    expect_error(api.get(kTracking + "/contacts?" + bad), 422, "validation_failed");
  }
  // Injection strings are just text that matches nothing.
  for (const char* evil :
       {"%27%20OR%201%3D1%20--", "%25", "_", "%22%3B%20DROP%20TABLE%20contact_records%3B"}) {
    Response res = api.get(kTracking + "/contacts?q=" + evil);
    EXPECT_EQ(res.status, 200) << evil;
    EXPECT_EQ(res.body["total"], 0) << evil;
  }
  EXPECT_EQ(api.get(kTracking + "/contacts?limit=1").body["total"], 951);
}

// An upload's contacts are found through the id range its import records (there is no index on
// upload_id); the upload_id condition still leaves out other contacts inside that range.
TEST_F(ContactsTest, AnUploadsContactsAreItsIdRangeNarrowedByItsId) {
  Shop s = shop_with_sheet("Range Shop");
  Response second =
      client(s.manager).upload(kTracking + "/contacts/upload", "file", "three.csv",
                               "Name,Mobile\nAsha,7012345601\nRavi,7012345602\nMeena,7012345603\n");
  ASSERT_EQ(second.status, 201) << second.raw;
  const std::int64_t second_id = second.body["upload_id"];
  const std::int64_t second_imported = second.body["imported"];
  ASSERT_EQ(second_imported, 3);
  const std::string db = server().db_url();
  for (const std::int64_t upload : {s.upload_id, second_id}) {
    const std::string id = std::to_string(upload);
    EXPECT_EQ(sql_count(db, "SELECT COUNT(*) FROM contact_uploads u WHERE u.id = " + id +
                                " AND u.first_contact_id = (SELECT MIN(id) FROM contact_records "
                                "WHERE upload_id = " +
                                id +
                                ") AND u.last_contact_id = (SELECT MAX(id) FROM contact_records "
                                "WHERE upload_id = " +
                                id + ")"),
              1)
        << "upload " << id << " records exactly the ids its import gave";
  }
  // Widen the first upload's range over every contact: its filter still counts only its own.
  ASSERT_TRUE(run_sql(db,
                      "UPDATE contact_uploads SET first_contact_id = 0, last_contact_id = "
                      "1000000000000 WHERE id = " +
                          std::to_string(s.upload_id))
                  .ok);
  ApiClient api = client(s.owner);
  // q= makes the total a count of the rows rather than the kept counts.
  for (const auto& [upload, expected] :
       {std::pair{s.upload_id, std::int64_t{951}}, std::pair{second_id, second_imported}}) {
    Response listed =
        api.get(kTracking + "/contacts?q=91&limit=200&upload_id=" + std::to_string(upload));
    ASSERT_EQ(listed.status, 200) << listed.raw;
    EXPECT_EQ(listed.body["total"], expected) << "upload " << upload;
    for (const auto& item : listed.body["items"]) EXPECT_EQ(item["upload_id"], upload);
  }
  EXPECT_EQ(api.get(kTracking + "/contacts?limit=1").body["total"], 951 + second_imported);

  // An upload with no range (imported by an older rxtrack) is still found, over every id.
  ASSERT_TRUE(run_sql(db,
                      "UPDATE contact_uploads SET first_contact_id = NULL, last_contact_id = "
                      "NULL WHERE id = " +
                          std::to_string(second_id))
                  .ok);
  Response unranged =
      api.get(kTracking + "/contacts?q=91&limit=200&upload_id=" + std::to_string(second_id));
  ASSERT_EQ(unranged.status, 200) << unranged.raw;
  EXPECT_EQ(unranged.body["total"], second_imported);
}

TEST_F(ContactsTest, AssignSharesEvenlyLeastLoadedFirst) {
  Shop s = shop_with_sheet("Assign Shop");
  ApiClient manager = client(s.manager);
  // Priya already holds 10 open contacts.
  Response first = manager.post(
      kTracking + "/contacts/assign",
      {{"staff_ids", {s.priya.id}}, {"filter", {{"status", "pending"}}}, {"limit", 10}});
  ASSERT_EQ(first.status, 200) << first.raw;
  EXPECT_EQ(first.body["assigned"][std::to_string(s.priya.id)], 10);
  Response rest =
      manager.post(kTracking + "/contacts/assign",
                   {{"staff_ids", {s.priya.id, s.rahul.id}}, {"filter", nlohmann::json::object()}});
  ASSERT_EQ(rest.status, 200) << rest.raw;
  const int to_priya = rest.body["assigned"][std::to_string(s.priya.id)];
  const int to_rahul = rest.body["assigned"][std::to_string(s.rahul.id)];
  EXPECT_EQ(to_priya + to_rahul, 941);
  const int priya_total = client(s.priya).get(kTracking + "/contacts?limit=1").body["total"];
  const int rahul_total = client(s.rahul).get(kTracking + "/contacts?limit=1").body["total"];
  EXPECT_EQ(priya_total + rahul_total, 951);
  EXPECT_LE(std::abs(priya_total - rahul_total), 1);
  EXPECT_EQ(manager.get(kTracking + "/contacts?assigned_staff_id=unassigned").body["total"], 0);
  // Nothing left unassigned: a second call hands out nothing.
  Response none = manager.post(kTracking + "/contacts/assign",
                               {{"staff_ids", {s.rahul.id}}, {"filter", nlohmann::json::object()}});
  EXPECT_EQ(none.body["assigned"][std::to_string(s.rahul.id)], 0);
}

TEST_F(ContactsTest, AssignRefusesInactiveOrUnknownStaff) {
  Shop s = shop_with_sheet("Inactive Shop");
  ASSERT_EQ(
      client(s.owner).put("/api/staff/" + std::to_string(s.rahul.id), {{"active", false}}).status,
      200);
  expect_error(client(s.manager).post(kTracking + "/contacts/assign",
                                      {{"staff_ids", {s.priya.id, s.rahul.id}}}),
               422, "validation_failed");
  SignedInStaff other = create_shop(server(), "Other Assign Shop");
  expect_error(client(s.manager).post(kTracking + "/contacts/assign", {{"staff_ids", {other.id}}}),
               422, "validation_failed");
  expect_error(client(s.manager).post(kTracking + "/contacts/assign",
                                      {{"staff_ids", nlohmann::json::array()}}),
               422, "validation_failed");
  expect_error(client(s.priya).post(kTracking + "/contacts/assign", {{"staff_ids", {s.priya.id}}}),
               403, "forbidden");
}

TEST_F(ContactsTest, ParallelAssignmentsNeverAssignAContactTwice) {
  Shop s = shop_with_sheet("Parallel Shop");
  constexpr int kCalls = 6;
  std::vector<int> handed(kCalls, -1);
  std::vector<std::thread> threads;
  for (int i = 0; i < kCalls; ++i) {
    threads.emplace_back([&, i] {
      Response res = client(s.manager).post(kTracking + "/contacts/assign",
                                            {{"staff_ids", {s.priya.id, s.rahul.id}},
                                             {"filter", nlohmann::json::object()},
                                             {"limit", 100}});
      if (res.status == 200) {
        handed[i] = res.body["assigned"][std::to_string(s.priya.id)].get<int>() +
                    res.body["assigned"][std::to_string(s.rahul.id)].get<int>();
      }
    });
  }
  for (auto& t : threads) t.join();
  int total = 0;
  for (int n : handed) {
    EXPECT_EQ(n, 100) << "every call succeeds with its full share";
    total += n;
  }
  const int priya_total = client(s.priya).get(kTracking + "/contacts?limit=1").body["total"];
  const int rahul_total = client(s.rahul).get(kTracking + "/contacts?limit=1").body["total"];
  EXPECT_EQ(priya_total + rahul_total, total) << "no contact counted twice, none lost";
  EXPECT_EQ(client(s.owner)
                .get(kTracking + "/contacts?assigned_staff_id=unassigned&limit=1")
                .body["total"],
            951 - total);
  EXPECT_LE(std::abs(priya_total - rahul_total), 1);
}

TEST_F(ContactsTest, StaffSeeOnlyTheirOwnContacts) {
  Shop s = shop_with_sheet("Own Shop");
  ApiClient manager = client(s.manager);
  ASSERT_EQ(
      manager
          .post(kTracking + "/contacts/assign",
                {{"staff_ids", {s.priya.id}}, {"filter", nlohmann::json::object()}, {"limit", 5}})
          .status,
      200);
  Response mine = client(s.priya).get(kTracking + "/contacts");
  EXPECT_EQ(mine.body["total"], 5);
  for (const auto& item : mine.body["items"]) EXPECT_EQ(item["assigned_staff_id"], s.priya.id);
  // Asking for someone else's list still answers only with their own.
  EXPECT_EQ(client(s.priya).get(kTracking + "/contacts?assigned_staff_id=unassigned").body["total"],
            5);
  const std::int64_t not_hers = first_contact_id(s.owner, "&assigned_staff_id=unassigned");
  expect_error(client(s.priya).get(kTracking + "/contacts/" + std::to_string(not_hers)), 404,
               "not_found");
  expect_error(
      client(s.priya).put(kTracking + "/contacts/" + std::to_string(not_hers), {{"notes", "x"}}),
      404, "not_found");
  expect_error(
      client(s.priya).post(kTracking + "/contacts/" + std::to_string(not_hers) + "/interactions",
                           {{"kind", "call"}, {"outcome", "answered"}}),
      404, "not_found");
  EXPECT_EQ(client(s.rahul).get(kTracking + "/contacts").body["total"], 0);
}

TEST_F(ContactsTest, WorkingAContactMovesItForwardOnly) {
  Shop s = shop_with_sheet("Work Shop");
  ApiClient priya = client(s.priya);
  const std::int64_t id = assign_three_to_priya(s);
  const std::string path = kTracking + "/contacts/" + std::to_string(id);
  expect_error(priya.post(path + "/interactions", {{"kind", "fax"}, {"outcome", "answered"}}), 422,
               "validation_failed");
  Response call = priya.post(path + "/interactions",
                             {{"kind", "call"}, {"outcome", "no_answer"}, {"notes", "rang twice"}});
  ASSERT_EQ(call.status, 201) << call.raw;
  EXPECT_EQ(call.body["staff_id"], s.priya.id);
  EXPECT_EQ(priya.get(path).body["status"], "contacted");
  ASSERT_EQ(
      priya.post(path + "/interactions", {{"kind", "whatsapp"}, {"outcome", "interested"}}).status,
      201);
  Response history = priya.get(path + "/interactions");
  ASSERT_EQ(history.body["total"], 2);
  EXPECT_EQ(history.body["items"][0]["outcome"], "interested") << "newest first";
  expect_error(priya.put(path, {{"status", "pending"}}), 409, "conflict");
  expect_error(priya.put(path, {{"status", "converted"}}), 422, "validation_failed");
  expect_error(priya.put(path, {{"status", "lost"}}), 422, "validation_failed");
  Response wa = priya.put(
      path, {{"whatsapp_status", "active"}, {"notes", "prefers evening"}, {"name", "Meera N"}});
  ASSERT_EQ(wa.status, 200) << wa.raw;
  EXPECT_EQ(wa.body["whatsapp_status"], "active");
  EXPECT_EQ(wa.body["whatsapp_status_source"], "staff");
  EXPECT_EQ(wa.body["notes"], "prefers evening");
  EXPECT_EQ(wa.body["name"], "Meera N");
  Response yellow = priya.post(path + "/mark-yellow", {{"note", "came in, only asked prices"}});
  ASSERT_EQ(yellow.status, 200) << yellow.raw;
  EXPECT_EQ(yellow.body["status"], "yellow");
  EXPECT_FALSE(yellow.body["yellow_at"].is_null());
  expect_error(priya.put(path, {{"status", "contacted"}}), 409, "conflict");
  EXPECT_EQ(priya.get(path + "/interactions").body["total"], 3);
}

// List totals for status/assignee/upload filters come from counts kept by the database
// (migration 0005); a search filter makes the same question count the rows themselves. After
// every kind of move the two answers must agree.
TEST_F(ContactsTest, KeptTotalsAgreeWithCountingTheRows) {
  Shop s = shop_with_sheet("Counts Shop");
  ApiClient manager = client(s.manager);
  ASSERT_EQ(
      manager
          .post(kTracking + "/contacts/assign",
                {{"staff_ids", {s.priya.id}}, {"filter", nlohmann::json::object()}, {"limit", 100}})
          .status,
      200);
  ASSERT_EQ(
      manager
          .post(kTracking + "/contacts/assign",
                {{"staff_ids", {s.rahul.id}}, {"filter", nlohmann::json::object()}, {"limit", 50}})
          .status,
      200);
  ApiClient priya = client(s.priya);
  Response mine = priya.get(kTracking + "/contacts?sort=oldest&limit=6");
  ASSERT_EQ(mine.body["items"].size(), 6u);
  ASSERT_NO_FATAL_FAILURE(
      call_and_mark_yellow(priya, mine.body["items"], [](std::size_t i) { return i < 2; }));
  // A bill converts the last of them, worth 250 rupees.
  Response bill = client(s.owner).post(
      "/api/bills",
      {{"customer", {{"phone", mine.body["items"][5]["phone"]}}},
       {"customer_category", "contact_sheet"},
       {"was_contacted_before", true},
       {"items", {{{"medicine", "Metformin"}, {"quantity", 1}, {"unit_price_paise", 25000}}}}});
  ASSERT_EQ(bill.status, 201) << bill.raw;
  // Reassigning moves contacts between staff buckets too.
  Response rahuls = client(s.rahul).get(kTracking + "/contacts?sort=oldest&limit=3");
  std::vector<std::int64_t> ids;
  for (const auto& item : rahuls.body["items"]) ids.push_back(item["id"]);
  ASSERT_EQ(manager
                .post(kTracking + "/contacts/assign",
                      {{"staff_ids", {s.priya.id}}, {"contact_ids", ids}, {"reassign", true}})
                .status,
            200);

  const std::string uploaded = "upload_id=" + std::to_string(s.upload_id);
  const std::vector<std::string> filters = {
      "",
      "status=pending",
      "status=contacted",
      "status=yellow",
      "status=converted",
      "assigned_staff_id=" + std::to_string(s.priya.id),
      "assigned_staff_id=" + std::to_string(s.rahul.id) + "&status=pending",
      "assigned_staff_id=unassigned",
      uploaded,
      uploaded + "&status=yellow"};
  std::map<std::string, std::int64_t> totals;
  for (const std::string& filter : filters) {
    Response kept = manager.get(kTracking + "/contacts?limit=1&" + filter);
    Response counted = manager.get(kTracking + "/contacts?limit=1&q=91&" + filter);
    ASSERT_EQ(kept.status, 200) << filter << kept.raw;
    EXPECT_EQ(kept.body["total"], counted.body["total"]) << filter;
    totals[filter] = kept.body["total"];
  }
  EXPECT_EQ(totals[""], 951);
  EXPECT_EQ(totals["status=yellow"], 2);
  EXPECT_EQ(totals["status=contacted"], 3);
  EXPECT_EQ(totals["status=converted"], 1);
  EXPECT_EQ(totals["assigned_staff_id=" + std::to_string(s.priya.id)], 103);
  EXPECT_EQ(totals["assigned_staff_id=unassigned"], 801);
}

// The first page of one status is a statement of its own, with its size and status written in
// (PostgreSQL plans it once); later pages bind them. Page after page, and after the first page
// has been read often enough for PostgreSQL to keep one plan, a status's pages hold exactly its
// contacts, in order.
TEST_F(ContactsTest, AStatussPagesHoldExactlyItsContactsInOrder) {
  Shop s = shop_with_sheet("Pages Shop");
  ApiClient manager = client(s.manager);
  Response oldest = manager.get(kTracking + "/contacts?sort=oldest&limit=7");
  ASSERT_EQ(oldest.body["items"].size(), 7u);
  ASSERT_NO_FATAL_FAILURE(call_and_mark_yellow(manager, oldest.body["items"],
                                               [](std::size_t i) { return i % 3 == 0; }));
  std::map<std::string, std::vector<std::int64_t>> by_status;  // ids, oldest first
  for (int offset = 0;; offset += 500) {
    Response all =
        manager.get(kTracking + "/contacts?sort=oldest&limit=500&offset=" + std::to_string(offset));
    ASSERT_EQ(all.status, 200) << all.raw;
    for (const auto& item : all.body["items"]) {
      by_status[item["status"].get<std::string>()].push_back(item["id"].get<std::int64_t>());
    }
    if (all.body["items"].size() < 500) break;
  }
  ASSERT_EQ(by_status["contacted"].size(), 4u);
  ASSERT_EQ(by_status["yellow"].size(), 3u);
  for (const std::string status : {"pending", "contacted", "yellow"}) {
    for (const std::string sort : {"newest", "oldest"}) {
      std::vector<std::int64_t> expected = by_status[status];
      if (sort == "newest") std::reverse(expected.begin(), expected.end());
      const std::string page =
          kTracking + "/contacts?status=" + status + "&sort=" + sort + "&limit=";
      for (int again = 0; again < 8; ++again) {
        Response first = manager.get(page + "3");
        ASSERT_EQ(first.status, 200) << first.raw;
        ASSERT_EQ(first.body["total"], expected.size()) << status;
        std::vector<std::int64_t> ids;
        for (const auto& item : first.body["items"]) ids.push_back(item["id"]);
        EXPECT_EQ(ids, std::vector<std::int64_t>(
                           expected.begin(),
                           expected.begin() + std::min<std::ptrdiff_t>(3, expected.size())))
            << status << " " << sort;
      }
      std::vector<std::int64_t> paged;
      for (std::size_t offset = 0; offset < std::min<std::size_t>(expected.size(), 12);
           offset += 2) {
        Response next = manager.get(page + "2&offset=" + std::to_string(offset));
        ASSERT_EQ(next.status, 200) << next.raw;
        for (const auto& item : next.body["items"]) paged.push_back(item["id"]);
      }
      EXPECT_EQ(paged, std::vector<std::int64_t>(
                           expected.begin(),
                           expected.begin() + std::min<std::ptrdiff_t>(12, expected.size())))
          << status << " " << sort;
    }
  }
}

TEST_F(ContactsTest, WrongNumberIsFlagged) {
  Shop s = shop_with_sheet("Wrong Shop");
  const std::int64_t id = first_contact_id(s.owner);
  const std::string path = kTracking + "/contacts/" + std::to_string(id);
  ASSERT_EQ(client(s.owner)
                .post(path + "/interactions", {{"kind", "call"}, {"outcome", "wrong_number"}})
                .status,
            201);
  EXPECT_EQ(client(s.owner).get(path).body["wrong_number"], true);
}

TEST_F(ContactsTest, FollowUpsAreListedByDueAndCompleted) {
  Shop s = shop_with_sheet("Follow Shop");
  ApiClient priya = client(s.priya);
  const std::int64_t id = assign_three_to_priya(s);
  const std::string path = kTracking + "/contacts/" + std::to_string(id);
  expect_error(priya.post(path + "/reminders", {{"due_at", "tomorrow-ish"}}), 422,
               "validation_failed");
  Response overdue = priya.post(path + "/reminders",
                                {{"due_at", "2020-01-01T10:00:00+05:30"}, {"note", "call back"}});
  ASSERT_EQ(overdue.status, 201) << overdue.raw;
  EXPECT_EQ(overdue.body["staff_id"], s.priya.id);
  Response later = priya.post(path + "/reminders", {{"due_at", "2099-01-01T10:00"}});
  ASSERT_EQ(later.status, 201);
  expect_error(
      priya.post(path + "/reminders", {{"due_at", "2099-01-01T10:00"}, {"staff_id", s.rahul.id}}),
      403, "forbidden");
  ASSERT_EQ(
      client(s.manager)
          .post(path + "/reminders", {{"due_at", "2099-01-02T10:00"}, {"staff_id", s.rahul.id}})
          .status,
      201);

  EXPECT_EQ(priya.get(kTracking + "/reminders?due=overdue").body["total"], 1);
  EXPECT_EQ(priya.get(kTracking + "/reminders?due=upcoming").body["total"], 1);
  EXPECT_EQ(priya.get(kTracking + "/reminders").body["total"], 2);
  EXPECT_EQ(client(s.rahul).get(kTracking + "/reminders").body["total"], 1);
  EXPECT_EQ(client(s.manager).get(kTracking + "/reminders?staff_id=all").body["total"], 3);
  expect_error(priya.get(kTracking + "/reminders?staff_id=all"), 403, "forbidden");
  expect_error(priya.get(kTracking + "/reminders?due=someday"), 422, "validation_failed");
  EXPECT_EQ(client(s.owner).get(kTracking + "/contacts?follow_up=overdue").body["total"], 1);

  const std::string done_path = kTracking + "/reminders/" + overdue.body["id"].dump() + "/done";
  expect_error(client(s.rahul).post(done_path, nlohmann::json::object()), 404, "not_found");
  Response done = priya.post(done_path, nlohmann::json::object());
  ASSERT_EQ(done.status, 200) << done.raw;
  EXPECT_EQ(done.body["done"], true);
  EXPECT_EQ(priya.get(kTracking + "/reminders?due=overdue").body["total"], 0);
  EXPECT_EQ(priya.get(path).body["reminders"].size(), 3u);
}

TEST_F(ContactsTest, AContactsInteractionsArePagedAndItsDetailEmbedsTheNewest) {
  SignedInStaff owner = create_shop(server(), "Interaction Pages Shop");
  SignedInStaff worker = add_staff(server(), owner, "staff");
  ASSERT_EQ(
      client(owner)
          .upload(kTracking + "/contacts/upload", "file", "p.csv", "Name,Phone\nAsha,9876580001\n")
          .status,
      201);
  const std::int64_t id = first_contact_id(owner);
  const std::string path = kTracking + "/contacts/" + std::to_string(id);
  ApiClient api = client(owner);
  for (int i = 0; i < 55; ++i) {
    ASSERT_EQ(
        api.post(path + "/interactions",
                 {{"kind", "call"}, {"outcome", "no_answer"}, {"notes", "n" + std::to_string(i)}})
            .status,
        201);
  }
  Response first = api.get(path + "/interactions");
  ASSERT_EQ(first.status, 200) << first.raw;
  EXPECT_EQ(first.body["total"], 55);
  ASSERT_EQ(first.body["items"].size(), 50u) << "the default page";
  EXPECT_EQ(first.body["items"][0]["notes"], "n54") << "newest first";
  Response rest = api.get(path + "/interactions?limit=10&offset=50");
  EXPECT_EQ(rest.body["total"], 55);
  ASSERT_EQ(rest.body["items"].size(), 5u);
  EXPECT_EQ(rest.body["items"][0]["notes"], "n4");
  EXPECT_EQ(rest.body["items"][4]["notes"], "n0");
  EXPECT_EQ(api.get(path + "/interactions?limit=500").body["items"].size(), 55u);

  Response detail = api.get(path);
  ASSERT_EQ(detail.status, 200);
  EXPECT_EQ(detail.body["interactions"].size(), 50u);
  EXPECT_EQ(detail.body["interactions_total"], 55);
  EXPECT_EQ(detail.body["interactions"][0]["notes"], "n54");

  for (const char* bad : {"limit=0", "limit=501", "limit=ten", "offset=-1", "offset=100001"}) {
    Response refused = api.get(path + "/interactions?" + bad);
    expect_error(refused, 422, "validation_failed");
    const std::string field = std::string(bad).substr(0, std::string(bad).find('='));
    EXPECT_TRUE(refused.body["error"]["details"]["fields"].contains(field)) << refused.raw;
  }
  expect_error(client(worker).get(path + "/interactions?limit=5"), 404, "not_found");
}

TEST_F(ContactsTest, AnUploadsProblemRowsArePagedAndTheUploadAnswerIsBounded) {
  SignedInStaff owner = create_shop(server(), "Error Pages Shop");
  std::string sheet = "Name,Phone\nGood,9876580011\n";
  for (int i = 0; i < 120; ++i)
    sheet += "Bad " + std::to_string(i) + "," + std::to_string(i) + "\n";
  ApiClient api = client(owner);
  Response up = api.upload(kTracking + "/contacts/upload", "file", "errors.csv", sheet);
  ASSERT_EQ(up.status, 201) << up.raw;
  EXPECT_EQ(up.body["imported"], 1);
  EXPECT_EQ(up.body["errors_total"], 120);
  ASSERT_EQ(up.body["errors"].size(), 50u) << "the first problem rows only";
  EXPECT_EQ(up.body["errors"][0]["row"], 3);

  const std::string path = kTracking + "/uploads/" + up.body["id"].dump();
  Response first = api.get(path);
  ASSERT_EQ(first.status, 200) << first.raw;
  EXPECT_EQ(first.body["errors_total"], 120);
  ASSERT_EQ(first.body["errors"].size(), 50u);
  EXPECT_EQ(first.body["errors"][0]["row"], 3);
  EXPECT_EQ(first.body["errors"][49]["row"], 52);
  Response last = api.get(path + "?limit=30&offset=100");
  ASSERT_EQ(last.body["errors"].size(), 20u);
  EXPECT_EQ(last.body["errors"][0]["row"], 103);
  EXPECT_EQ(last.body["errors"][19]["row"], 122);
  EXPECT_EQ(last.body["errors_total"], 120);
  EXPECT_EQ(api.get(path + "?limit=500").body["errors"].size(), 120u);
  EXPECT_EQ(api.get(path + "?offset=120").body["errors"].size(), 0u);

  Response csv = api.get(path + "/errors.csv");
  ASSERT_EQ(csv.status, 200);
  std::istringstream lines(csv.raw);
  int rows = 0;
  for (std::string line; std::getline(lines, line);) ++rows;
  EXPECT_EQ(rows, 121) << "the download holds every problem row";

  for (const char* bad : {"limit=0", "limit=501", "offset=-1", "offset=100001"}) {
    Response refused = api.get(path + "?" + bad);
    expect_error(refused, 422, "validation_failed");
    const std::string field = std::string(bad).substr(0, std::string(bad).find('='));
    EXPECT_TRUE(refused.body["error"]["details"]["fields"].contains(field)) << refused.raw;
  }
}

TEST_F(ContactsTest, AnotherShopsIdsAre404OnEveryContactEndpoint) {
  Shop a = shop_with_sheet("Iso A");
  const std::int64_t contact = first_contact_id(a.owner);
  const std::string follow_up =
      client(a.owner)
          .post(kTracking + "/contacts/" + std::to_string(contact) + "/reminders",
                {{"due_at", "2099-01-01T10:00"}})
          .body["id"]
          .dump();
  SignedInStaff b = create_shop(server(), "Iso B");
  ApiClient as_b = client(b);
  const std::string c = kTracking + "/contacts/" + std::to_string(contact);
  const std::string u = kTracking + "/uploads/" + std::to_string(a.upload_id);
  expect_error(as_b.get(c), 404, "not_found");
  expect_error(as_b.put(c, {{"notes", "mine now"}}), 404, "not_found");
  expect_error(as_b.get(c + "/interactions"), 404, "not_found");
  expect_error(as_b.post(c + "/interactions", {{"kind", "call"}, {"outcome", "answered"}}), 404,
               "not_found");
  expect_error(as_b.post(c + "/reminders", {{"due_at", "2099-01-01T10:00"}}), 404, "not_found");
  expect_error(as_b.post(c + "/mark-yellow", nlohmann::json::object()), 404, "not_found");
  expect_error(as_b.post(kTracking + "/reminders/" + follow_up + "/done", nlohmann::json::object()),
               404, "not_found");
  expect_error(as_b.get(u), 404, "not_found");
  expect_error(as_b.get(u + "/errors.csv"), 404, "not_found");
  expect_error(as_b.post(kTracking + "/contacts/assign",
                         {{"staff_ids", {b.id}}, {"contact_ids", {contact}}}),
               404, "not_found");
  EXPECT_EQ(
      as_b.get(kTracking + "/contacts?upload_id=" + std::to_string(a.upload_id)).body["total"], 0);
  EXPECT_EQ(as_b.get(kTracking + "/reminders?staff_id=all").body["total"], 0);
  // Shop A's contact is untouched.
  Response mine = client(a.owner).get(c);
  EXPECT_TRUE(mine.body["notes"].is_null());
  EXPECT_EQ(mine.body["status"], "pending");
  EXPECT_TRUE(mine.body["assigned_staff_id"].is_null());
}

}  // namespace
}  // namespace rx::test

namespace rx::test {
namespace {

TEST(ImportCommandTest, ImportsASheetFromTheCommandLine) {
  TestServer server;
  SignedInStaff owner = create_shop(server, "Cli Import Shop");
  CommandResult result =
      run_rxtrack({"import", "--db", server.db_url(), "--shop", std::to_string(owner.shop_id),
                   samples_dir() + "/sample_1k_mobile_no.csv"});
  ASSERT_EQ(result.exit_code, 0) << result.out;
  auto json = nlohmann::json::parse(result.out);
  EXPECT_EQ(json["imported"], 951);
  EXPECT_EQ(json["invalid"], 20);
  EXPECT_EQ(
      ApiClient(server.port(), owner.token).get(kTracking + "/contacts?limit=1").body["total"],
      951);
  CommandResult missing = run_rxtrack({"import", "--db", server.db_url(), "--shop", "999999",
                                       samples_dir() + "/sample_1k_mobile_no.csv"});
  EXPECT_NE(missing.exit_code, 0);
}

}  // namespace
}  // namespace rx::test
