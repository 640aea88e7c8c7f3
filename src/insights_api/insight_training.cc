#include "insights_api/insight_training.h"

#include "storage/codec.h"

#include "insights/scorer_training.h"
#include "insights_api/conversion_feature_repository.h"
#include "insights_api/conversion_scores.h"
#include "insights_api/lapse_scores.h"
#include "insights_api/refill_feature_repository.h"

#include "core/time_zone.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <vector>

namespace rx::insights_api {
namespace {

// Open contacts are rescored and stored this many to a write transaction, so that a large shop
// never holds the database's write lock for long.
constexpr std::size_t kScoreBatch = 2000;

insights::LabelledSet conversion_set(const std::vector<LabelledContact>& history) {
  insights::LabelledSet set;
  set.features = insights::kContactFeatureCount;
  set.category_count = insights::ContactSnapshot::kOutcomeCount;
  for (const LabelledContact& row : history) {
    set.add(insights::contact_features(row.snapshot),
            insights::outcome_category(row.snapshot.last_outcome), row.uploaded_at,
            row.converted ? 1 : 0);
  }
  return set;
}

insights::LabelledSet lapse_set(const std::vector<LabelledReminder>& history) {
  insights::LabelledSet set;
  set.features = insights::kRefillFeatureCount;
  set.category_count = insights::RefillSnapshot::kHistoryCount;
  for (const LabelledReminder& row : history) {
    set.add(insights::refill_features(row.snapshot),
            insights::history_category(row.snapshot.history), row.runs_out_at, row.lapsed ? 1 : 0);
  }
  return set;
}

// Scores `open` with `scorer` and stores the risks, kScoreBatch to a write transaction.
void store_risks(storage::Database& db, core::ShopId shop_id, const insights::TrainedScorer& scorer,
                 const std::vector<OpenReminder>& open) {
  for (std::size_t first = 0; first < open.size(); first += kScoreBatch) {
    std::vector<std::pair<core::RefillReminderId, ScoredRow>> risks;
    for (std::size_t i = first; i < std::min(open.size(), first + kScoreBatch); ++i)
      risks.emplace_back(open[i].id, score_reminder(scorer, open[i].snapshot));
    db.transaction(storage::TxMode::kWrite,
                   [&](storage::Connection& c) { LapseRiskStore::store(c, shop_id, risks); });
  }
}

}  // namespace

StoredModel InsightTraining::train_lapse(core::ShopId shop_id) {
  const std::int64_t now = clock_.now_ms();
  std::vector<LabelledReminder> history;
  db_.transaction(storage::TxMode::kRead, [&](storage::Connection& c) {
    history = RefillFeatureRepository::labelled(c, shop_id, now);
  });
  StoredModel stored;
  stored.kind = ModelKind::kLapse;
  stored.trained_at = now;
  stored.scorer = insights::train_scorer(lapse_set(history));
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    stored.version =
        InsightModelRepository::insert(c, shop_id, ModelKind::kLapse, stored.scorer, now);
  });
  std::vector<OpenReminder> open;
  db_.transaction(storage::TxMode::kRead, [&](storage::Connection& c) {
    open = RefillFeatureRepository::open_reminders(c, shop_id, now, false);
  });
  store_risks(db_, shop_id, stored.scorer, open);
  db_.transaction(storage::TxMode::kWrite,
                  [&](storage::Connection& c) { LapseRiskStore::clear_closed(c, shop_id); });
  return stored;
}

int InsightTraining::score_new_reminders(core::ShopId shop_id) {
  const std::int64_t now = clock_.now_ms();
  std::vector<OpenReminder> open;
  insights::TrainedScorer scorer;
  db_.transaction(storage::TxMode::kRead, [&](storage::Connection& c) {
    open = RefillFeatureRepository::open_reminders(c, shop_id, now, true);
    if (!open.empty()) scorer = LapseRiskStore::current_scorer(c, shop_id);
  });
  store_risks(db_, shop_id, scorer, open);
  return static_cast<int>(open.size());
}

