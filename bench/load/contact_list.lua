-- The telecaller's first screen: pending contacts, 50 a page, with their total.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
get_as_each_shop("/api/customer-tracking/contacts?status=pending&limit=50")
