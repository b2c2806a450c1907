-- Load script of every wrk run (bench/wrk.py).
-- With BENCH_PATHS set (a file, one path a line), cycle through its paths,
-- one request each. Always count the API's X-Cache answers (hit or miss) of
-- the measured run and print them when it ends, for the hit ratio.
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

local list = os.getenv("BENCH_PATHS")
if list and list ~= "" then
  local paths = {}
  local counter = 0
  for line in io.lines(list) do
    paths[#paths + 1] = line
  end
  request = function()
    counter = counter % #paths + 1
    return wrk.format("GET", paths[counter])
  end
end

hits = 0
misses = 0

function response(status, headers, body)
  local cache = headers["X-Cache"] or headers["x-cache"]
  if cache == "hit" then
    hits = hits + 1
  elseif cache == "miss" then
    misses = misses + 1
  end
end

function done(summary, latency, requests)
  local total_hits, total_misses = 0, 0
  for _, thread in ipairs(threads) do
    total_hits = total_hits + thread:get("hits")
    total_misses = total_misses + thread:get("misses")
  end
  io.write(string.format("X-Cache: hit %d, miss %d\n", total_hits, total_misses))
end
