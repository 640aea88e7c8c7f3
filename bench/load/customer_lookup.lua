-- The counter's lookup by phone, typed the way people type it ("+91 98765 43210", "098...").
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local paths = {}
function prepare()
  for i, shop in ipairs(shops) do
    paths[i] = {}
    for j, phone in ipairs(shop.customers) do
      paths[i][j] = "/api/customer-tracking/customers/phone/" .. url_encode(phone)
    end
  end
end

function request()
  turn = turn + 1
  local i = (turn % #shops) + 1
  local shop_paths = paths[i]
  return wrk.format("GET", shop_paths[math.random(#shop_paths)], shops[i].headers)
end
