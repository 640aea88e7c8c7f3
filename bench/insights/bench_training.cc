// Training cost of one shop's scorer on synthetic labelled rows shaped like contacts: 12
// features, one in ten converting. Run: build/rel/bench/insights/bench_training.
#include "insights/scorer_training.h"

#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

namespace {

rx::insights::LabelledSet make_set(std::size_t rows) {
  constexpr std::size_t kFeatures = 12;
  std::mt19937_64 rng(42);
  std::normal_distribution<double> normal;
  std::uniform_real_distribution<double> unit;
  rx::insights::LabelledSet set;
  set.features = kFeatures;
  set.category_count = 9;
  std::vector<double> x(kFeatures);
  for (std::size_t i = 0; i < rows; ++i) {
    double t = -2.5;
    for (std::size_t j = 0; j < kFeatures; ++j) {
      x[j] = normal(rng);
      t += (j % 3 == 0 ? 0.6 : 0.1) * x[j];
    }
    const int label = unit(rng) < 1 / (1 + std::exp(-t)) ? 1 : 0;
    set.add(x, static_cast<int>(i % 9), static_cast<std::int64_t>(i), label);
  }
  return set;
}

void BM_TrainScorer(benchmark::State& state) {
  const rx::insights::LabelledSet set = make_set(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    const rx::insights::TrainedScorer scorer = rx::insights::train_scorer(set);
    benchmark::DoNotOptimize(scorer.model.intercept);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_TrainScorer)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
