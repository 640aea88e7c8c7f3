#include "cli/commands.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/time_zone.h"
#include "insights_api/conversion_feature_repository.h"
#include "insights_api/conversion_scores.h"
#include "insights_api/insight_training.h"
#include "insights_api/scorer_json.h"
#include "storage/migrations.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rx::cli {
namespace {

nlohmann::json snapshot_json(const insights::ContactSnapshot& s) {
  nlohmann::json features = nlohmann::json::object();
  const auto x = insights::contact_features(s);
  const auto& names = insights::contact_feature_names();
  for (std::size_t i = 0; i < x.size(); ++i) {
    const char* name = i < names.size() && names[i] ? names[i] : nullptr;
    features[name ? std::string(name) : "feature_" + std::to_string(i)] = x[i];
  }
  return features;
}

}  // namespace

// `rxtrack insights train --db URL [--shop N] [--now INSTANT]`: trains the conversion scorer of
// one shop (or of every shop) now and rescores its open contacts, printing each stored model.
// `rxtrack insights features --db URL --shop N --contact ID --as-of INSTANT`: what the
// conversion score knew of a contact at that instant, and its score by the shop's current
// scorer, as JSON (the leakage check of the tests reads it).
Action add_insights_command(CLI::App& app) {
  auto url = std::make_shared<std::string>();
  auto shop = std::make_shared<std::int64_t>(0);
  auto contact = std::make_shared<std::int64_t>(0);
  auto now = std::make_shared<std::string>();
  auto as_of = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("insights", "Train the insight scorers, inspect a score");
  cmd->require_subcommand(1);
  CLI::App* train = cmd->add_subcommand("train", "Train the conversion scorer and rescore");
  add_db_option(*train, *url);
  train->add_option("--shop", *shop, "only this shop's id");
  train->add_option("--now", *now, "the instant to train as, e.g. 2026-11-25T10:30:00+05:30");
  CLI::App* features =
      cmd->add_subcommand("features", "Print a contact's conversion features as of an instant");
  add_db_option(*features, *url);
  features->add_option("--shop", *shop, "the shop's id")->required();
  features->add_option("--contact", *contact, "the contact's id")->required();
  features->add_option("--as-of", *as_of, "the instant, e.g. 2026-11-25T10:30:00+05:30")
      ->required();
  return [url, shop, contact, now, as_of, train, features] {
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
          const insights_api::StoredModel m = training.train_conversion(id);
          const nlohmann::json line = {
              {"shop", id.value()},
              {"kind", "conversion"},
              {"version", m.version},
              {"scorer", std::string(core::enum_name(m.scorer.kind))},
              {"reason", std::string(insights::baseline_reason_name(m.scorer.reason))},
              {"rows", m.scorer.rows},
              {"positives", m.scorer.positives},
              {"holdout", insights_api::holdout_json(m.scorer.model_holdout)},
              {"baseline_holdout", insights_api::holdout_json(m.scorer.baseline_holdout)}};
          std::printf("%s\n", line.dump().c_str());
        }
      } else if (features->parsed()) {
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
            {"features", snapshot_json(*snapshot)},
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
