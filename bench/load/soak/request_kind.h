#pragma once

#include <array>
#include <cstddef>
#include <random>
#include <string_view>

namespace rx::bench {

// What one request of the soak does.
enum class RequestKind {
  kContactList,
  kContactDetail,
  kCustomerLookup,
  kRefillDue,
  kConversionReport,
  kBillCreate,
  kInteraction,
  kUpload,
};
inline constexpr std::size_t kRequestKinds = 8;

// A short stable name for reports ("bill_create").
std::string_view kind_name(RequestKind kind);

// The weighted mix a client draws its next request from: mostly the telecallers' and the
// counter's reads, a fifth bills, some logged calls and, rarely, a sheet upload. Staff-role
// accounts draw neither the conversion report nor uploads (owner and manager only).
class RequestMix {
 public:
  // Uploads in a thousand requests of an owner or manager.
  static constexpr double kUploadsPerMille = 3;

  RequestMix(bool manages, double uploads_per_mille);
  RequestKind pick(std::mt19937_64& rng);

 private:
  std::discrete_distribution<std::size_t> choose_;
};

}  // namespace rx::bench
