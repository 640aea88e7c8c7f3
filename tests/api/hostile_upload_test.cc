// Hostile contact sheets uploaded to a real `rxtrack serve` process: each is refused with a
// clear 4xx and stores nothing, the server keeps answering, and its peak resident memory
// (VmHWM) while it handles them stays under 400 MB, one file at a time and all of them at once. The
// readers are tested against the same files in tests/import/hostile_input_test.cc; this checks the
// whole path a real upload takes (multipart parsing, the import transaction) in the real process.
// Hostile legacy .xls files, read by a sandboxed child process, are checked at the end.
#include "api_paths.h"
#include "test_server.h"
#include "zip_writer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <future>
#include <ostream>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace rx::test {
namespace {

using import::testing::add_xlsx_skeleton;
using import::testing::make_xlsx;
using import::testing::ZipWriter;

constexpr std::size_t kMegabyte = 1024 * 1024;
constexpr std::uint64_t kMaxPeakRssBytes = 400 * kMegabyte;
const std::string kUploads = "/api/customer-tracking/uploads";
const std::string kSheetOpen =
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
const std::string kSheetClose = "</sheetData></worksheet>";

// A field of /proc/<pid>/status in bytes ("VmHWM:  123456 kB").
std::uint64_t status_bytes(int pid, const std::string& field) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::stoull(line.substr(field.size() + 1)) * 1024;
  }
  throw std::runtime_error("no " + field + " for process " + std::to_string(pid));
}

// Makes the process's peak resident set size (VmHWM) its current one (proc(5), clear_refs), so
// that the peak read afterwards belongs to what happened since, not to the Argon2 hashing of
// the sign-in before (19 MiB since OWASP's cost; 64 MiB before).
void reset_peak_rss(int pid) {
  std::ofstream clear_refs("/proc/" + std::to_string(pid) + "/clear_refs");
  clear_refs << "5";
  clear_refs.close();
  ASSERT_TRUE(clear_refs.good()) << "cannot reset the peak RSS of process " << pid;
}

struct HostileFile {
  std::string name;       // names the test case
  std::string file_name;  // as uploaded
  std::function<std::string()> make;
  int status;
  std::string code;
};

// Names the file in test output (instead of the struct's bytes).
void PrintTo(const HostileFile& file, std::ostream* out) { *out << file.name; }

// 250 MB of zeros in a worksheet, deflated to a quarter of a megabyte.
std::string zip_bomb() {
  ZipWriter zip;
  add_xlsx_skeleton(zip, false);
  zip.add_repeated("xl/worksheets/sheet1.xml", "", std::string(kMegabyte, '\0'), 250, "");
  return zip.finish();
}

// 250 MB of valid XML (whitespace) whose headers claim 4 KB: only counting inflated bytes
// stops it.
std::string lying_zip_bomb() {
  ZipWriter zip;
  add_xlsx_skeleton(zip, false);
  zip.add_repeated("xl/worksheets/sheet1.xml", kSheetOpen, std::string(kMegabyte, ' '), 250,
                   kSheetClose, /*declared_size=*/4096);
  return zip.finish();
}

// Nine levels of entities, ten each: a billion "lol"s if expanded.
std::string billion_laughs() {
  std::string dtd = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">";
  for (int level = 1; level <= 9; ++level) {
    dtd.append("<!ENTITY lol").append(std::to_string(level)).append(" \"");
    for (int k = 0; k < 10; ++k) dtd.append("&lol").append(std::to_string(level - 1)).append(";");
    dtd.append("\">");
  }
  dtd.append("]>");
  return make_xlsx(dtd + kSheetOpen +
                   "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c></row>" +
                   kSheetClose);
}

std::string million_column_line() {
  std::string line = "Phone";
  line.reserve(2 * 1000000 + 16);
  for (int i = 0; i < 1000000; ++i) line.append(",9");
  return line + "\n";
}

std::string truncated_xlsx() {
  const std::string whole = read_file(samples_dir() + "/sample_1k_phone.xlsx");
  return whole.substr(0, whole.size() / 2);
}

// 16 MB of random bytes under a spreadsheet's name.
std::string binary_junk() {
  std::mt19937 random(7);
  std::string junk(16 * kMegabyte, '\0');
  for (char& byte : junk) byte = static_cast<char>(random());
  return junk;
}

std::vector<HostileFile> hostile_files() {
  return {
      {"ZipBomb", "contacts.xlsx", zip_bomb, 422, "validation_failed"},
      {"ZipBombLyingAboutItsSize", "contacts.xlsx", lying_zip_bomb, 422, "validation_failed"},
      {"BillionLaughs", "contacts.xlsx", billion_laughs, 422, "validation_failed"},
      {"MillionColumnCsvLine", "contacts.csv", million_column_line, 422, "validation_failed"},
      {"TruncatedXlsx", "contacts.xlsx", truncated_xlsx, 422, "validation_failed"},
      {"BinaryJunk", "contacts.xlsx", binary_junk, 415, "unsupported_media_type"},
  };
}

void expect_refused(const Response& refused, const HostileFile& hostile) {
  expect_error(refused, hostile.status, hostile.code);
  ASSERT_TRUE(refused.body.is_object());
  EXPECT_FALSE(refused.body["error"].value("message", "").empty()) << "a message for people";
}

// The server's peak memory since reset_peak_rss, checked against the bound and printed for the
// record with the resident size it started from.
void expect_memory_bounded(const TestServer& server, std::uint64_t baseline,
                           const std::string& what) {
  const std::uint64_t peak = status_bytes(server.pid(), "VmHWM");
  std::printf("[ peak RSS ] %s on %s: %.1f MB (from %.1f MB)\n", what.c_str(), engine().c_str(),
              static_cast<double>(peak) / kMegabyte, static_cast<double>(baseline) / kMegabyte);
  EXPECT_LT(peak, kMaxPeakRssBytes) << what;
}

