#pragma once

#include <tl/expected.hpp>

#include <sys/resource.h>

#include <string_view>

#include "import/contact_sink.h"
#include "import/import_types.h"
#include "import/sheet_choice.h"
#include "import/xls_frames.h"
#include "phone/phone_normalizer.h"

namespace rx::import {

// What the forked reader child runs once it is inside its sandbox: it reads the workbook at
// `path` and sends its cells to the parent through `out`. Returns the child's exit status.
using XlsChildBody = int (*)(const char* path, XlsFrameWriter& out);

// read_xls with the child's work given: read_xls passes the libfreexl reader and nothing else
// does in the server. Tests pass hostile bodies (one that reads a descriptor of the parent's,
// one that maps 2 GB) to show the sandbox and the parent's handling of a failed child.
tl::expected<ParseSummary, ImportFailure> read_xls_in_child(
    std::string_view bytes, const phone::PhoneNormalizer& normalizer, ContactSink& sink,
    const ReadOptions& options, XlsChildBody body);

// The child's limits (docs/deploy.md, "Threat model"). Memory: libfreexl holds the workbook, its
// strings and 16 bytes for every cell of a sheet's declared range; a 6.8 MB workbook of 65,535
// rows grew its address space by 36 MB (measured), so a 20 MB one needs about 110 MB, and 256 MB
// leaves room while refusing the 256 MB a 5 KB file claiming 65,536 x 256 cells asks for.
inline constexpr rlim_t kXlsChildMemoryBudget = 256ull * 1024 * 1024;
inline constexpr rlim_t kXlsChildCpuSeconds = 20;
inline constexpr rlim_t kXlsChildOpenFiles = 16;

}  // namespace rx::import
