#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "import/bounded_channel.h"
#include "import/import_types.h"
#include "import/row_consumer.h"

namespace rx::import {

// Rows copied compactly (one string for all text) so they can cross to another thread.
class RowBatch {
 public:
  void add(int number, std::span<const std::string_view> cells);
  std::size_t rows() const { return rows_.size(); }
  std::size_t bytes() const { return text_.size(); }
  void clear();
  // Sends every row to `consumer`, stopping where it says kStop.
  RowAction replay(RowConsumer& consumer, std::vector<std::string_view>& scratch) const;

 private:
  struct Row {
    int number;
    std::size_t first_cell;
    std::size_t cell_count;
  };
  std::string text_;
  std::vector<std::size_t> ends_;
  std::vector<Row> rows_;
};

// A bounded queue of row batches from a reader thread (parsing XML) to the calling thread
// (phone numbers and the sink), so the two halves of an import use both cores while memory
// stays bounded by `capacity` batches.
class RowPipe {
 public:
  explicit RowPipe(std::size_t capacity) : batches_(capacity) {}

  // Producer side. Blocks while the pipe is full; false once the consumer has stopped.
  bool push(RowBatch&& batch) { return batches_.push(std::move(batch)); }
  // The producer is done; `failure` is why, when it did not finish the sheet.
  void close(std::optional<ImportFailure> failure);

  // Consumer side. False when the producer has closed and everything was taken.
  bool pop(RowBatch& batch) { return batches_.pop(batch); }
  // The consumer wants no more rows; unblocks the producer.
  void stop() { batches_.stop(); }
  std::optional<ImportFailure> failure() const;

 private:
  BoundedChannel<RowBatch> batches_;
  mutable std::mutex mutex_;
  std::optional<ImportFailure> failure_;  // guarded by mutex_
};

// A RowConsumer for the producer thread: fills batches and pushes them into a pipe.
class PipeWriter : public RowConsumer {
 public:
  explicit PipeWriter(RowPipe& pipe) : pipe_(pipe) {}
  RowAction add_row(int number, std::span<const std::string_view> cells) override;
  // Pushes the last, partial batch.
  void flush();

 private:
  RowPipe& pipe_;
  RowBatch batch_;
  bool stopped_ = false;
};

}  // namespace rx::import
