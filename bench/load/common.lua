-- Shared by the endpoint scripts of bench/load (each starts with dofile of this file): the
-- dataset's shops from BENCH_FIXTURES (written by make_dataset), a rotation over them so the
-- load is spread over every shop, and done(), which prints one line bench/run parses.

local function split(text, separator)
  local out, start = {}, 1
  while true do
    local stop = string.find(text, separator, start, true)
    if not stop then
      out[#out + 1] = string.sub(text, start)
      return out
    end
    out[#out + 1] = string.sub(text, start, stop - 1)
    start = stop + 1
  end
end

-- One line a shop: id, bearer token, contact ids, customers' phones, unbilled sheet numbers
-- (and the staff's emails, which these scripts do not use).
shops = {}
for line in io.lines(os.getenv("BENCH_FIXTURES")) do
  local f = split(line, "\t")
  shops[#shops + 1] = {
    id = f[1],
    headers = { ["Authorization"] = "Bearer " .. f[2] },
    contacts = split(f[3], ","),
    customers = split(f[4], ","),
    fresh = split(f[5], ","),
  }
end

function url_encode(text)
  return (string.gsub(text, "[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

-- The threads, kept in the main state so done() can read their counters.
local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_id", #threads)
end

turn = 0
function next_shop()
  turn = turn + 1
  return shops[(turn % #shops) + 1]
end

function init(args)
  math.randomseed(thread_id)
  if prepare then prepare() end
end

-- The same GET as each shop in turn, formatted once.
function get_as_each_shop(path)
  local prepared = {}
  prepare = function()
    for i, shop in ipairs(shops) do
      prepared[i] = wrk.format("GET", path, shop.headers)
    end
  end
  request = function()
    turn = turn + 1
    return prepared[(turn % #prepared) + 1]
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "BENCH_RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
  if report then report(threads) end
end
