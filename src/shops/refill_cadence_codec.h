#pragma once

// How shops.refill_cadence is stored: the cadence's days as a JSON array ("[-5,-1,3]").

#include "automation/refill_cadence.h"
#include "core/error.h"
#include "storage/codec.h"

template <>
struct rx::storage::Codec<rx::automation::RefillCadence> {
  // Throws AppError(kInternal) for a value that is not a list of whole days: written by hand or
  // by a newer rxtrack, it must not be guessed at.
  static automation::RefillCadence read(const RowView& row, std::size_t i) {
    automation::RefillCadence cadence;
    cadence.offsets = Codec<std::vector<int>>::read(row, i);
    if (cadence.offsets.empty()) {
      throw core::AppError(core::ErrorCode::kInternal,
                           "the database holds a refill cadence this version does not know");
    }
    return cadence;
  }
  static Value bind(const automation::RefillCadence& cadence) {
    return Codec<std::vector<int>>::bind(cadence.offsets);
  }
};
