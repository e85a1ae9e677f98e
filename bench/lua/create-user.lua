-- POST /Users with a userName no other request uses (BENCH_RUN differs per wrk run, tid per
-- thread: report.lua).
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local counter = 0
local run = os.getenv("BENCH_RUN")
local token = os.getenv("BENCH_TOKEN")
request = function()
  counter = counter + 1
  local body = '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bench-'
    .. run .. '-' .. tid .. '-' .. counter .. '@example.com","active":true}'
  return wrk.format("POST", "/scim/v2/Users",
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/scim+json"}, body)
end
done = function(summary, latency, requests) report(summary, latency) end
