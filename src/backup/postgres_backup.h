#pragma once

#include "backup/backup_report.h"

#include <string>

namespace rx::backup {

// pg_dump --format=custom of the database at `url` into `to_file` (written beside it first and
// renamed once pg_restore --list can read it back). 503 with a clear message when pg_dump is not
// on PATH. The password travels in the child's environment, never on its command line.
BackupReport backup_postgres(const std::string& url, const std::string& to_file);

// pg_restore --clean --if-exists --single-transaction of `from_file` into the database at `url`:
// all of it or, on any error, none of it. Refuses (409) while other sessions are connected to
// the database, unless `force`.
BackupReport restore_postgres(const std::string& url, const std::string& from_file, bool force);

}  // namespace rx::backup
