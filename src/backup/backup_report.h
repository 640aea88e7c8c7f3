#pragma once

#include <cstdint>
#include <string>

namespace rx::backup {

// What a backup or restore did; printed as JSON by the CLI.
struct BackupReport {
  std::string engine;  // "sqlite" or "postgresql"
  std::string file;    // the backup file written or read
  std::uintmax_t bytes = 0;
  int schema_version = 0;
  std::string check;  // how the copy was verified
};

}  // namespace rx::backup
