#pragma once

#include <tl/expected.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "import/import_types.h"
#include "import/zip_archive.h"

namespace rx::import {

// Callbacks for one XML part, streamed through expat. Names are local names: any prefix is
// dropped, so "x:row" and "row" read alike.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start_element(std::string_view name, const char** attributes) = 0;
  virtual void end_element(std::string_view name) = 0;
  virtual void characters(std::string_view text) = 0;

  // Set by a handler to end the parse early: stop() when it has what it needs, fail() when the
  // content is unacceptable.
  void stop() { stopped_ = true; }
  void fail(ImportFailure failure) {
    failure_ = std::move(failure);
    stopped_ = true;
  }
  bool stopped() const { return stopped_; }
  const std::optional<ImportFailure>& failure() const { return failure_; }

  // The value of the attribute whose local name is `name` (namespace ignored), or empty.
  // `namespaced` requires a prefix, e.g. r:id.
  static std::optional<std::string_view> attribute(const char** attributes, std::string_view name,
                                                   bool namespaced = false);

 private:
  bool stopped_ = false;
  std::optional<ImportFailure> failure_;
};

// Parses entry `index` of `archive` with `handler`. Refuses any DOCTYPE (so no entity can expand,
// billion laughs included) and malformed XML as kMalformed; inflation counts against `budget`.
// `progress` gets the inflated bytes read so far, now and then.
tl::expected<void, ImportFailure> parse_xml_part(
    const ZipArchive& archive, std::uint64_t index, InflateBudget& budget, XmlHandler& handler,
    const std::function<void(std::uint64_t)>& progress = {});

}  // namespace rx::import
