#pragma once

#include "core/strong_id.h"
#include "reports/conversion_counts.h"
#include "reports/pdc.h"
#include "reports/report_states.h"
#include "reports/report_window.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

// What each report answers, before it becomes JSON, CSV or a workbook.
namespace rx::reports {

struct StaffConversion {
  core::StaffId staff_id;
  std::string name;
  ConversionCounts counts;  // `total` is the number assigned
  std::int64_t interactions = 0;
  std::int64_t follow_ups_overdue = 0;
};

struct UploadConversion {
  core::UploadId upload_id;
  std::string file_name;
  std::int64_t uploaded_at = 0;
  ConversionCounts counts;
};

struct ConversionReport {
  std::optional<ReportWindow> window;
  ConversionCounts totals;
  std::int64_t inbound_contacts = 0;  // of totals.total: created by an inbound message
  std::int64_t self_reported_contacted = 0;
  std::vector<StaffConversion> by_staff;    // by name
  std::vector<UploadConversion> by_upload;  // newest first
};

struct ConversionQuery {
  std::optional<ReportWindow> window;
  std::optional<core::UploadId> upload_id;
  std::optional<core::StaffId> staff_id;
};

struct ChannelCount {
  std::int64_t whatsapp = 0;
  std::int64_t sms = 0;
  std::int64_t call = 0;
};

// Bills with medicines dated in the window, and those with a line saved without a duration
// (training point 6: always ask the duration). `skipped`: of those, the bills where the counter
// asked "How many days will this last?" and the answer was skipped.
struct BillDurations {
  std::int64_t bills = 0;
  std::int64_t without_duration = 0;
  std::int64_t skipped = 0;
};

// One step of the refill cadence over the reminders due in the window: reminders whose message
// for this step went out, that were answered while it was the step under way, and that were
// refilled after it went out (before any later step).
struct RefillStepCount {
  std::int64_t step = 1;
  std::int64_t sent = 0;
  std::int64_t answered = 0;
  std::int64_t refilled_after = 0;
};

struct RefillReport {
  ReportWindow window;
  std::int64_t due = 0;
  ChannelCount sent;
  std::map<RefillResponse, std::int64_t> responded;  // every response present
  std::int64_t refilled_within_7_days = 0;
  std::int64_t cancelled = 0;
  // Every status present but sending, which is counted as queued (not yet out).
  std::map<MessageStatus, std::int64_t> messages;
  // Set when the shop has a price for at least one channel.
  std::optional<ChannelCount> estimated_cost_paise;
  BillDurations bill_durations;
  std::vector<RefillStepCount> steps;  // by step, ascending; steps with nothing left out
};

struct AdherenceRow {
  core::CustomerId customer_id;
  std::optional<std::string> name;
  std::string phone;
  CustomerPdc pdc;
  // The highest lapse risk among the customer's open (pending or sent) refill reminders: in
  // millionths and as the API shows it; nullopt when none has one.
  std::optional<std::int64_t> lapse_risk_ppm;
  std::optional<std::string> lapse_risk;
};

// The order of the adherence call list: lowest PDC first, or highest lapse risk first (those
// without one last, then by PDC); ties by customer id.
enum class AdherenceSort { kPdc, kRisk };

struct AdherenceReport {
  std::string as_of;
  std::int64_t customers = 0;
  std::int64_t adherent = 0;
  std::array<std::int64_t, 10> distribution{};  // 10% buckets, the last one [90, 100]
  std::vector<AdherenceRow> below_threshold;    // by the AdherenceSort asked for
};

struct WeekVisits {
  std::string week_start;
  std::int64_t new_customers = 0;
  std::int64_t returning = 0;
};

struct MedicineCount {
  std::string medicine;
  std::int64_t count = 0;
};

struct CustomerReport {
  ReportWindow window;
  std::map<std::string, std::int64_t> by_category;  // every category present
  std::vector<WeekVisits> weekly;
  std::int64_t items = 0;
  std::int64_t generic_items = 0;
  std::int64_t customers_preferring_generic = 0;
  std::vector<MedicineCount> top_refilled_medicines;
};

// What a time series counts, and by which period; spelled as EnumNames below says, in the query
// and the JSON.
enum class TimeseriesMetric { kConversions, kRefills, kBills };
enum class TimeseriesInterval { kDay, kWeek };

struct TimeseriesPoint {
  std::string date;
  std::int64_t count = 0;
  std::int64_t amount_paise = 0;
};

struct TimeseriesReport {
  TimeseriesMetric metric = TimeseriesMetric::kConversions;
  TimeseriesInterval interval = TimeseriesInterval::kDay;
  ReportWindow window;
  std::vector<TimeseriesPoint> points;
};

}  // namespace rx::reports

template <>
struct rx::core::EnumNames<rx::reports::TimeseriesMetric> {
  static constexpr auto kNames = spellings<rx::reports::TimeseriesMetric>(
      rx::reports::TimeseriesMetric::kConversions, "conversions",
      rx::reports::TimeseriesMetric::kRefills, "refills", rx::reports::TimeseriesMetric::kBills,
      "bills");
};

template <>
struct rx::core::EnumNames<rx::reports::TimeseriesInterval> {
  static constexpr auto kNames = spellings<rx::reports::TimeseriesInterval>(
      rx::reports::TimeseriesInterval::kDay, "day", rx::reports::TimeseriesInterval::kWeek, "week");
};
