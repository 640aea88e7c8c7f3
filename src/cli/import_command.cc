#include "cli/commands.h"
#include "contacts/contact_import_service.h"
#include "contacts/contact_json.h"
#include "core/clock.h"
#include "core/error.h"
#include "shops/shop_repository.h"
#include "storage/migrations.h"

#include <fcntl.h>
#include <malloc.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>

namespace rx::cli {
namespace {

struct ImportArgs {
  std::string db_url;
  std::int64_t shop_id = 0;
  std::string file;
};

// The file mapped read-only, so a sheet of any size is read without copying it into memory.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    fd_ = ::open(path.c_str(), O_RDONLY);
    struct stat info {};
    if (fd_ < 0 || fstat(fd_, &info) != 0) {
      throw core::AppError(core::ErrorCode::kNotFound, "cannot read " + path);
    }
    size_ = static_cast<std::size_t>(info.st_size);
    if (size_ > 0) {
      data_ = mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0);
      if (data_ == MAP_FAILED)
        throw core::AppError(core::ErrorCode::kInternal, "cannot map " + path);
    }
  }
  ~MappedFile() {
    if (data_ && data_ != MAP_FAILED) munmap(data_, size_);
    if (fd_ >= 0) ::close(fd_);
  }
  std::string_view bytes() const { return {static_cast<const char*>(data_), data_ ? size_ : 0}; }

 private:
  int fd_ = -1;
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

// A one-line progress bar on stderr, only when stderr is a terminal.
void draw_progress(std::size_t done, std::size_t total) {
  constexpr int kWidth = 40;
  const double share = total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
  const int filled = static_cast<int>(share * kWidth);
  std::fprintf(stderr, "\r[%.*s%*s] %3d%%", filled, "########################################",
               kWidth - filled, "", static_cast<int>(share * 100));
  std::fflush(stderr);
}

int import_file(const ImportArgs& args) {
  core::SystemClock clock;
  auto db = storage::open_database(args.db_url, 1);
  storage::migrate(*db, clock.now_ms());
  std::optional<shops::Shop> shop;
  db->with_connection(
      [&](storage::Connection& c) { shop = shops::ShopRepository::find(c, args.shop_id); });
  if (!shop)
    throw core::AppError(core::ErrorCode::kNotFound,
                         "no shop with id " + std::to_string(args.shop_id));

  MappedFile file(args.file);
  contacts::ImportRequest request{core::ShopId(shop->id), shop->phone_region, std::nullopt,
                                  std::filesystem::path(args.file).filename().string(),
                                  file.bytes()};
  const bool tty = isatty(STDERR_FILENO) == 1;
  contacts::ContactImportService service(*db, clock, [] { malloc_trim(0); });
  contacts::ImportResult result = service.import(
      request, tty ? contacts::ImportProgress(draw_progress) : contacts::ImportProgress(), true);
  if (tty) {
    draw_progress(1, 1);
    std::fputc('\n', stderr);
  }
  nlohmann::json out = contacts::to_json(result.upload, shop->time_zone);
  out["errors"] = nlohmann::json::array();
  for (const auto& e : result.errors) out["errors"].push_back(contacts::to_json(e));
  std::printf("%s\n", out.dump(2).c_str());
  return 0;
}

}  // namespace

Action add_import_command(CLI::App& app) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd =
      app.add_subcommand("import", "Import a contact sheet (.xlsx, .xls, .csv) into a shop");
  add_db_option(*cmd, args->db_url);
  cmd->add_option("--shop", args->shop_id, "the shop's id")->required();
  cmd->add_option("file", args->file, "the sheet to import")->required()->check(CLI::ExistingFile);
  return [args] { return run_reporting_errors([&] { return import_file(*args); }); };
}

}  // namespace rx::cli
