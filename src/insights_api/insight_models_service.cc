#include "insights_api/insight_models_service.h"

#include "insights/contact_features.h"
#include "insights/refill_features.h"
#include "insights_api/conversion_scores.h"

namespace rx::insights_api {

std::vector<StoredModel> InsightModelsService::list(const auth::Principal& actor) {
  std::vector<StoredModel> out;
  db_.transaction(storage::TxMode::kRead, [&](storage::Connection& c) {
    const core::ShopId shop(actor.shop_id);
    for (const ModelKind kind : {ModelKind::kConversion, ModelKind::kLapse}) {
      if (auto stored = InsightModelRepository::latest(c, shop, kind)) {
        out.push_back(std::move(*stored));
        continue;
      }
      StoredModel untrained;
      untrained.kind = kind;
      untrained.scorer = untrained_scorer(kind == ModelKind::kConversion
                                              ? insights::ContactSnapshot::kOutcomeCount
                                              : insights::RefillSnapshot::kHistoryCount);
      out.push_back(std::move(untrained));
    }
  });
  return out;
}

}  // namespace rx::insights_api
