#include "import/zip_archive.h"

#include <zip.h>

#include <array>
#include <memory>

namespace rx::import {
namespace {

constexpr std::size_t kReadChunk = 64 * 1024;

tl::unexpected<ImportFailure> damaged(std::string_view detail) {
  return refused(ImportFailure::Kind::kMalformed, "The Excel file is damaged or incomplete (" +
                                                      std::string(detail) + "); save it again.");
}

tl::unexpected<ImportFailure> too_large() {
  return refused(ImportFailure::Kind::kTooLarge,
                 "The Excel file unpacks to more than 200 MB; split it into smaller files.");
}

struct FileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

}  // namespace

tl::expected<ZipArchive, ImportFailure> ZipArchive::open(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    const std::string detail = zip_error_strerror(&error);
    zip_error_fini(&error);
    return damaged(detail);
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    zip_source_free(source);
    const std::string detail = zip_error_strerror(&error);
    zip_error_fini(&error);
    return damaged(detail);
  }
  zip_error_fini(&error);
  return ZipArchive(archive);
}

ZipArchive::ZipArchive(ZipArchive&& other) noexcept : archive_(other.archive_) {
  other.archive_ = nullptr;
}

ZipArchive::~ZipArchive() {
  if (archive_ != nullptr) zip_discard(archive_);
}

std::optional<std::uint64_t> ZipArchive::find(const std::string& name) const {
  const zip_int64_t index = zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::nullopt;
  return static_cast<std::uint64_t>(index);
}

std::uint64_t ZipArchive::declared_size(std::uint64_t index) const {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_, index, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) return 0;
  return stat.size;
}

tl::expected<void, ImportFailure> ZipArchive::read(
    std::uint64_t index, InflateBudget& budget,
    const std::function<bool(std::string_view)>& chunk) const {
  if (declared_size(index) > budget.remaining) return too_large();
  const std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive_, index, 0));
  if (!file) return damaged(zip_strerror(archive_));
  std::array<char, kReadChunk> buffer;
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
    if (n < 0) return damaged(zip_file_strerror(file.get()));
    if (n == 0) return {};
    const auto got = static_cast<std::uint64_t>(n);
    if (got > budget.remaining) return too_large();
    budget.remaining -= got;
    if (!chunk(std::string_view(buffer.data(), static_cast<std::size_t>(n)))) return {};
  }
}

}  // namespace rx::import