void InsightTraining::each_pass() {
  train_nightly();
  for (const core::ShopId shop : shop_ids()) {
    try {
      score_new_reminders(shop);
    } catch (const std::exception& error) {
      spdlog::error("lapse risks of shop {}'s new reminders failed: {}", shop.value(),
                    error.what());
    }
  }
}

StoredModel InsightTraining::train_conversion(core::ShopId shop_id) {
  const std::int64_t now = clock_.now_ms();
  std::vector<LabelledContact> history;
  db_.transaction(storage::TxMode::kRead, [&](storage::Connection& c) {
    history = ConversionFeatureRepository::labelled(c, shop_id, now);
  });
  StoredModel stored;
  stored.kind = ModelKind::kConversion;
  stored.trained_at = now;
  stored.scorer = insights::train_scorer(conversion_set(history));
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    stored.version =
        InsightModelRepository::insert(c, shop_id, ModelKind::kConversion, stored.scorer, now);
  });

  std::vector<OpenContact> open;
  db_.transaction(storage::TxMode::kRead, [&](storage::Connection& c) {
    open = ConversionFeatureRepository::open_contacts(c, shop_id, now);
  });
  for (std::size_t first = 0; first < open.size(); first += kScoreBatch) {
    std::vector<std::pair<core::ContactId, ScoredRow>> scores;
    for (std::size_t i = first; i < std::min(open.size(), first + kScoreBatch); ++i)
      scores.emplace_back(open[i].id, score_contact(stored.scorer, open[i].snapshot));
    db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
      ConversionScoreStore::store(c, shop_id, scores);
    });
  }
  db_.transaction(storage::TxMode::kWrite,
                  [&](storage::Connection& c) { ConversionScoreStore::clear_closed(c, shop_id); });
  return stored;
}

int InsightTraining::train_nightly() {
  const std::int64_t now = clock_.now_ms();
  const std::string today = core::local_date(now, "UTC");
  if (today == nightly_done_for_) return 0;
  const std::vector<core::ShopId> shops = shop_ids();
  int trained = 0;
  for (const core::ShopId shop : shops) {
    for (const ModelKind kind : {ModelKind::kConversion, ModelKind::kLapse}) {
      bool mine = false;
      db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
        mine = InsightModelRepository::claim_day(c, shop, kind, today, now);
      });
      if (!mine) continue;
      try {
        if (kind == ModelKind::kConversion) {
          train_conversion(shop);
        } else {
          train_lapse(shop);
        }
        ++trained;
      } catch (const std::exception& error) {
        spdlog::error("nightly {} training of shop {} failed: {}", core::enum_name(kind),
                      shop.value(), error.what());
      }
    }
  }
  nightly_done_for_ = today;
  return trained;
}

std::vector<core::ShopId> InsightTraining::shop_ids() {
  std::vector<core::ShopId> shops;
  db_.with_connection([&](storage::Connection& c) {
    shops = storage::rows_as(
        c, "SELECT id FROM shops ORDER BY id", {},
        [](const storage::RowView& r) { return storage::Codec<core::ShopId>::read(r, 0); });
  });
  return shops;
}

TrainingQueue::~TrainingQueue() { stop(); }

void TrainingQueue::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { loop(); });
}

void TrainingQueue::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void TrainingQueue::request(core::ShopId shop_id) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    waiting_.insert(shop_id.value());
  }
  wake_.notify_all();
}

void TrainingQueue::loop() {
  for (;;) {
    std::int64_t shop = 0;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !waiting_.empty(); });
      if (stopping_) return;
      shop = *waiting_.begin();
      waiting_.erase(waiting_.begin());
    }
    try {
      const StoredModel model = training_.train_conversion(core::ShopId(shop));
      spdlog::info("shop {}: conversion scorer v{} trained on {} contacts ({})", shop,
                   model.version, model.scorer.rows, core::enum_name(model.scorer.kind));
    } catch (const std::exception& error) {
      spdlog::error("training of shop {} failed: {}", shop, error.what());
    }
  }
}

}  // namespace rx::insights_api
