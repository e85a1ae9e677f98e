-- GET of one path from BENCH_PATHS (a file, one path per line), chosen at random per request.
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local token = os.getenv("BENCH_TOKEN")
request = function()
  return wrk.format("GET", paths[math.random(#paths)], {["Authorization"] = "Bearer " .. token})
end
done = function(summary, latency, requests) report(summary, latency) end
