#include "request_kind.h"

namespace rx::bench {
namespace {

// Per mille, in RequestKind order; uploads are set apart (RequestMix::kUploadsPerMille).
constexpr std::array<double, kRequestKinds> kWeights = {200, 200, 150, 100, 50, 200, 100, 0};

}  // namespace

std::string_view kind_name(RequestKind kind) {
  switch (kind) {
    case RequestKind::kContactList:
      return "contact_list";
    case RequestKind::kContactDetail:
      return "contact_detail";
    case RequestKind::kCustomerLookup:
      return "customer_lookup";
    case RequestKind::kRefillDue:
      return "refill_due";
    case RequestKind::kConversionReport:
      return "conversion_report";
    case RequestKind::kBillCreate:
      return "bill_create";
    case RequestKind::kInteraction:
      return "interaction";
    case RequestKind::kUpload:
      return "upload";
  }
  return "?";
}

RequestMix::RequestMix(bool manages, double uploads_per_mille) {
  std::array<double, kRequestKinds> weights = kWeights;
  weights[static_cast<std::size_t>(RequestKind::kUpload)] = uploads_per_mille;
  if (!manages) {
    weights[static_cast<std::size_t>(RequestKind::kConversionReport)] = 0;
    weights[static_cast<std::size_t>(RequestKind::kUpload)] = 0;
  }
  choose_ = std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
}

RequestKind RequestMix::pick(std::mt19937_64& rng) {
  return static_cast<RequestKind>(choose_(rng));
}

}  // namespace rx::bench
