#include "import/xlsx_reader.h"

#include <atomic>
#include <thread>

#include "import/contact_extractor.h"
#include "import/import_limits.h"
#include "import/row_pipe.h"
#include "import/shared_strings.h"
#include "import/worksheet_handler.h"
#include "import/xlsx_package.h"
#include "import/xml_part_parser.h"
#include "import/zip_archive.h"

namespace rx::import {
namespace {

constexpr std::size_t kPipeBatches = 4;

// Parses one worksheet on a second thread (inflating and XML, the larger half of the work) while
// this thread turns its rows into contacts and feeds the sink, which so always runs on the
// caller's thread.
tl::expected<void, ImportFailure> read_sheet(const ZipArchive& archive, const WorksheetRef& sheet,
                                             const SharedStrings& strings, InflateBudget& budget,
                                             ContactExtractor& extractor, ContactSink& sink,
                                             std::size_t file_size) {
  const std::uint64_t declared = archive.declared_size(sheet.entry);
  std::atomic<std::uint64_t> inflated{0};
  RowPipe pipe(kPipeBatches);
  {
    const ProducerThread<RowPipe> reader(
        pipe, std::thread([&] {
          PipeWriter writer(pipe);
          WorksheetHandler handler(strings, writer);
          auto parsed = parse_xml_part(archive, sheet.entry, budget, handler,
                                       [&](std::uint64_t done) { inflated = done; });
          writer.flush();
          pipe.close(parsed ? std::nullopt : std::optional<ImportFailure>(parsed.error()));
        }));
    RowBatch batch;
    std::vector<std::string_view> cells;
    while (pipe.pop(batch)) {
      if (batch.replay(extractor, cells) == RowAction::kStop) break;
      if (declared > 0) {
        // Progress: the share of this sheet inflated so far, scaled to the file's size.
        const double share = std::min(1.0, static_cast<double>(inflated.load()) / declared);
        sink.on_progress(static_cast<std::size_t>(share * static_cast<double>(file_size)),
                         file_size);
      }
    }
  }
  if (auto failure = pipe.failure()) return tl::unexpected<ImportFailure>(*failure);
  return {};
}

}  // namespace

tl::expected<ParseSummary, ImportFailure> read_xlsx(std::string_view bytes,
                                                    const phone::PhoneNormalizer& normalizer,
                                                    ContactSink& sink, const ReadOptions& options) {
  auto archive = ZipArchive::open(bytes);
  if (!archive) return tl::unexpected<ImportFailure>(archive.error());
  InflateBudget budget{kMaxInflatedBytes};
  auto package = read_xlsx_package(*archive, budget);
  if (!package) return tl::unexpected<ImportFailure>(package.error());

  SharedStrings strings;
  if (package->shared_strings) {
    auto read = SharedStrings::read(*archive, *package->shared_strings, budget);
    if (!read) return tl::unexpected<ImportFailure>(read.error());
    strings = std::move(*read);
  }

  std::vector<std::string> names;
  for (const WorksheetRef& sheet : package->worksheets) names.push_back(sheet.name);
  sink.on_sheets(names);
  auto chosen = resolve_sheet(options.choice, names);
  if (!chosen) return tl::unexpected<ImportFailure>(chosen.error());
  // A header row or column chosen without a sheet is for the first one.
  std::optional<std::size_t> only = *chosen;
  if (!only && options.choice.any_layout()) only = 0;

  ContactExtractor extractor(normalizer, sink, options);
  for (std::size_t i = 0; i < package->worksheets.size(); ++i) {
    if (only && i != *only) continue;
    extractor.begin_sheet(i, names[i], only.has_value());
    if (auto read = read_sheet(*archive, package->worksheets[i], strings, budget, extractor, sink,
                               bytes.size());
        !read) {
      return tl::unexpected<ImportFailure>(read.error());
    }
    switch (extractor.end_sheet()) {
      case SheetOutcome::kImported:
        sink.on_progress(bytes.size(), bytes.size());
        return ParseSummary{FileFormat::kXlsx, extractor.total_rows(), extractor.invalid_rows()};
      case SheetOutcome::kRefused:
        return tl::unexpected<ImportFailure>(extractor.failure());
      case SheetOutcome::kNoPhoneColumn:
        break;
    }
  }
  return tl::unexpected<ImportFailure>(
      no_phone_column(only ? std::optional<std::string>(names[*only]) : std::nullopt));
}

}  // namespace rx::import
