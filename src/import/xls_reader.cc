#include "import/xls_reader.h"

#include <fcntl.h>
#include <freexl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <memory>
#include <string>
#include <vector>

#include "import/child_sandbox.h"
#include "import/contact_extractor.h"
#include "import/memory_file.h"
#include "import/numeric_text.h"
#include "import/xls_child.h"
#include "import/xls_frames.h"

#if RXTRACK_SANITIZED
#include <sanitizer/common_interface_defs.h>
#endif

namespace rx::import {
namespace {

// libfreexl 1.0.6 corrupts memory on some damaged files (fuzz/fuzz_xls found a stack buffer
// underflow in freexl_open within a minute), so it never runs in the server's process: a forked
// child reads the workbook and streams its cells back through a pipe. A crash, a hang or a
// runaway child costs only that upload. A 20 MB workbook (the upload limit) reads in about a
// second, so 20 s of silence or of CPU means the child is stuck (also below the fuzzer's 30 s).
// Before it reads, the child closes every descriptor but its pipe and its input, and limits its
// memory, files and CPU (ChildSandbox; the figures are in xls_child.h): a child the file took
// over cannot use the server's database handles, sockets or log, write a file, or take the
// machine's memory. It still runs as the server's user (docs/deploy.md, "Threat model").
constexpr int kChildTimeoutMs = 20 * 1000;
constexpr int kChildExitWaitMs = 2 * 1000;  // for a child that closed its pipe to exit
constexpr int kChildFailed = 3;             // exit status of a child that could not send its frames
constexpr int kChildCrashed = 4;      // exit status of a child a sanitizer caught (test builds)
constexpr int kChildNotConfined = 5;  // exit status of a child that could not enter its sandbox

// The forked child dies of a memory error at once and quietly: the default action for the fatal
// signals instead of the handlers it inherited. In sanitizer builds the sanitizer still reports
// libfreexl's error, but the child then only exits: the inherited death callback is the fuzzer's,
// which would otherwise save the input as a crash of the parent and fail the run.
void become_disposable_child() {
  for (const int fatal : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) ::signal(fatal, SIG_DFL);
  ::signal(SIGPIPE, SIG_IGN);
#if RXTRACK_SANITIZED
  __sanitizer_set_death_callback([] { ::_exit(kChildCrashed); });
#endif
}

struct HandleCloser {
  void operator()(const void* handle) const { freexl_close(handle); }
};
using XlsHandle = std::unique_ptr<const void, HandleCloser>;

tl::unexpected<ImportFailure> damaged() {
  return refused(ImportFailure::Kind::kMalformed,
                 "The .xls file is damaged or incomplete; save it again, preferably as .xlsx.");
}

// A child that ended without sending every sheet: crashed, killed by a limit, or confused by
// the file. Only a child that could not be confined is the server's fault, said as such.
tl::unexpected<ImportFailure> child_failure(int exit_status) {
  if (exit_status == kChildNotConfined) {
    return refused(ImportFailure::Kind::kMalformed,
                   "The .xls file could not be read on this server; save it as .xlsx and upload "
                   "that.");
  }
  return refused(ImportFailure::Kind::kMalformed,
                 "The .xls file could not be read; it may be damaged. Save it again as .xlsx and "
                 "upload that.");
}

tl::unexpected<ImportFailure> open_failure(int code) {
  switch (code) {
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
      return refused(ImportFailure::Kind::kUnsupportedFormat,
                     "This Office file is not an Excel workbook: upload an .xlsx, .xls or CSV "
                     "file.");
    case FREEXL_BIFF_OBFUSCATED:
      return refused(ImportFailure::Kind::kUnsupportedFormat,
                     "The .xls file is password protected; remove the password and upload again.");
    case FREEXL_INSUFFICIENT_MEMORY:
      return refused(ImportFailure::Kind::kTooLarge, "The .xls file is too large to read.");
    default:
      return damaged();
  }
}

// The cell as text: numbers as exact integers where they are integers.
std::string_view cell_text(const FreeXL_CellValue& cell, std::string& scratch) {
  switch (cell.type) {
    case FREEXL_CELL_INT:
      scratch = std::to_string(cell.value.int_value);
      return scratch;
    case FREEXL_CELL_DOUBLE:
      return double_text(cell.value.double_value, scratch);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
      return cell.value.text_value ? std::string_view(cell.value.text_value) : std::string_view();
    default:
      return {};
  }
}

// In the child: every sheet's cells, as frames. Returns the process exit status.
int send_workbook(const char* path, XlsFrameWriter& out) {
  const void* raw = nullptr;
  errno = 0;
  const int opened = freexl_open(path, &raw);
  const XlsHandle handle(raw);
  if (opened != FREEXL_OK) return out.error(opened) ? 0 : kChildFailed;
  if (raw == nullptr) {
    // libfreexl 1.0.6 gives up on some files with FREEXL_OK and no workbook: for want of memory
    // (a sheet claiming 65,536 x 256 cells needs 256 MB of them, past this child's budget), or
    // because the file is crafted.
    return out.error(errno == ENOMEM ? FREEXL_INSUFFICIENT_MEMORY : FREEXL_CRAFTED_FILE)
               ? 0
               : kChildFailed;
  }
  unsigned int password = 0;
  if (freexl_get_info(raw, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
      password == FREEXL_BIFF_OBFUSCATED) {
    return out.error(FREEXL_BIFF_OBFUSCATED) ? 0 : kChildFailed;
  }
  unsigned int sheets = 0;
  if (freexl_get_info(raw, FREEXL_BIFF_SHEET_COUNT, &sheets) != FREEXL_OK) {
    return out.error(FREEXL_BIFF_WORKBOOK_NOT_FOUND) ? 0 : kChildFailed;
  }
  std::vector<std::string> texts;
  std::vector<std::string_view> cells;
  for (unsigned int sheet = 0; sheet < sheets; ++sheet) {
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (freexl_select_active_worksheet(raw, static_cast<unsigned short>(sheet)) != FREEXL_OK ||
        freexl_worksheet_dimensions(raw, &rows, &columns) != FREEXL_OK) {
      continue;
    }
    if (!out.sheet()) return kChildFailed;
    texts.resize(columns);
    for (unsigned int row = 0; row < rows; ++row) {
      cells.clear();
      for (unsigned short column = 0; column < columns; ++column) {
        FreeXL_CellValue cell;
        if (freexl_get_cell_value(raw, row, column, &cell) != FREEXL_OK) {
          cell.type = FREEXL_CELL_NULL;
        }
        cells.push_back(cell_text(cell, texts[column]));
      }
      if (!out.row(row + 1, cells)) return kChildFailed;  // the parent stopped listening
    }
  }
  return out.done() ? 0 : kChildFailed;
}

// Ends the child however the parent leaves: normally it has exited, otherwise it is killed.
class Child {
 public:
  explicit Child(pid_t pid) : pid_(pid) {}
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      reap(0);
    }
  }
  // The exit status once the child has exited, or -1 when it died of a signal. A child still
  // running after `timeout_ms` (it closed its pipe but lingers) is killed: it never holds the
  // upload, the import's turn or the server's thread.
  int wait(int timeout_ms) {
    for (int waited_ms = 0; waited_ms < timeout_ms; ++waited_ms) {
      if (const int status = reap(WNOHANG); pid_ < 0) return status;
      ::usleep(1000);
    }
    ::kill(pid_, SIGKILL);
    reap(0);
    return -1;
  }

