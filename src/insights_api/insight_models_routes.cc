#include "insights_api/insight_models_routes.h"

#include "core/time_zone.h"
#include "insights_api/scorer_json.h"

#include <nlohmann/json.hpp>

namespace rx::insights_api {
namespace {

// {"rows","auc","brier","lift"}: the stored figures without the positives.
nlohmann::json holdout_answer(const insights::HoldoutMetrics& m) {
  nlohmann::json json = holdout_json(m);
  json.erase("positives");
  return json;
}

nlohmann::json to_json(const StoredModel& m, std::string_view tz) {
  const bool trained = m.version > 0;
  return {{"kind", std::string(core::enum_name(m.kind))},
          {"scorer", std::string(core::enum_name(m.scorer.kind))},
          {"reason", std::string(insights::baseline_reason_name(m.scorer.reason))},
          {"version", m.version},
          {"trained_at",
           trained ? nlohmann::json(core::format_instant(m.trained_at, tz)) : nlohmann::json()},
          {"rows", m.scorer.rows},
          {"positives", m.scorer.positives},
          {"holdout", holdout_answer(m.scorer.model_holdout)},
          {"baseline_holdout", holdout_answer(m.scorer.baseline_holdout)}};
}

}  // namespace

void register_insight_models_routes(http::Router& router, InsightModelsService& service) {
  router.get("/api/customer-tracking/insights/models", http::Access::kManagerOrOwner,
             [&service](http::RequestContext& ctx, httplib::Response& res) {
               nlohmann::json models = nlohmann::json::array();
               for (const StoredModel& m : service.list(ctx.principal()))
                 models.push_back(to_json(m, ctx.principal().time_zone));
               http::reply_json(res, 200, {{"models", std::move(models)}});
             });
}

}  // namespace rx::insights_api
