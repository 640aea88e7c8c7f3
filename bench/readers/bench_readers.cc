// Throughput of phone normalisation and of each reader on generated 100,000-row sheets.
// Run: bench_readers --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>

#include "import/contact_sheet.h"
#include "phone/phone_normalizer.h"
#include "sheet_generator.h"
#include "xls_writer.h"

namespace rx::bench {
namespace {

constexpr std::size_t kRows = 100000;
constexpr std::size_t kXlsRows = 60000;  // .xls holds at most 65,535 rows
constexpr unsigned kSeed = 20240602;

class NullSink : public import::ContactSink {
 public:
  void on_contact(const import::ContactRow& row) override { benchmark::DoNotOptimize(row.e164); }
  void on_problem(const import::RowProblem& problem) override {
    benchmark::DoNotOptimize(problem.reason);
  }
};

const std::vector<GeneratedRow>& rows() {
  static const std::vector<GeneratedRow> generated = generate_rows(kRows, kSeed);
  return generated;
}

void run_parse(benchmark::State& state, const std::string& bytes) {
  const phone::PhoneNormalizer normalizer("IN");
  NullSink sink;
  int total = 0;
  for (auto _ : state) {
    const auto result = import::parse_contact_sheet(bytes, normalizer, sink);
    if (!result) {
      state.SkipWithError(result.error().message.c_str());
      return;
    }
    total = result->total_rows;
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
  state.counters["rows"] = total;
  state.counters["file_MB"] = static_cast<double>(bytes.size()) / 1e6;
}

void BM_NormalizeIndianNumbers(benchmark::State& state) {
  const std::vector<std::string> phones = generate_phones(4096, kSeed);
  const phone::PhoneNormalizer normalizer("IN");
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(normalizer.normalize(phones[i++ & 4095]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormalizeIndianNumbers);

// Foreign numbers take libphonenumber's own path: the cost the fast path avoids.
void BM_NormalizeForeignNumbers(benchmark::State& state) {
  const phone::PhoneNormalizer normalizer("IN");
  const std::array<std::string, 3> phones = {"+1 650 253 0000", "+44 7911 123456",
                                             "+971 50 123 4567"};
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(normalizer.normalize(phones[i++ % 3]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormalizeForeignNumbers);

// The repair path (text_repair.h): Unicode digits, no-break spaces, Excel's ".0" and exact
// scientific notation, each undone before validation.
void BM_RepairAndNormalizeMessyNumbers(benchmark::State& state) {
  const phone::PhoneNormalizer normalizer("IN");
  const std::array<std::string, 6> phones = {
      "\u0669\u0668\u0667\u0666\u0665\u0664\u0663\u0662\u0661\u0660",   // Arabic-Indic
      "\u096F\u096E\u096D\u096C\u096B \u096A\u0969\u0968\u0967\u0966",  // Devanagari
      "98765\u00A043210",                                               // no-break space
      "\u00A0+91\u00A098765\u00A043210\u00A0",
      "9876543210.0",
      "9.876543210E9"};
  for (const auto& phone : phones) {
    if (!normalizer.normalize(phone)) {  // every one must take the whole path to a number
      state.SkipWithError("a messy spelling was refused");
      return;
    }
  }
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(normalizer.normalize(phones[i++ % phones.size()]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RepairAndNormalizeMessyNumbers);

void BM_ParseCsv100k(benchmark::State& state) {
  static const std::string bytes = to_csv(rows());
  run_parse(state, bytes);
}
BENCHMARK(BM_ParseCsv100k)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ParseUtf16Text100k(benchmark::State& state) {
  static const std::string bytes = to_utf16_text(rows());
  run_parse(state, bytes);
}
BENCHMARK(BM_ParseUtf16Text100k)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ParseXlsxInlineStrings100k(benchmark::State& state) {
  static const std::string bytes = to_xlsx(rows(), /*inline_strings=*/true);
  run_parse(state, bytes);
}
BENCHMARK(BM_ParseXlsxInlineStrings100k)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_ParseXlsxSharedStrings100k(benchmark::State& state) {
  static const std::string bytes = to_xlsx(rows(), /*inline_strings=*/false);
  run_parse(state, bytes);
}
BENCHMARK(BM_ParseXlsxSharedStrings100k)->Unit(benchmark::kMillisecond)->UseRealTime();

// Legacy .xls goes through libfreexl in a forked child (xls_reader.cc): the fork and the pipe
// are part of the cost.
void BM_ParseXls60k(benchmark::State& state) {
  static const std::string bytes =
      to_xls(std::vector<GeneratedRow>(rows().begin(), rows().begin() + kXlsRows));
  run_parse(state, bytes);
}
BENCHMARK(BM_ParseXls60k)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace rx::bench

BENCHMARK_MAIN();
