-- One contact's detail: a random contact of the shop, sampled from its list by make_dataset.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

function request()
  local shop = next_shop()
  local id = shop.contacts[math.random(#shop.contacts)]
  return wrk.format("GET", "/api/customer-tracking/contacts/" .. id, shop.headers)
end
