// Feeds arbitrary bytes to the xls reader directly (skipping format detection, so every input
// exercises it). Any crash, sanitizer report or leak is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "import/xls_reader.h"
#include "null_sink.h"
#include "phone/phone_normalizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const rx::phone::PhoneNormalizer normalizer("IN");
  rx::fuzz::NullSink sink;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)rx::import::read_xls(bytes, normalizer, sink);
  return 0;
}
