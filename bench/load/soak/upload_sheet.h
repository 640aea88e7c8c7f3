#pragma once

#include <cstdint>
#include <random>
#include <string>

namespace rx::bench {

// A small contact sheet one soak client uploads: a few hundred rows whose valid numbers no other
// upload of the run uses, about 2% rows without a valid number, as .csv or .xlsx in turn.
struct UploadSheet {
  std::string bytes;
  std::string file_name;
  std::string content_type;
  std::int64_t rows = 0;
  std::int64_t valid = 0;    // rows with a valid number: each is imported or a duplicate
  std::int64_t invalid = 0;  // rows the upload must report as invalid
};

// `client` (below 1000) and `serial` (the client's upload count) choose the numbers: row r gets
// 6,000,000,000 + (client * 100 + serial) * 1000 + r, so no two uploads of a run share one
// while each client makes fewer than 100.
UploadSheet make_upload_sheet(int client, int serial, std::mt19937_64& rng);

}  // namespace rx::bench
