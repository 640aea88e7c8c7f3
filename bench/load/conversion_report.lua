-- The conversion report of the shop, over its default period.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
get_as_each_shop("/api/customer-tracking/reports/conversion")
