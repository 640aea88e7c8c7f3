#pragma once

#include "http/router.h"
#include "insights_api/insight_models_service.h"

namespace rx::insights_api {

// GET /api/customer-tracking/insights/models for owners and managers: each scorer's kind,
// whether the model or the baseline scores and why, its training rows and its holdout figures
// beside the baseline's.
void register_insight_models_routes(http::Router& router, InsightModelsService& service);

}  // namespace rx::insights_api
