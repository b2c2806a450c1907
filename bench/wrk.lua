-- Load script of every wrk run (bench/wrk.py).
-- With BENCH_PATHS set (a file, one path a line), cycle through its paths,
-- one request each. With BENCH_POST set (a file holding a JSON body), POST it,
-- each "{n}" replaced by a value unique to the request (thread, count, time). Always count the API's X-Cache answers (hit or miss) of
-- the measured run and print them when it ends, for the hit ratio.
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_number", #threads)
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

local post = os.getenv("BENCH_POST")
if post and post ~= "" then
  local handle = io.open(post)
  local template = handle:read("*a")
  handle:close()
  local sent = 0
  local started = os.time()
  local headers = nil
  request = function()
    if headers == nil then
      -- wrk.format's own headers replace the -H ones: keep those (the token).
      headers = {["Content-Type"] = "application/json"}
      for name, value in pairs(wrk.headers) do
        headers[name] = value
      end
    end
    sent = sent + 1
    local unique = string.format("%d-%d-%d", started, thread_number or 0, sent)
    local body = template:gsub("{n}", unique)
    return wrk.format("POST", nil, headers, body)
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
