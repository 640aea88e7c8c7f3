#include "import/contact_extractor.h"

#include <fmt/format.h>

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

ContactExtractor::ContactExtractor(const phone::PhoneNormalizer& normalizer, ContactSink& sink,
                                   const ReadOptions& options)
    : normalizer_(normalizer), sink_(sink), options_(options) {}

void ContactExtractor::begin_sheet(std::size_t index, std::string name, bool chosen) {
  phase_ = Phase::kSampling;
  sample_.clear();
  sample_bytes_ = 0;
  header_index_ = 0;
  has_header_ = false;
  has_name_column_ = false;
  headers_.clear();
  sheet_index_ = index;
  sheet_name_ = std::move(name);
  chosen_ = chosen;
  last_row_ = 0;
  signature_.clear();
  signature_final_ = false;
  saved_applied_ = false;
  failure_.reset();
}

RowAction ContactExtractor::add_row(int number, std::span<const std::string_view> cells) {
  if (phase_ == Phase::kNoPhoneColumn || phase_ == Phase::kRefused) return RowAction::kStop;
  if (is_blank_row(cells)) return RowAction::kContinue;
  last_row_ = number;
  if (phase_ == Phase::kStreaming) {
    process(number, cells);
    return RowAction::kContinue;
  }
  if (!signature_final_) note_signature_row(cells);
  // Rows above a chosen header row are neither header nor data.
  const std::optional<int>& header_row = options_.choice.header_row;
  if (chosen_ && header_row && *header_row > 0 && number < *header_row) {
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
  if (phase_ == Phase::kSampling) {
    const std::optional<int>& header_row = options_.choice.header_row;
    if (chosen_ && header_row && *header_row > 0 && sample_.empty()) {
      refuse("header_row", fmt::format("The sheet has no row {} with anything in it (its last "
                                       "filled row is {}).",
                                       *header_row, last_row_));
    } else {
      decide();
    }
  }
  switch (phase_) {
    case Phase::kStreaming:
      return SheetOutcome::kImported;
    case Phase::kRefused:
      return SheetOutcome::kRefused;
    case Phase::kSampling:
    case Phase::kNoPhoneColumn:
      break;
  }
  return SheetOutcome::kNoPhoneColumn;
}

bool ContactExtractor::refuse(std::string field, std::string message) {
  failure_ = field_failure(std::move(field), std::move(message));
  phase_ = Phase::kRefused;
  sample_.clear();
  return false;
}

void ContactExtractor::note_signature_row(std::span<const std::string_view> cells) {
  std::size_t filled = 0;
  for (std::string_view cell : cells) filled += trim_cell(cell).empty() ? 0 : 1;
  if (signature_.empty() || filled >= 2) {
    signature_ = header_signature(cells);
    signature_final_ = filled >= 2;
  }
}

std::optional<SavedLayout> ContactExtractor::saved_layout() const {
  if (!options_.saved || signature_.empty()) return std::nullopt;
  return options_.saved(signature_);
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
  std::optional<SavedLayout> saved = saved_layout();
  bool detected_phone = false;
  if (!settle_header(rows, saved, max_filled, detected_phone)) return false;
  if (!settle_columns(rows, saved, detected_phone, max_width)) return false;
  phase_ = Phase::kStreaming;
  report_layout(rows, true);
  const std::size_t first_data = has_header_ ? header_index_ + 1 : 0;
  for (std::size_t i = first_data; i < rows.size(); ++i) process(sample_[i].number(), rows[i]);
  sample_.clear();
  sample_bytes_ = 0;
  return true;
}

// The header row: chosen, else the saved mapping's (dropped when that row is not in this
// sheet's sample), else the first row naming a phone column (`detected_phone`).
bool ContactExtractor::settle_header(const std::vector<std::vector<std::string_view>>& rows,
                                     std::optional<SavedLayout>& saved, std::size_t max_filled,
                                     bool& detected_phone) {
  const auto use_header = [&](std::size_t index) {
    header_index_ = index;
    has_header_ = true;
    headers_.clear();
    for (std::size_t c = 0; c < rows[index].size(); ++c) {
      const std::string_view text = trim_cell(rows[index][c]);
      headers_.push_back(text.empty() ? column_label(c) : std::string(text));
    }
  };
  has_header_ = false;
  headers_.clear();
  const std::optional<int>& chosen_row = options_.choice.header_row;
  if (chosen_ && chosen_row) {
    saved_applied_ = saved.has_value();
    if (*chosen_row == 0) return true;
    if (sample_.empty() || sample_.front().number() != *chosen_row) {
      return refuse("header_row", fmt::format("Row {} is blank: choose the row that holds the "
                                              "column headings.",
                                              *chosen_row));
    }
    use_header(0);
    return true;
  }
  if (saved) {
    if (saved->header_row == 0) {
      saved_applied_ = true;
      return true;
    }
    for (std::size_t i = 0; i < sample_.size(); ++i) {
      if (sample_[i].number() == saved->header_row) {
        saved_applied_ = true;
        use_header(i);
        return true;
      }
    }
    saved.reset();
  }
  if (find_header(rows, max_filled)) {
    use_header(header_index_);
    detected_phone = true;
  }
  return true;
}

bool ContactExtractor::settle_columns(const std::vector<std::vector<std::string_view>>& rows,
                                      const std::optional<SavedLayout>& saved, bool detected_phone,
                                      std::size_t max_width) {
  static const std::vector<std::string_view> kNoHeaders;
  const std::vector<std::string_view>& header_cells =
      has_header_ ? rows[header_index_] : kNoHeaders;
  const std::size_t first_data = has_header_ ? header_index_ + 1 : 0;
  const SheetChoice& choice = options_.choice;
  const bool use_saved = saved.has_value() && saved_applied_;

  if (chosen_ && choice.phone_column) {
    auto column = resolve_column(*choice.phone_column, header_cells, max_width);
    if (!column) return refuse("phone_column", "phone_column: " + column.error() + ".");
    phone_column_ = *column;
  } else if (use_saved) {
    phone_column_ = saved->phone_column;
  } else if (detected_phone) {
    // find_header chose it.
  } else if (auto named = has_header_ ? phone_header_in(header_cells) : std::nullopt) {
    phone_column_ = *named;
  } else if (!find_phone_column_by_values(rows, first_data, max_width)) {
    phase_ = Phase::kNoPhoneColumn;
    report_layout(rows, false);
    sample_.clear();
    return false;
  }

  has_name_column_ = false;
  if (chosen_ && choice.name_column) {
    if (same_column_text(*choice.name_column, kNoNameColumn)) return true;
    auto column = resolve_column(*choice.name_column, header_cells, max_width);
    if (!column) return refuse("name_column", "name_column: " + column.error() + ".");
    if (*column == phone_column_) {
      return refuse("name_column",
                    "name_column: that is the phone column; choose another column or none.");
    }
    name_column_ = *column;
    has_name_column_ = true;
  } else if (use_saved) {
    has_name_column_ = saved->name_column.has_value() && *saved->name_column != phone_column_;
    if (has_name_column_) name_column_ = *saved->name_column;
  } else if (auto named = has_header_ ? name_header_in(header_cells) : std::nullopt) {
    name_column_ = *named;
    has_name_column_ = true;
  }
  return true;
}

void ContactExtractor::report_layout(const std::vector<std::vector<std::string_view>>& rows,
                                     bool found) {
  std::size_t width = 0;
  for (const auto& row : rows) width = std::max(width, row.size());
  SheetLayout layout;
  layout.sheet_index = sheet_index_;
  layout.sheet_name = sheet_name_;
  layout.header_row = has_header_ ? sample_[header_index_].number() : 0;
  for (std::size_t c = 0; c < width; ++c) {
    layout.headers.push_back(c < headers_.size() ? headers_[c] : column_label(c));
  }
  if (found) layout.phone_column = phone_column_;
  if (found && has_name_column_) layout.name_column = name_column_;
  layout.signature = signature_;
  layout.saved_mapping_applied = saved_applied_;
  sink_.on_layout(layout);
  if (found) return;
  // Without a phone column the sample is all there is to show.
  const std::size_t first_data = has_header_ ? header_index_ + 1 : 0;
  for (std::size_t i = first_data; i < rows.size(); ++i) {
    sink_.on_data_row(sample_[i].number(), rows[i]);
  }
}

std::optional<std::size_t> ContactExtractor::phone_header_in(
    const std::vector<std::string_view>& row) const {
  int best = 0;
  std::optional<std::size_t> column;
  for (std::size_t c = 0; c < row.size(); ++c) {
    const HeaderMatch match = match_header(row[c]);
    if (match.role == HeaderRole::kPhone && match.strength > best) {
      best = match.strength;
      column = c;
    }
  }
  return column;
}

std::optional<std::size_t> ContactExtractor::name_header_in(
    const std::vector<std::string_view>& row) const {
  for (std::size_t c = 0; c < row.size(); ++c) {
    if (c != phone_column_ && match_header(row[c]).role == HeaderRole::kName) return c;
  }
  return std::nullopt;
}

// The first row that names a phone column. A lone cell in a sheet whose rows have several is a
// header only when valid numbers follow in its column: otherwise it is a title ("Customer
// contact list") above the real header.
bool ContactExtractor::find_header(const std::vector<std::vector<std::string_view>>& rows,
                                   std::size_t max_filled) {
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto phone = phone_header_in(rows[i]);
    if (!phone) continue;
    if (non_empty_cells(rows[i]) < 2 && max_filled > 1 && !has_phone_below(rows, i, *phone)) {
      continue;
    }
    phone_column_ = *phone;
    header_index_ = i;
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
    const std::vector<std::vector<std::string_view>>& rows, std::size_t first,
    std::size_t max_width) {
  std::size_t best_valid = 0;
  std::size_t best_filled = 0;
  for (std::size_t c = 0; c < max_width; ++c) {
    std::size_t valid = 0;
    std::size_t filled = 0;
    for (std::size_t i = first; i < rows.size(); ++i) {
      const auto& row = rows[i];
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
  return best_valid > 0 && best_valid * 2 > best_filled;
}

const std::string& ContactExtractor::header_for(std::size_t column) {
  while (headers_.size() <= column) headers_.push_back(column_label(headers_.size()));
  return headers_[column];
}

void ContactExtractor::process(int number, std::span<const std::string_view> cells) {
  ++total_rows_;
  sink_.on_data_row(number, cells);
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
