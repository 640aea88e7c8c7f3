#pragma once

#include "http/router.h"
#include "storage/database.h"

namespace rx::app {

// GET /healthz: 200 {"status":"ok"} after a round trip to the database, 503 otherwise.
void register_health_routes(http::Router& router, storage::Database& db);

}  // namespace rx::app
