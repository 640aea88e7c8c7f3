-- The telecaller's list best first: the highest conversion scores, 50 a page, with the total.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
get_as_each_shop("/api/customer-tracking/contacts?sort=score&limit=50")
