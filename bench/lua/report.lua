-- Shared by every scenario: numbers each thread (tid), spreads the threads over the servers of
-- BENCH_ADDRS, counts what each thread sent, and prints one JSON line the harness reads.

-- BENCH_ADDRS ("HOST:PORT,HOST:PORT", optional): thread n talks to address n (round robin), so one
-- wrk splits its connections evenly over several processes and reports their combined latency.
local threads = {}
local addrs = nil
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("tid", #threads)
  local spread = os.getenv("BENCH_ADDRS")
  if spread and spread ~= "" then
    if not addrs then
      addrs = {}
      for host, port in string.gmatch(spread, "([^,:]+):(%d+)") do
        addrs[#addrs + 1] = wrk.lookup(host, port)[1]
      end
    end
    thread.addr = addrs[(#threads - 1) % #addrs + 1]
  end
end

-- Runs in each thread once the scenario's script is loaded: counts the requests it sends.
function init(args)
  local build = request
  sent = 0
  request = function()
    sent = sent + 1
    return build()
  end
end

function report(summary, latency)
  local e = summary.errors
  local sent = {}
  for n, thread in ipairs(threads) do sent[n] = thread:get("sent") end
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"non2xx":%d,"socket_errors":%d,"p50_ms":%.2f,"p99_ms":%.2f,'
      .. '"sent_per_thread":[%s]}\n',
    summary.requests, summary.duration / 1e6, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, table.concat(sent, ",")))
end
