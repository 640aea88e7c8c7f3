#include "http/fair_gate.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace rx::http {
namespace {

void wait_until_waiting(const FairGate& gate, std::size_t count) {
  while (gate.waiting() < count) std::this_thread::yield();
}

TEST(FairGate, AdmitsWaitersInTheOrderTheyArrived) {
  FairGate gate(1);
  std::mutex order_mutex;
  std::vector<int> order;
  std::optional<FairGate::Pass> first(std::in_place, gate);
  std::vector<std::thread> threads;
  for (int i = 0; i < 5; ++i) {
    threads.emplace_back([&, i] {
      const FairGate::Pass pass(gate);
      const std::lock_guard<std::mutex> lock(order_mutex);
      order.push_back(i);
    });
    wait_until_waiting(gate, static_cast<std::size_t>(i) + 1);
  }
  first.reset();
  for (auto& t : threads) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
  EXPECT_EQ(gate.waiting(), 0u);
}

TEST(FairGate, NeverLetsMoreThanItsCapacityInAtOnce) {
  constexpr int kCapacity = 3;
  FairGate gate(kCapacity);
  std::atomic<int> inside{0};
  std::atomic<int> most_inside{0};
  std::atomic<int> entries{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 2000; ++i) {
        const FairGate::Pass pass(gate);
        const int now = ++inside;
        int seen = most_inside.load();
        while (now > seen && !most_inside.compare_exchange_weak(seen, now)) {
        }
        ++entries;
        --inside;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(entries.load(), 8 * 2000);
  EXPECT_LE(most_inside.load(), kCapacity);
  EXPECT_GE(most_inside.load(), 1);
  EXPECT_EQ(gate.waiting(), 0u);
}

TEST(FairGate, ANewcomerDoesNotOvertakeSomeoneAlreadyWaiting) {
  FairGate gate(1);
  std::atomic<int> first_in{-1};
  std::optional<FairGate::Pass> holder(std::in_place, gate);
  std::thread waiter([&] {
    const FairGate::Pass pass(gate);
    int expected = -1;
    first_in.compare_exchange_strong(expected, 1);
  });
  wait_until_waiting(gate, 1);
  // The holder leaves and at once tries to enter again: the waiter must come first.
  holder.reset();
  {
    const FairGate::Pass again(gate);
    int expected = -1;
    first_in.compare_exchange_strong(expected, 2);
  }
  waiter.join();
  EXPECT_EQ(first_in.load(), 1);
}

}  // namespace
}  // namespace rx::http
