-- PATCH BENCH_GROUP: add one member, a user id picked at random from BENCH_PATHS (ids).
dofile(os.getenv("BENCH_LUA") .. "/report.lua")
local ids = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do ids[#ids + 1] = line end
local token = os.getenv("BENCH_TOKEN")
local path = "/scim/v2/Groups/" .. os.getenv("BENCH_GROUP")
request = function()
  local body = '{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":'
    .. '[{"op":"add","path":"members","value":[{"value":"' .. ids[math.random(#ids)] .. '"}]}]}'
  return wrk.format("PATCH", path,
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/scim+json"}, body)
end
done = function(summary, latency, requests) report(summary, latency) end