 private:
  // waitpid with `options`; clears pid_ once the child is reaped.
  int reap(int options) {
    int status = 0;
    pid_t reaped;
    while ((reaped = ::waitpid(pid_, &status, options)) < 0 && errno == EINTR) {
    }
    if (reaped == 0) return -1;  // WNOHANG: still running
    pid_ = -1;
    return reaped > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  pid_t pid_;
};

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

tl::expected<ParseSummary, ImportFailure> read_xls_in_child(
    std::string_view bytes, const phone::PhoneNormalizer& normalizer, ContactSink& sink,
    const ReadOptions& options, XlsChildBody body) {
  const std::optional<MemoryFile> file = MemoryFile::create(bytes);
  if (!file) {
    return refused(ImportFailure::Kind::kTooLarge, "No room to read the .xls file; try again.");
  }
  // The child gets the bytes read-only, under a path libfreexl can open.
  const Fd input{::open(file->path().c_str(), O_RDONLY | O_CLOEXEC)};
  if (input.fd < 0) {
    return refused(ImportFailure::Kind::kTooLarge, "No room to read the .xls file; try again.");
  }
  const std::string input_path = "/proc/self/fd/" + std::to_string(input.fd);
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    return refused(ImportFailure::Kind::kTooLarge, "Too busy to read the .xls file; try again.");
  }
  Fd read_end{fds[0]};
  Fd write_end{fds[1]};
  const ChildSandbox sandbox({input.fd, write_end.fd},
                             {kXlsChildMemoryBudget, kXlsChildCpuSeconds, kXlsChildOpenFiles});
  const pid_t pid = ::fork();
  if (pid < 0) {
    return refused(ImportFailure::Kind::kTooLarge, "Too busy to read the .xls file; try again.");
  }
  if (pid == 0) {
    // The child: async-signal-safe calls only until it is confined (the server's other threads
    // may have held any lock at fork()), then libfreexl (glibc's fork() leaves malloc usable
    // in the child) and the pipe. _exit skips destructors and atexit handlers that belong to
    // the parent's state.
    become_disposable_child();
    if (!sandbox.enter()) ::_exit(kChildNotConfined);
    XlsFrameWriter out(fds[1]);
    ::_exit(body(input_path.c_str(), out));
  }
  Child child(pid);
  ::close(write_end.fd);
  write_end.fd = -1;

