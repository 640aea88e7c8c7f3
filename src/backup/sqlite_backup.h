#pragma once

#include "backup/backup_report.h"

#include <string>

namespace rx::backup {

// Copies a live SQLite database with SQLite's online backup API (one consistent snapshot; a
// running server keeps writing meanwhile), checks the copy with PRAGMA integrity_check, and only
// then moves it to `to_file`, so a failed backup never leaves a file that looks like one.
BackupReport backup_sqlite(const std::string& db_path, const std::string& to_file);

// Replaces the database at `db_path` with the backup `from_file`: the backup is checked, copied
// beside the database, checked again, and renamed over it in one step. Refuses (409) while any
// rxtrack process has the database open, unless `force`; refuses a backup made by a newer
// rxtrack. Pending migrations apply when the server next starts.
BackupReport restore_sqlite(const std::string& db_path, const std::string& from_file, bool force);

}  // namespace rx::backup
