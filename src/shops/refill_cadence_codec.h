#pragma once

// How shops.refill_cadence is stored: the cadence's days as a JSON array ("[-5,-1,3]").

#include "automation/refill_cadence.h"
#include "core/error.h"
#include "storage/codec.h"

#include <nlohmann/json.hpp>

template <>
struct rx::storage::Codec<rx::automation::RefillCadence> {
  // Throws AppError(kInternal) for a value that is not a list of whole days: written by hand or
  // by a newer rxtrack, it must not be guessed at.
  static automation::RefillCadence read(const RowView& row, std::size_t i) {
    const nlohmann::json days = nlohmann::json::parse(row.text_at(i), nullptr, false);
    automation::RefillCadence cadence;
    cadence.offsets.clear();
    if (days.is_array() && !days.empty()) {
      for (const nlohmann::json& day : days) {
        if (!day.is_number_integer()) break;
        cadence.offsets.push_back(day.get<int>());
      }
      if (cadence.offsets.size() == days.size()) return cadence;
    }
    throw core::AppError(core::ErrorCode::kInternal,
                         "the database holds a refill cadence this version does not know");
  }
  static Value bind(const automation::RefillCadence& cadence) {
    return Value(nlohmann::json(cadence.offsets).dump());
  }
};
