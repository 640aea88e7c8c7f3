#include "import/contact_extractor.h"

#include <algorithm>

#include "import/cell_text.h"
#include "import/header_matcher.h"
#include "import/import_limits.h"
#include "phone/cell_splitter.h"
#include "phone/failure_reasons.h"

namespace rx::import {
namespace {

std::size_t non_empty_cells(const std::vector<std::string_view>& row) {
  return static_cast<std::size_t>(std::count_if(
      row.begin(), row.end(), [](std::string_view c) { return !trim_cell(c).empty(); }));
}

// Sample cells with fewer digits than any phone number are not worth asking libphonenumber about.
bool may_hold_phone(std::string_view cell) {
  constexpr int kMinDigits = 5;
  int digits = 0;
  for (char c : cell) {
    // Non-ASCII bytes may be Devanagari or fullwidth digits; let the normalizer judge those.
    if ((c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) ++digits;
  }
  return digits >= kMinDigits;
}

}  // namespace

ContactExtractor::ContactExtractor(const phone::PhoneNormalizer& normalizer, ContactSink& sink)
    : normalizer_(normalizer), sink_(sink) {}

void ContactExtractor::begin_sheet() {
  phase_ = Phase::kSampling;
  sample_.clear();
  sample_bytes_ = 0;
  has_header_ = false;
  has_name_column_ = false;
  headers_.clear();
}

RowAction ContactExtractor::add_row(int number, std::span<const std::string_view> cells) {
  if (phase_ == Phase::kNoPhoneColumn) return RowAction::kStop;
  if (is_blank_row(cells)) return RowAction::kContinue;
  if (phase_ == Phase::kStreaming) {
    process(number, cells);
    return RowAction::kContinue;
  }
  sample_.emplace_back(number, cells);
  sample_bytes_ += sample_.back().bytes();
  if (sample_.size() >= kSampleRows || sample_bytes_ >= kMaxSampleBytes) {
    if (!decide()) return RowAction::kStop;
  }
  return RowAction::kContinue;
}

SheetOutcome ContactExtractor::end_sheet() {
  if (phase_ == Phase::kSampling && !decide()) return SheetOutcome::kNoPhoneColumn;
  return phase_ == Phase::kStreaming ? SheetOutcome::kImported : SheetOutcome::kNoPhoneColumn;
}

bool ContactExtractor::decide() {
  std::vector<std::vector<std::string_view>> rows(sample_.size());
  std::size_t max_width = 0;
  std::size_t max_filled = 0;
  for (std::size_t i = 0; i < sample_.size(); ++i) {
    sample_[i].cells(rows[i]);
    max_width = std::max(max_width, rows[i].size());
    max_filled = std::max(max_filled, non_empty_cells(rows[i]));
  }
  has_header_ = find_header(rows, max_filled);
  if (!has_header_ && !find_phone_column_by_values(rows, max_width)) {
    phase_ = Phase::kNoPhoneColumn;
    sample_.clear();
    return false;
  }
  phase_ = Phase::kStreaming;
  const std::size_t first_data = has_header_ ? header_index_ + 1 : 0;
  for (std::size_t i = first_data; i < rows.size(); ++i) process(sample_[i].number(), rows[i]);
  sample_.clear();
  sample_bytes_ = 0;
  return true;
}

// The first row that names a phone column. A lone cell in a sheet whose rows have several is a
// header only when valid numbers follow in its column: otherwise it is a title ("Customer
// contact list") above the real header.
bool ContactExtractor::find_header(const std::vector<std::vector<std::string_view>>& rows,
                                   std::size_t max_filled) {
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::vector<std::string_view>& row = rows[i];
    int best = 0;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const HeaderMatch match = match_header(row[c]);
      if (match.role == HeaderRole::kPhone && match.strength > best) {
        best = match.strength;
        phone_column_ = c;
      }
    }
    if (best == 0) continue;
    if (non_empty_cells(row) < 2 && max_filled > 1 && !has_phone_below(rows, i, phone_column_)) {
      continue;
    }
    has_name_column_ = false;
    for (std::size_t c = 0; c < row.size() && !has_name_column_; ++c) {
      if (c != phone_column_ && match_header(row[c]).role == HeaderRole::kName) {
        name_column_ = c;
        has_name_column_ = true;
      }
    }
    header_index_ = i;
    headers_.clear();
    for (std::size_t c = 0; c < row.size(); ++c) {
      const std::string_view text = trim_cell(row[c]);
      headers_.push_back(text.empty() ? column_label(c) : std::string(text));
    }
    return true;
  }
  return false;
}

