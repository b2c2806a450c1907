-- Cycle through the paths listed (one per line) in the file named by
-- the BENCH_PATHS environment variable, one request each.
local paths = {}
local counter = 0
for line in io.lines(os.getenv("BENCH_PATHS")) do
  paths[#paths + 1] = line
end
request = function()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
