#include "cli/commands.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/time_zone.h"
#include "insights_api/conversion_feature_repository.h"
#include "insights_api/conversion_scores.h"
#include "insights_api/insight_training.h"
#include "insights_api/lapse_scores.h"
#include "insights_api/refill_feature_repository.h"
#include "insights_api/scorer_json.h"
#include "storage/migrations.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rx::cli {
namespace {

// {name: value} of a feature vector.
template <std::size_t N>
nlohmann::json features_json(const std::array<double, N>& x,
                             const std::array<const char*, N>& names) {
  nlohmann::json features = nlohmann::json::object();
  for (std::size_t i = 0; i < x.size(); ++i) {
    const char* name = names[i];
    features[name ? std::string(name) : "feature_" + std::to_string(i)] = x[i];
  }
  return features;
}

nlohmann::json trained_json(core::ShopId shop, const insights_api::StoredModel& m) {
  return {{"shop", shop.value()},
          {"kind", std::string(core::enum_name(m.kind))},
          {"version", m.version},
          {"scorer", std::string(core::enum_name(m.scorer.kind))},
          {"reason", std::string(insights::baseline_reason_name(m.scorer.reason))},
          {"rows", m.scorer.rows},
          {"positives", m.scorer.positives},
          {"holdout", insights_api::holdout_json(m.scorer.model_holdout)},
          {"baseline_holdout", insights_api::holdout_json(m.scorer.baseline_holdout)}};
}

}  // namespace

// `rxtrack insights train --db URL [--shop N] [--now INSTANT]`: trains the conversion and the
// lapse scorers of one shop (or of every shop) now and rescores its open contacts and refill
// reminders, printing each stored model as a line of JSON.
// `rxtrack insights features --db URL --shop N (--contact ID | --reminder ID) --as-of INSTANT`:
// what the conversion score knew of a contact (or the lapse risk of a refill reminder) at that
// instant, and its score by the shop's current scorer, as JSON (the leakage checks read it).
Action add_insights_command(CLI::App& app) {
  auto url = std::make_shared<std::string>();
  auto shop = std::make_shared<std::int64_t>(0);
  auto contact = std::make_shared<std::int64_t>(0);
  auto reminder = std::make_shared<std::int64_t>(0);
  auto now = std::make_shared<std::string>();
  auto as_of = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("insights", "Train the insight scorers, inspect a score");
  cmd->require_subcommand(1);
  CLI::App* train = cmd->add_subcommand("train", "Train the conversion and lapse scorers, rescore");
  add_db_option(*train, *url);
  train->add_option("--shop", *shop, "only this shop's id");
  train->add_option("--now", *now, "the instant to train as, e.g. 2026-11-25T10:30:00+05:30");
  CLI::App* features = cmd->add_subcommand(
      "features", "Print a contact's or a reminder's features as of an instant");
  add_db_option(*features, *url);
  features->add_option("--shop", *shop, "the shop's id")->required();
  CLI::Option* contact_option = features->add_option("--contact", *contact, "the contact's id");
  features->add_option("--reminder", *reminder, "the refill reminder's id")
      ->excludes(contact_option);
  features->add_option("--as-of", *as_of, "the instant, e.g. 2026-11-25T10:30:00+05:30")
      ->required();
  return [url, shop, contact, reminder, now, as_of, train, features] {
    return run_reporting_errors([&] {
      core::SystemClock system_clock;
      const std::unique_ptr<core::Clock> command_time = command_clock(*now);
      const core::Clock& clock = *command_time;
      auto db = storage::open_database(*url, 2);
      storage::migrate(*db, system_clock.now_ms());
      if (train->parsed()) {
        insights_api::InsightTraining training(*db, clock);
        const std::vector<core::ShopId> shops =
            *shop > 0 ? std::vector<core::ShopId>{core::ShopId(*shop)} : training.shop_ids();
        for (const core::ShopId id : shops) {
          std::printf("%s\n", trained_json(id, training.train_conversion(id)).dump().c_str());
          std::printf("%s\n", trained_json(id, training.train_lapse(id)).dump().c_str());
        }
      } else if (features->parsed() && *reminder > 0) {
        const std::int64_t at = parse_instant_option(*as_of, "--as-of");
        std::optional<insights::RefillSnapshot> snapshot;
        std::optional<insights::TrainedScorer> scorer;
        db->with_connection([&](storage::Connection& c) {
          snapshot = insights_api::RefillFeatureRepository::snapshot(
              c, core::ShopId(*shop), core::RefillReminderId(*reminder), at);
          scorer = insights_api::LapseRiskStore::current_scorer(c, core::ShopId(*shop));
        });
        if (!snapshot)
          throw core::AppError(core::ErrorCode::kNotFound, "no such refill reminder in the shop");
        const nlohmann::json out = {
            {"features",
             features_json(insights::refill_features(*snapshot), insights::refill_feature_names())},
            {"score", nlohmann::json::parse(insights_api::score_json(
                          insights_api::score_reminder(*scorer, *snapshot)))}};
        std::printf("%s\n", out.dump().c_str());
      } else if (features->parsed()) {
        if (*contact <= 0)
          throw core::AppError(core::ErrorCode::kValidation, "--contact or --reminder is required");
        const std::int64_t at = parse_instant_option(*as_of, "--as-of");
        std::optional<insights::ContactSnapshot> snapshot;
        std::optional<insights::TrainedScorer> scorer;
        db->with_connection([&](storage::Connection& c) {
          snapshot = insights_api::ConversionFeatureRepository::snapshot(
              c, core::ShopId(*shop), core::ContactId(*contact), at);
          scorer = insights_api::ConversionScoreStore::current_scorer(c, core::ShopId(*shop));
        });
        if (!snapshot)
          throw core::AppError(core::ErrorCode::kNotFound, "no such contact in the shop");
        const nlohmann::json out = {
            {"features", features_json(insights::contact_features(*snapshot),
                                       insights::contact_feature_names())},
            {"score", nlohmann::json::parse(insights_api::score_json(
                          insights_api::score_contact(*scorer, *snapshot)))}};
        std::printf("%s\n", out.dump().c_str());
      }
      db->close();
      return 0;
    });
  };
}

}  // namespace rx::cli