bool ContactExtractor::cell_has_phone(std::string_view cell) const {
  if (!may_hold_phone(cell)) return false;
  bool any = false;
  phone::for_each_cell_piece(cell, [&](std::string_view piece) {
    if (!any && normalizer_.normalize(piece)) any = true;
  });
  return any;
}

bool ContactExtractor::has_phone_below(const std::vector<std::vector<std::string_view>>& rows,
                                       std::size_t row, std::size_t column) const {
  for (std::size_t i = row + 1; i < rows.size(); ++i) {
    if (column < rows[i].size() && cell_has_phone(rows[i][column])) return true;
  }
  return false;
}

// Without a header: the column where most sampled values are valid numbers.
bool ContactExtractor::find_phone_column_by_values(
    const std::vector<std::vector<std::string_view>>& rows, std::size_t max_width) {
  std::size_t best_valid = 0;
  std::size_t best_filled = 0;
  for (std::size_t c = 0; c < max_width; ++c) {
    std::size_t valid = 0;
    std::size_t filled = 0;
    for (const auto& row : rows) {
      if (c >= row.size() || trim_cell(row[c]).empty()) continue;
      ++filled;
      if (cell_has_phone(row[c])) ++valid;
    }
    if (valid > best_valid) {
      best_valid = valid;
      best_filled = filled;
      phone_column_ = c;
    }
  }
  has_name_column_ = false;
  headers_.clear();
  return best_valid > 0 && best_valid * 2 > best_filled;
}

const std::string& ContactExtractor::header_for(std::size_t column) {
  while (headers_.size() <= column) headers_.push_back(column_label(headers_.size()));
  return headers_[column];
}

void ContactExtractor::process(int number, std::span<const std::string_view> cells) {
  ++total_rows_;
  const std::string_view cell = phone_column_ < cells.size() ? cells[phone_column_] : "";

  pieces_.clear();
  bool any_valid = false;
  phone::for_each_cell_piece(cell, [&](std::string_view piece) {
    pieces_.push_back({piece, normalizer_.normalize(piece)});
    any_valid = any_valid || pieces_.back().result.has_value();
  });

  problem_.row_number = number;
  if (!any_valid) {
    ++invalid_rows_;
    problem_.value.assign(cell);
    if (pieces_.empty()) {
      problem_.reason.assign(phone::kReasonEmpty);
    } else {
      problem_.reason = pieces_.front().result.error();
    }
    sink_.on_problem(problem_);
    return;
  }

  contact_.row_number = number;
  contact_.raw_value.assign(cell);
  if (has_name_column_ && name_column_ < cells.size()) {
    contact_.name.assign(trim_cell(cells[name_column_]));
  } else {
    contact_.name.clear();
  }
  // Resizing keeps the strings of earlier rows, so their buffers are reused.
  std::size_t extras = 0;
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (c == phone_column_ || (has_name_column_ && c == name_column_)) continue;
    const std::string_view value = trim_cell(cells[c]);
    if (value.empty()) continue;
    if (extras == contact_.extra.size()) contact_.extra.emplace_back();
    contact_.extra[extras].first.assign(header_for(c));
    contact_.extra[extras].second.assign(value);
    ++extras;
  }
  contact_.extra.resize(extras);

  for (const Piece& piece : pieces_) {
    if (piece.result) {
      contact_.e164.assign(piece.result->e164);
      contact_.phone_type.assign(phone::to_string(piece.result->type));
      sink_.on_contact(contact_);
    }
  }
  for (const Piece& piece : pieces_) {
    if (!piece.result) {
      problem_.value.assign(piece.text);
      problem_.reason.assign(piece.result.error());
      sink_.on_problem(problem_);
    }
  }
}

}  // namespace rx::import
