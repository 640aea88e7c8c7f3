#include "import/row_pipe.h"

namespace rx::import {
namespace {

// Small enough to keep both threads busy, large enough that locking is rare.
constexpr std::size_t kBatchRows = 512;
constexpr std::size_t kBatchBytes = 1024 * 1024;

}  // namespace

void RowBatch::add(int number, std::span<const std::string_view> cells) {
  rows_.push_back({number, ends_.size(), cells.size()});
  for (std::string_view cell : cells) {
    text_.append(cell);
    ends_.push_back(text_.size());
  }
}

void RowBatch::clear() {
  text_.clear();
  ends_.clear();
  rows_.clear();
}

RowAction RowBatch::replay(RowConsumer& consumer, std::vector<std::string_view>& scratch) const {
  const std::string_view text(text_);
  for (const Row& row : rows_) {
    scratch.clear();
    std::size_t begin = row.first_cell == 0 ? 0 : ends_[row.first_cell - 1];
    for (std::size_t i = row.first_cell; i < row.first_cell + row.cell_count; ++i) {
      scratch.push_back(text.substr(begin, ends_[i] - begin));
      begin = ends_[i];
    }
    if (consumer.add_row(row.number, scratch) == RowAction::kStop) return RowAction::kStop;
  }
  return RowAction::kContinue;
}

void RowPipe::close(std::optional<ImportFailure> failure) {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    failure_ = std::move(failure);
  }
  batches_.close();
}

std::optional<ImportFailure> RowPipe::failure() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return failure_;
}

RowAction PipeWriter::add_row(int number, std::span<const std::string_view> cells) {
  if (stopped_) return RowAction::kStop;
  batch_.add(number, cells);
  if (batch_.rows() >= kBatchRows || batch_.bytes() >= kBatchBytes) {
    stopped_ = !pipe_.push(std::move(batch_));
    batch_.clear();
  }
  return stopped_ ? RowAction::kStop : RowAction::kContinue;
}

void PipeWriter::flush() {
  if (!stopped_ && batch_.rows() > 0) stopped_ = !pipe_.push(std::move(batch_));
  batch_.clear();
}

}  // namespace rx::import
