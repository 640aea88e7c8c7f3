-- The counter's bills, POST /api/bills, in turn: a walk-in with a number never used before
-- (new customer), a returning customer, and a contact-sheet number buying for the first time
-- (new customer and a conversion). Counts the 201s; bench/run checks afterwards that every
-- acknowledged bill is in the database.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

-- Distinct numbers across the three runs of one bench/run and across threads.
local run = tonumber(os.getenv("BENCH_RUN") or "1") % 10
local items = '"items":[{"medicine":"Metformin 500mg","quantity":30,'
  .. '"unit_price_paise":350,"duration_days":30}]'
local headers = {}
counter = 0
created = 0

function prepare()
  for i, shop in ipairs(shops) do
    headers[i] = { ["Authorization"] = shop.headers["Authorization"],
                   ["Content-Type"] = "application/json" }
  end
end

local function body_for(shop)
  local kind = counter % 3
  if kind == 0 then
    local serial = math.floor(counter / 3) % 1000000
    local phone = string.format("98%d%d%06d", run, thread_id % 10, serial)
    return '{"customer":{"phone":"' .. phone .. '","name":"Walk-in"},'
      .. '"customer_category":"first_time_prescription","was_contacted_before":false,'
      .. items .. '}'
  elseif kind == 1 then
    local phone = shop.customers[math.random(#shop.customers)]
    return '{"customer":{"phone":"' .. phone .. '"},"was_contacted_before":false,' .. items .. '}'
  end
  -- Each thread takes its own numbers (stride 16), so no two requests race to create the
  -- same new customer.
  local index = ((math.floor(counter / 3) * 16 + thread_id) % #shop.fresh) + 1
  return '{"customer":{"phone":"' .. shop.fresh[index] .. '"},'
    .. '"customer_category":"contact_sheet","was_contacted_before":true,' .. items .. '}'
end

function request()
  counter = counter + 1
  local i = (counter % #shops) + 1
  return wrk.format("POST", "/api/bills", headers[i], body_for(shops[i]))
end

function response(status, headers, body)
  if status == 201 then created = created + 1 end
end

function report(threads)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("created") end
  io.write(string.format("BENCH_CREATED %d\n", total))
end
