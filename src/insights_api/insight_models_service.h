#pragma once

#include "core/identity/principal.h"
#include "insights_api/insight_model_repository.h"
#include "storage/database.h"

#include <vector>

namespace rx::insights_api {

// The scorers a shop's scores come from, with how each did on held-out data.
class InsightModelsService {
 public:
  explicit InsightModelsService(storage::Database& db) : db_(db) {}

  // The newest conversion and lapse scorer of the actor's shop, in that order; a kind never
  // trained is the untrained baseline (version 0, reason too_few_labelled, no rows). Throws what
  // the database throws (kUnavailable, kInternal).
  std::vector<StoredModel> list(const auth::Principal& actor);

 private:
  storage::Database& db_;
};

}  // namespace rx::insights_api
