-- wrk script of bench.py: counts every answer by status, and as expected only a 2xx whose body
-- holds BENCH_EXPECT (the kind of answer asked for); prints one "bench-result" line at the end.
-- BENCH_TARGETS (optional, "host:port,host:port"): thread i connects to target i modulo their
-- number, which splits the connections evenly over several servers (gateway replicas).

local threads = {}
local targets = {}
for target in string.gmatch(os.getenv("BENCH_TARGETS") or "", "[^,]+") do
  table.insert(targets, target)
end

function setup(thread)
  if #targets > 0 then
    local host, port = string.match(targets[(#threads % #targets) + 1], "^(.+):(%d+)$")
    thread.addr = wrk.lookup(host, port)[1]
  end
  table.insert(threads, thread)
end

function init(args)
  expect = os.getenv("BENCH_EXPECT") or ""
  statuses = {}
  expected = 0
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status >= 200 and status < 300 and string.find(body, expect, 1, true) then
    expected = expected + 1
  end
end

function done(summary, latency, requests)
  local counts, answers, by_status = {}, 0, {}
  for _, thread in ipairs(threads) do
    answers = answers + thread:get("expected")
    for status, count in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + count
    end
  end
  for status, count in pairs(counts) do
    table.insert(by_status, string.format('"%d":%d', status, count))
  end
  local e = summary.errors
  io.write(string.format('bench-result {"requests":%d,"expected":%d,"seconds":%.6f,"statuses":{%s},' ..
    '"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},' ..
    '"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f}\n',
    summary.requests, answers, summary.duration / 1e6, table.concat(by_status, ","),
    e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
