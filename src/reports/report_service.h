#pragma once

#include "core/clock.h"
#include "core/identity/principal.h"
#include "reports/report_window.h"
#include "storage/database.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace rx::reports {

// Runs the reports' reads: each report is built in one read-only transaction, and every figure
// is of the principal's shop (the builders take the principal).
class ReportService {
 public:
  ReportService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // Today in the shop's zone: the default end of every window. Throws nothing for the shop's
  // zone (checked when it was set).
  std::string today(const auth::Principal& actor) const;
  // The moment a report is made. Throws nothing.
  std::int64_t now_ms() const { return clock_.now_ms(); }

  // Runs `build(connection)` in one read-only transaction and answers what it built. Throws
  // what `build` throws, and AppError(kUnavailable or kInternal) when the database fails.
  template <class Build>
  auto read(Build build) {
    std::invoke_result_t<Build&, storage::Connection&> out{};
    db_.transaction(storage::TxMode::kRead, [&](storage::Connection& c) { out = build(c); });
    return out;
  }

  // A report leaving as a file is personal data leaving: the audit log says who took which.
  // Throws AppError when the entry cannot be written (the download is then refused).
  void record_export(const auth::Principal& actor, std::string_view report, ReportFormat format);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::reports
