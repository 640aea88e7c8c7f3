#pragma once

#include "core/clock.h"
#include "core/strong_id.h"
#include "insights_api/insight_model_repository.h"
#include "storage/database.h"

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace rx::insights_api {

// Trains a shop's scorers from its own history and brings the scores kept on its rows up to
// date. Reads and writes only the one shop's rows. Throws what the database throws (kUnavailable,
// kInternal); a second training storing the same version at once fails with kConflict.
class InsightTraining {
 public:
  InsightTraining(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // The conversion scorer: trained on the shop's labelled contacts
  // (ConversionFeatureRepository::training_rows), judged against the baseline on the latest 20% by
  // upload time (insights::train_scorer), stored as the next version; then every open contact
  // is rescored with it and closed ones lose their score. Returns what was stored.
  StoredModel train_conversion(core::ShopId shop_id);

  // The lapse scorer: trained on the shop's labelled refill reminders
  // (RefillFeatureRepository::labelled), judged against the baseline on the latest 20% by
  // run-out day, stored as the next version; then every open (pending or sent) reminder is
  // rescored with it and closed ones lose their risk. Returns what was stored.
  StoredModel train_lapse(core::ShopId shop_id);

  // Gives each open reminder without a risk (made by a bill since) its risk by the shop's
  // current lapse scorer. Returns how many were scored.
  int score_new_reminders(core::ShopId shop_id);

  // The nightly run: each shop and kind (conversion, lapse) whose claim for today (UTC) this
  // caller wins is trained, so that of several servers on one database only one trains a shop's
  // scorer of a kind a day. Returns the trainings done.
  int train_nightly();

  // The reminder scheduler's job after each pass (every minute): the nightly run when it is due,
  // then score_new_reminders for every shop, so that a bill never waits for a risk.
  void each_pass();

  // Every shop's id, in order: what the nightly run and `rxtrack insights train` walk.
  std::vector<core::ShopId> shop_ids();

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  std::string nightly_done_for_;  // the UTC day whose nightly run this object finished
};

// Trainings asked for by uploads, run one at a time on a thread of its own so that the upload's
// answer does not wait; a shop asked for again before its turn is trained once.
class TrainingQueue {
 public:
  explicit TrainingQueue(InsightTraining& training) : training_(training) {}
  ~TrainingQueue();
  TrainingQueue(const TrainingQueue&) = delete;
  TrainingQueue& operator=(const TrainingQueue&) = delete;

  void start();
  // Waits for a training under way to finish; those still waiting are dropped (the nightly run
  // catches them up).
  void stop();
  void request(core::ShopId shop_id);

 private:
  void loop();

  InsightTraining& training_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::set<std::int64_t> waiting_;  // GUARDED_BY(mutex_)
  bool stopping_ = false;           // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace rx::insights_api
