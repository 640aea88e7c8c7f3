// The .xls reader's child process is confined before it reads (ChildSandbox): these run hostile
// child bodies through read_xls_in_child, the same fork, sandbox and parent as read_xls, standing
// in for a libfreexl that a damaged file took over. Each reports what it managed through the
// pipe as a row, so a sandbox that lets it through turns into an imported contact.
#include <fcntl.h>
#include <freexl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "import/xls_child.h"
#include "recording_sink.h"
#include "test_files.h"

namespace rx::import::testing {
namespace {

using Kind = ImportFailure::Kind;

// Set by a test before it forks; the child sees its copy.
int parent_descriptor = -1;
std::filesystem::path file_to_write;

// A sheet whose one row carries `outcome` beside a valid phone: what the child got done.
int report(XlsFrameWriter& out, const std::string& outcome) {
  const std::vector<std::string_view> header{"Phone", "Outcome"};
  const std::vector<std::string_view> row{"+91 98765 43210", outcome};
  return out.sheet() && out.row(1, header) && out.row(2, row) && out.done() ? 0 : 3;
}

std::string errno_name(int error) {
  return error == EBADF ? "EBADF" : "errno " + std::to_string(error);
}

// Reads what it can from a descriptor the parent holds open (the database file, in the server).
int read_parent_descriptor(const char*, XlsFrameWriter& out) {
  char text[64];
  const ssize_t got = ::pread(parent_descriptor, text, sizeof text, 0);
  return report(out, got >= 0 ? "read: " + std::string(text, static_cast<std::size_t>(got))
                              : errno_name(errno));
}

// Counts the descriptors it holds.
int count_descriptors(const char*, XlsFrameWriter& out) {
  int open = 0;
  for (int fd = 0; fd < 65536; ++fd) open += ::fcntl(fd, F_GETFD) >= 0 ? 1 : 0;
  return report(out, std::to_string(open));
}

// Maps 2 GB, as libfreexl would for a sheet that claims millions of cells, and answers like
// libfreexl when it cannot. mmap rather than malloc: a sanitizer's malloc dies instead of
// returning null, and large blocks are mmaps in every allocator anyway.
int map_two_gigabytes(const char*, XlsFrameWriter& out) {
  const std::size_t size = 2048ull * 1024 * 1024;
  void* block = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (block == MAP_FAILED) return out.error(FREEXL_INSUFFICIENT_MEMORY) ? 0 : 3;
  ::munmap(block, size);
  return report(out, "mapped 2 GB");
}

// Writes a file of its own.
int write_a_file(const char*, XlsFrameWriter& out) {
  const int fd = ::open(file_to_write.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return report(out, "open: " + errno_name(errno));
  const ssize_t wrote = ::write(fd, "x", 1);  // SIGXFSZ ends the child at RLIMIT_FSIZE 0
  return report(out, wrote == 1 ? "wrote a file" : "write: " + errno_name(errno));
}

// Sends its last frame, then neither exits nor closes its pipe.
int linger(const char*, XlsFrameWriter& out) {
  out.sheet();
  out.done();
  for (;;) ::pause();
}

class XlsSandboxTest : public ::testing::Test {
 protected:
  tl::expected<ParseSummary, ImportFailure> run_child(XlsChildBody body) {
    // Bytes are never read by these bodies; the real reader's input is covered by golden_test.
    return read_xls_in_child("not a workbook", normalizer_, sink_, ReadOptions{}, body);
  }

  std::string outcome() const {
    if (sink_.contacts.size() != 1) return "no report";
    for (const auto& [header, value] : sink_.contacts[0].extra) {
      if (header == "Outcome") return value;
    }
    return "no outcome";
  }

  phone::PhoneNormalizer normalizer_{"IN"};
  RecordingSink sink_;
};

TEST_F(XlsSandboxTest, ChildCannotReadADescriptorTheParentHoldsOpen) {
  const std::filesystem::path database =
      std::filesystem::temp_directory_path() / ("rxtrack-sandbox-" + std::to_string(::getpid()));
  write_file(database, "customer +919812345678");
  parent_descriptor = ::open(database.c_str(), O_RDONLY);  // inherited by fork, as the server's
  ASSERT_GE(parent_descriptor, 0);
  const auto result = run_child(read_parent_descriptor);
  ::close(parent_descriptor);
  std::filesystem::remove(database);

  ASSERT_TRUE(result.has_value()) << result.error().message;
  EXPECT_EQ(outcome(), "EBADF");
}

TEST_F(XlsSandboxTest, ChildKeepsOnlyItsPipeAndItsInput) {
  // Descriptors like the server's: a listening socket's and a database's stand-ins.
  const int held_a = ::open("/dev/null", O_RDONLY);
  const int held_b = ::dup(held_a);
  const auto result = run_child(count_descriptors);
  ::close(held_a);
  ::close(held_b);

  ASSERT_TRUE(result.has_value()) << result.error().message;
#if RXTRACK_SANITIZED
  EXPECT_EQ(outcome(), "3") << "the pipe, the input and stderr (kept for sanitizer reports)";
#else
  EXPECT_EQ(outcome(), "2") << "the pipe and the input";
#endif
}

TEST_F(XlsSandboxTest, ChildCannotMapTwoGigabytesAndTheParentSaysTheFileIsTooLarge) {
  const auto result = run_child(map_two_gigabytes);

  ASSERT_FALSE(result.has_value()) << "the child reported: " << outcome();
  EXPECT_EQ(failure_kind_name(Kind::kTooLarge), failure_kind_name(result.error().kind));
  EXPECT_EQ(result.error().message, "The .xls file is too large to read.");
  EXPECT_TRUE(sink_.contacts.empty());
}

TEST_F(XlsSandboxTest, ChildCannotWriteAFileAndItsDeathIsACleanError) {
  file_to_write =
      std::filesystem::temp_directory_path() / ("rxtrack-sandbox-w-" + std::to_string(::getpid()));
  const auto result = run_child(write_a_file);
  std::error_code ignored;
  const bool written = std::filesystem::file_size(file_to_write, ignored) > 0 && !ignored;
  std::filesystem::remove(file_to_write, ignored);

  EXPECT_FALSE(written);
  ASSERT_FALSE(result.has_value()) << "the child reported: " << outcome();
  EXPECT_EQ(failure_kind_name(Kind::kMalformed), failure_kind_name(result.error().kind));
  EXPECT_EQ(result.error().message,
            "The .xls file could not be read; it may be damaged. Save it again as .xlsx and "
            "upload that.");
}

TEST_F(XlsSandboxTest, ChildThatLingersAfterItsLastFrameIsKilled) {
  const auto start = std::chrono::steady_clock::now();
  const auto result = run_child(linger);

  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(failure_kind_name(Kind::kMalformed), failure_kind_name(result.error().kind));
}

}  // namespace
}  // namespace rx::import::testing
