#include "reports/report_json.h"

#include "core/enum_names.h"
#include "core/json_values.h"
#include "core/time_zone.h"
#include "reports/percent.h"

namespace rx::reports {
namespace {

void add_counts(nlohmann::json& out, const ConversionCounts& c) {
  out["pending"] = c.pending;
  out["contacted"] = c.contacted;
  out["converted"] = c.converted;
  out["yellow"] = c.yellow;
}

nlohmann::json window_json(const ReportWindow& w) { return {{"from", w.from}, {"to", w.to}}; }

template <core::NamedEnum E>
nlohmann::json counts_with_total(const std::map<E, std::int64_t>& counts) {
  nlohmann::json out = nlohmann::json::object();
  std::int64_t total = 0;
  for (const auto& [key, n] : counts) {
    out[std::string(core::enum_name(key))] = n;
    total += n;
  }
  out["total"] = total;
  return out;
}

}  // namespace

nlohmann::json to_json(const ConversionReport& r, std::string_view time_zone) {
  const ConversionCounts& t = r.totals;
  nlohmann::json out = {
      {"from", r.window ? nlohmann::json(r.window->from) : nlohmann::json()},
      {"to", r.window ? nlohmann::json(r.window->to) : nlohmann::json()},
      {"total_contacts", t.total},
      {"uploaded_contacts", t.total - r.inbound_contacts},
      {"inbound_contacts", r.inbound_contacts},
      {"conversion_rate", percent(t.converted, t.total)},
      {"total_conversion_value_paise", t.conversion_value_paise},
      {"average_conversion_value_paise", t.converted ? t.conversion_value_paise / t.converted : 0},
      {"self_reported_contacted", r.self_reported_contacted}};
  add_counts(out, t);
  out["by_staff"] = nlohmann::json::array();
  for (const StaffConversion& s : r.by_staff) {
    out["by_staff"].push_back({{"staff_id", s.staff_id.value()},
                               {"name", s.name},
                               {"assigned", s.counts.total},
                               {"contacted", s.counts.contacted},
                               {"converted", s.counts.converted},
                               {"yellow", s.counts.yellow},
                               {"conversion_value_paise", s.counts.conversion_value_paise},
                               {"interactions", s.interactions},
                               {"follow_ups_overdue", s.follow_ups_overdue}});
  }
  out["by_upload"] = nlohmann::json::array();
  for (const UploadConversion& u : r.by_upload) {
    nlohmann::json row = {{"upload_id", u.upload_id.value()},
                          {"file_name", u.file_name},
                          {"uploaded_at", core::format_instant(u.uploaded_at, time_zone)},
                          {"total", u.counts.total},
                          {"conversion_value_paise", u.counts.conversion_value_paise},
                          {"conversion_rate", percent(u.counts.converted, u.counts.total)}};
    add_counts(row, u.counts);
    out["by_upload"].push_back(std::move(row));
  }
  return out;
}

nlohmann::json to_json(const RefillReport& r) {
  nlohmann::json out = window_json(r.window);
  out["due"] = r.due;
  out["sent"] = {{"whatsapp", r.sent.whatsapp},
                 {"sms", r.sent.sms},
                 {"call", r.sent.call},
                 {"total", r.sent.whatsapp + r.sent.sms + r.sent.call}};
  out["responded"] = counts_with_total(r.responded);
  out["refilled_within_7_days"] = r.refilled_within_7_days;
  out["refill_rate"] = percent(r.refilled_within_7_days, r.due);
  out["cancelled"] = r.cancelled;
  out["messages"] = counts_with_total(r.messages);
  out["estimated_cost_paise"] = nullptr;
  if (const auto& cost = r.estimated_cost_paise) {
    out["estimated_cost_paise"] = {
        {"whatsapp", cost->whatsapp}, {"sms", cost->sms}, {"total", cost->whatsapp + cost->sms}};
  }
  out["steps"] = nlohmann::json::array();
  for (const RefillStepCount& s : r.steps) {
    out["steps"].push_back({{"step", s.step},
                            {"sent", s.sent},
                            {"answered", s.answered},
                            {"refilled_after", s.refilled_after}});
  }
  out["bill_durations"] = {{"bills", r.bill_durations.bills},
                           {"without_duration", r.bill_durations.without_duration},
                           {"skipped", r.bill_durations.skipped}};
  return out;
}

nlohmann::json to_json(const AdherenceReport& r) {
  nlohmann::json out = {{"as_of", r.as_of},
                        {"window_days", kAdherenceWindowDays},
                        {"customers", r.customers},
                        {"adherent", r.adherent},
                        {"adherent_share", percent(r.adherent, r.customers)}};
  out["distribution"] = nlohmann::json::array();
  for (int i = 0; i < 10; ++i) {
    out["distribution"].push_back(
        {{"from", i * 10}, {"to", (i + 1) * 10}, {"customers", r.distribution[i]}});
  }
  out["below_threshold"] = nlohmann::json::array();
  for (const AdherenceRow& row : r.below_threshold) {
    nlohmann::json medicines = nlohmann::json::array();
    for (const MedicinePdc& m : row.pdc.medicines) {
      medicines.push_back(
          {{"medicine", m.medicine}, {"pdc", round2(m.pdc)}, {"purchases", m.purchases}});
    }
    out["below_threshold"].push_back(
        {{"customer_id", row.customer_id.value()},
         {"name", core::nullable(row.name)},
         {"phone", row.phone},
         {"pdc", round2(row.pdc.pdc)},
         {"last_purchase_on", row.pdc.last_purchase_on},
         {"days_without_supply", row.pdc.days_without_supply},
         {"medicines", std::move(medicines)},
         {"lapse_risk",
          row.lapse_risk ? nlohmann::json::parse(*row.lapse_risk) : nlohmann::json()}});
  }
  return out;
}

nlohmann::json to_json(const CustomerReport& r) {
  nlohmann::json out = window_json(r.window);
  out["by_category"] = r.by_category;
  out["weekly"] = nlohmann::json::array();
  for (const WeekVisits& w : r.weekly) {
    out["weekly"].push_back(
        {{"week_start", w.week_start}, {"new", w.new_customers}, {"returning", w.returning}});
  }
  out["generic"] = {{"items", r.items},
                    {"generic_items", r.generic_items},
                    {"generic_share", percent(r.generic_items, r.items)},
                    {"customers_preferring_generic", r.customers_preferring_generic}};
  out["top_refilled_medicines"] = nlohmann::json::array();
  for (const MedicineCount& m : r.top_refilled_medicines)
    out["top_refilled_medicines"].push_back({{"medicine", m.medicine}, {"refills", m.count}});
  return out;
}

nlohmann::json to_json(const TimeseriesReport& r) {
  nlohmann::json out = {{"metric", core::enum_name(r.metric)},
                        {"interval", core::enum_name(r.interval)}};
  out.update(window_json(r.window));
  out["points"] = nlohmann::json::array();
  for (const TimeseriesPoint& p : r.points) {
    out["points"].push_back(
        {{"date", p.date}, {"count", p.count}, {"amount_paise", p.amount_paise}});
  }
  return out;
}

}  // namespace rx::reports
