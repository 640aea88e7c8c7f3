#include "contacts/background_sheet_reader.h"

#include <exception>
#include <thread>
#include <unordered_map>

#include "core/json_writer.h"
#include "import/bounded_channel.h"
#include "import/contact_sheet.h"

namespace rx::contacts {
namespace {

// Large enough that handing over is rare, small enough that both threads start at once.
constexpr std::size_t kBatchRows = 512;

using Channel = import::BoundedChannel<PreparedBatch>;

// Thrown on the reading thread when the receiver has given up, to leave the parser.
struct ReceiverStopped {};

// The sheet's other columns as a JSON object, in the sheet's order; a header that repeats keeps
// its last value (an object names a key once).
std::string extra_columns_json(const std::vector<std::pair<std::string, std::string>>& columns) {
  // Rows rarely have more than a few other columns: compare pairwise then, index them otherwise
  // (a row may have thousands).
  constexpr std::size_t kPairwiseUpTo = 16;
  std::unordered_map<std::string_view, std::size_t> last;
  if (columns.size() > kPairwiseUpTo) {
    for (std::size_t i = 0; i < columns.size(); ++i) last[columns[i].first] = i;
  }
  const auto repeated_later = [&](std::size_t i) {
    if (columns.size() > kPairwiseUpTo) return last[columns[i].first] != i;
    for (std::size_t j = i + 1; j < columns.size(); ++j) {
      if (columns[j].first == columns[i].first) return true;
    }
    return false;
  };
  core::JsonWriter out;
  out.begin_object();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (!repeated_later(i)) out.key_text(columns[i].first).string(columns[i].second);
  }
  out.end_object();
  return out.take();
}

class BatchingSink final : public import::ContactSink {
 public:
  BatchingSink(Channel& channel, const std::function<void(std::size_t, std::size_t)>& progress,
               std::optional<import::SheetLayout>* layout)
      : channel_(channel), progress_(progress), layout_(layout) {}

  void on_layout(const import::SheetLayout& layout) override {
    if (layout_ && layout.phone_column) *layout_ = layout;
  }

  void on_contact(const import::ContactRow& row) override {
    std::optional<std::string> extra;
    if (!row.extra.empty()) extra = extra_columns_json(row.extra);
    batch_.contacts.push_back(
        {row.e164, row.phone_type, row.name, std::move(extra), row.row_number});
    if (batch_.contacts.size() >= kBatchRows) flush();
  }

  void on_problem(const import::RowProblem& problem) override {
    batch_.problems.push_back({problem.row_number, problem.value, problem.reason});
    if (batch_.problems.size() >= kBatchRows) flush();
  }

  void on_progress(std::size_t done, std::size_t total) override {
    if (progress_) progress_(done, total);
  }

  void flush() {
    if (batch_.contacts.empty() && batch_.problems.empty()) return;
    if (!channel_.push(std::move(batch_))) throw ReceiverStopped{};
    batch_ = PreparedBatch{};
    batch_.contacts.reserve(kBatchRows);
  }

 private:
  Channel& channel_;
  const std::function<void(std::size_t, std::size_t)>& progress_;
  std::optional<import::SheetLayout>* layout_;
  PreparedBatch batch_;
};

}  // namespace

tl::expected<import::ParseSummary, import::ImportFailure> read_sheet_in_background(
    std::string_view bytes, const phone::PhoneNormalizer& normalizer,
    const std::function<void(std::size_t done, std::size_t total)>& progress,
    const std::function<void(PreparedBatch& batch)>& receive, std::size_t queued_batches,
    const import::ReadOptions& options, std::optional<import::SheetLayout>* layout) {
  Channel channel(queued_batches);
  std::optional<tl::expected<import::ParseSummary, import::ImportFailure>> parsed;
  std::exception_ptr thrown;
  const auto read = [&] {
    try {
      BatchingSink sink(channel, progress, layout);
      parsed = import::parse_contact_sheet(bytes, normalizer, sink, options);
      if (*parsed) sink.flush();
    } catch (const ReceiverStopped&) {
      // The receiver threw; its exception is the one that leaves.
    } catch (...) {
      thrown = std::current_exception();
    }
    channel.close();
  };
  {
    const import::ProducerThread<Channel> reader(channel, std::thread(read));
    PreparedBatch batch;
    while (channel.pop(batch)) receive(batch);
  }
  if (thrown) std::rethrow_exception(thrown);
  return std::move(*parsed);
}

}  // namespace rx::contacts
