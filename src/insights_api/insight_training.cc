#include "insights_api/insight_training.h"

#include "storage/codec.h"

#include "insights/scorer_training.h"
#include "insights_api/conversion_feature_repository.h"
#include "insights_api/conversion_scores.h"
#include "insights_api/lapse_scores.h"
#include "insights_api/refill_feature_repository.h"
#include "insights_api/score_rows_writer.h"

#include "core/time_zone.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <utility>
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

// What a training reads, in one read transaction: the labelled history and the open rows.
template <typename Open>
struct Reading {
  insights::LabelledSet labelled;
  std::vector<Open> open;
};

// What training reads, scores and stores for each kind of scorer; train_kind and rescore hold
// the steps the kinds share.
struct ConversionKind {
  static constexpr ModelKind kKind = ModelKind::kConversion;
  static Reading<OpenContact> read(storage::Connection& c, core::ShopId shop, std::int64_t now) {
    ConversionFeatureRepository::TrainingRows rows =
        ConversionFeatureRepository::training_rows(c, shop, now);
    return {conversion_set(rows.labelled), std::move(rows.open)};
  }
  static auto score(const insights::TrainedScorer& scorer, const OpenContact& row) {
    return std::pair(row.id, score_contact(scorer, row.snapshot));
  }
  static StoredScores stored(storage::Connection& c, core::ShopId shop) {
    return ConversionScoreStore::stored(c, shop);
  }
  static void store(storage::Connection& c, core::ShopId shop,
                    const std::vector<std::pair<core::ContactId, ScoredRow>>& scores,
                    const StoredScores& already) {
    ConversionScoreStore::store(c, shop, scores, &already);
  }
  static void clear_closed(storage::Connection& c, core::ShopId shop) {
    ConversionScoreStore::clear_closed(c, shop);
  }
};

struct LapseKind {
  static constexpr ModelKind kKind = ModelKind::kLapse;
  static Reading<OpenReminder> read(storage::Connection& c, core::ShopId shop, std::int64_t now) {
    return {lapse_set(RefillFeatureRepository::labelled(c, shop, now)),
            RefillFeatureRepository::open_reminders(c, shop, now, false)};
  }
  static auto score(const insights::TrainedScorer& scorer, const OpenReminder& row) {
    return std::pair(row.id, score_reminder(scorer, row.snapshot));
  }
  // The risks stay on the reminders, whose UPDATE leaves unchanged ones out itself.
  static StoredScores stored(storage::Connection&, core::ShopId) { return {}; }
  static void store(storage::Connection& c, core::ShopId shop,
                    const std::vector<std::pair<core::RefillReminderId, ScoredRow>>& risks,
                    const StoredScores&) {
    LapseRiskStore::store(c, shop, risks);
  }
  static void clear_closed(storage::Connection& c, core::ShopId shop) {
    LapseRiskStore::clear_closed(c, shop);
  }
};

// Scores `open` with `scorer` (outside any transaction) and stores the scores that differ from
// `stored`, kScoreBatch to a write transaction.
template <typename Kind, typename Row>
void rescore(storage::Database& db, core::ShopId shop_id, const insights::TrainedScorer& scorer,
             const std::vector<Row>& open, const StoredScores& stored) {
  for (std::size_t first = 0; first < open.size(); first += kScoreBatch) {
    std::vector<decltype(Kind::score(scorer, open.front()))> scores;
    for (std::size_t i = first; i < std::min(open.size(), first + kScoreBatch); ++i)
      scores.push_back(Kind::score(scorer, open[i]));
    db.transaction(storage::TxMode::kWrite,
                   [&](storage::Connection& c) { Kind::store(c, shop_id, scores, stored); });
  }
}

// Trains the shop's scorer of this kind, stores it as the next version, rescores every open row
// and clears the scores of closed ones. The history and the open rows are read together, before
// the fit: a row opened during the fit is scored by its own refresh or the next training.
template <typename Kind>
StoredModel train_kind(storage::Database& db, core::ShopId shop_id, std::int64_t now) {
  decltype(Kind::read(std::declval<storage::Connection&>(), shop_id, now)) reading;
  StoredScores scores;
  db.transaction(storage::TxMode::kRead, [&](storage::Connection& c) {
    reading = Kind::read(c, shop_id, now);
    scores = Kind::stored(c, shop_id);
  });
  StoredModel stored;
  stored.kind = Kind::kKind;
  stored.trained_at = now;
  stored.scorer = insights::train_scorer(reading.labelled);
  reading.labelled = {};  // the history's memory is not held through the rescoring
  db.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    stored.version = InsightModelRepository::insert(c, shop_id, Kind::kKind, stored.scorer, now);
  });
  rescore<Kind>(db, shop_id, stored.scorer, reading.open, scores);
  db.transaction(storage::TxMode::kWrite,
                 [&](storage::Connection& c) { Kind::clear_closed(c, shop_id); });
  return stored;
}

}  // namespace

StoredModel InsightTraining::train_lapse(core::ShopId shop_id) {
  return train_kind<LapseKind>(db_, shop_id, clock_.now_ms());
}

StoredModel InsightTraining::train_conversion(core::ShopId shop_id) {
  return train_kind<ConversionKind>(db_, shop_id, clock_.now_ms());
}

int InsightTraining::score_new_reminders(core::ShopId shop_id) {
  const std::int64_t now = clock_.now_ms();
  std::vector<OpenReminder> open;
  insights::TrainedScorer scorer;
  db_.transaction(storage::TxMode::kRead, [&](storage::Connection& c) {
    open = RefillFeatureRepository::open_reminders(c, shop_id, now, true);
    if (!open.empty()) scorer = LapseRiskStore::current_scorer(c, shop_id);
  });
  rescore<LapseKind>(db_, shop_id, scorer, open, StoredScores{});
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