  ContactExtractor extractor(normalizer, sink, options);
  // Sheets are met one by one (named Sheet1, Sheet2...: the frames carry no names). With a
  // choice, only the sheet it is for is read.
  const bool limited = options.choice.sheet || options.choice.any_layout();
  std::vector<std::string> names;
  std::optional<std::string> chosen_name;
  XlsFrameReader reader(read_end.fd, kChildTimeoutMs);
  std::vector<std::string_view> cells;
  bool in_sheet = false;
  bool skipping = false;
  for (;;) {
    XlsFrame frame{};
    int number = 0;
    std::int32_t error = 0;
    const XlsFrameReader::Status status = reader.next(frame, number, cells, error);
    if (status == XlsFrameReader::Status::kTimedOut) {
      return refused(ImportFailure::Kind::kMalformed,
                     "The .xls file took too long to read; save it as .xlsx and upload again.");
    }
    if (status == XlsFrameReader::Status::kEnd) {
      return child_failure(child.wait(kChildExitWaitMs));  // it ended before its last frame
    }
    if (status != XlsFrameReader::Status::kOk) return damaged();  // it sent nonsense
    if (frame == XlsFrame::kError) return open_failure(error);
    if (frame == XlsFrame::kRow) {
      if (in_sheet && !skipping) {
        skipping = extractor.add_row(number, cells) == RowAction::kStop;
      }
      continue;
    }
    // A new sheet or the end: finish the sheet before.
    if (in_sheet) {
      switch (extractor.end_sheet()) {
        case SheetOutcome::kImported:
          sink.on_progress(bytes.size(), bytes.size());
          return ParseSummary{FileFormat::kXls, extractor.total_rows(), extractor.invalid_rows()};
        case SheetOutcome::kRefused:
          return tl::unexpected<ImportFailure>(extractor.failure());
        case SheetOutcome::kNoPhoneColumn:
          break;
      }
    }
    if (frame == XlsFrame::kDone) break;
    names.push_back(numbered_sheet_name(names.size()));
    sink.on_sheets(names);
    const bool chosen = limited && is_only_sheet(options.choice, names, names.size() - 1);
    if (chosen) chosen_name = names.back();
    in_sheet = !limited || chosen;
    if (in_sheet) extractor.begin_sheet(names.size() - 1, names.back(), chosen);
    skipping = false;
  }
  if (child.wait(kChildExitWaitMs) != 0) return damaged();
  if (limited && !chosen_name) {
    auto unknown = resolve_sheet(options.choice, names);
    if (!unknown) return tl::unexpected<ImportFailure>(unknown.error());
  }
  return tl::unexpected<ImportFailure>(no_phone_column(chosen_name));
}

tl::expected<ParseSummary, ImportFailure> read_xls(std::string_view bytes,
                                                   const phone::PhoneNormalizer& normalizer,
                                                   ContactSink& sink, const ReadOptions& options) {
  return read_xls_in_child(bytes, normalizer, sink, options, send_workbook);
}

}  // namespace rx::import
