-- The daily refill list: pending reminders due today or earlier (the list's default window).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
get_as_each_shop("/api/customer-tracking/refill-reminders?limit=50")