class HostileUploadTest : public ::testing::TestWithParam<HostileFile> {};

TEST_P(HostileUploadTest, IsRefusedWithTheServerAliveAndItsMemoryBounded) {
  const HostileFile& hostile = GetParam();
  const std::string bytes = hostile.make();
  ASSERT_LT(bytes.size(), 20 * kMegabyte) << "within the upload limit, so the reader sees it";
  TestServer server;
  SignedInStaff owner = create_shop(server, "Hostile " + hostile.name);
  ApiClient api(server.port(), owner.token);
  reset_peak_rss(server.pid());
  const std::uint64_t baseline = status_bytes(server.pid(), "VmRSS");

  expect_refused(api.upload(kUpload, "file", hostile.file_name, bytes), hostile);
  EXPECT_EQ(ApiClient(server.port()).get("/healthz").status, 200) << "the server is alive";
  EXPECT_EQ(api.get(kUploads).body["total"], 0) << "nothing is stored";
  expect_memory_bounded(server, baseline, hostile.name);
}

INSTANTIATE_TEST_SUITE_P(Files, HostileUploadTest, ::testing::ValuesIn(hostile_files()),
                         [](const ::testing::TestParamInfo<HostileFile>& info) {
                           return info.param.name;
                         });

TEST(HostileUploadsTest, AllAtOnceAreRefusedWithTheServerAliveAndItsMemoryBounded) {
  TestServer server;
  SignedInStaff owner = create_shop(server, "Hostile All At Once");
  const std::vector<HostileFile> files = hostile_files();
  std::vector<std::string> contents;
  for (const HostileFile& hostile : files) contents.push_back(hostile.make());
  reset_peak_rss(server.pid());
  const std::uint64_t baseline = status_bytes(server.pid(), "VmRSS");

  std::vector<std::future<Response>> uploads;
  for (std::size_t i = 0; i < files.size(); ++i) {
    uploads.push_back(std::async(std::launch::async, [&, i] {
      return ApiClient(server.port(), owner.token)
          .upload(kUpload, "file", files[i].file_name, contents[i]);
    }));
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    SCOPED_TRACE(files[i].name);
    expect_refused(uploads[i].get(), files[i]);
  }
  ApiClient api(server.port(), owner.token);
  EXPECT_EQ(api.get("/healthz").status, 200);
  EXPECT_EQ(api.get(kUploads).body["total"], 0);
  expect_memory_bounded(server, baseline, "all hostile files at once");
}

// A fixture of the import tests (tests/import/golden).
std::string golden_file(const std::string& name) {
  return read_file(std::string(RXTRACK_SOURCE_DIR) + "/tests/import/golden/" + name);
}

// legacy.xls with its DIMENSIONS record (type 0x0200, 14 bytes) claiming every cell BIFF8
// allows, 65,536 rows by 256 columns: 5 KB for which libfreexl sets up 268 MB of cells, more
// than the reader's child may map (xls_child.h).
std::string xls_claiming_every_cell() {
  std::string xls = golden_file("legacy.xls");
  const std::string dimensions("\x00\x02\x0e\x00", 4);
  const std::size_t at = xls.find(dimensions);
  if (at == std::string::npos || xls.find(dimensions, at + 1) != std::string::npos) {
    throw std::runtime_error("legacy.xls should hold exactly one DIMENSIONS record");
  }
  const std::string claim("\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x01", 12);
  xls.replace(at + 4, claim.size(), claim);  // first row 0, last 65,536, first column 0, last 256
  return xls;
}

TEST(HostileXlsUploadTest, ReaderChildFailuresAre422AndTheServerKeepsItsData) {
  TestServer server;
  SignedInStaff owner = create_shop(server, "Hostile Xls");
  ApiClient api(server.port(), owner.token);
  const Response first = api.upload(kUpload, "file", "legacy.xls", golden_file("legacy.xls"));
  ASSERT_EQ(first.status, 201) << first.raw;
  ASSERT_EQ(first.body["imported"], 3);

  // libfreexl corrupts its memory on this one (fuzz/fuzz_xls found it): its child dies.
  const Response corrupting =
      api.upload(kUpload, "file", "contacts.xls", golden_file("freexl_memory_error.xls"));
  expect_error(corrupting, 422, "validation_failed");
  EXPECT_FALSE(corrupting.body["error"]["details"]["fields"].value("file", "").empty())
      << corrupting.raw;
  // This one needs more memory than the child may have.
  const Response too_large = api.upload(kUpload, "file", "contacts.xls", xls_claiming_every_cell());
  expect_error(too_large, 422, "validation_failed");
  EXPECT_EQ(too_large.body["error"].value("message", ""), "The .xls file is too large to read.");

  EXPECT_EQ(ApiClient(server.port()).get("/healthz").status, 200) << "the server is alive";
  EXPECT_EQ(api.get(kUploads).body["total"], 1) << "the refused files stored nothing";
  EXPECT_EQ(api.get("/api/customer-tracking/contacts?limit=1").body["total"], 3)
      << "the contacts imported before are kept";
  const Response after =
      api.upload(kUpload, "file", "two.xls", golden_file("legacy_two_sheets.xls"));
  EXPECT_EQ(after.status, 201) << "the sandboxed reader still reads workbooks: " << after.raw;
}

}  // namespace
}  // namespace rx::test
