-- wrk script for GET /v1/transactions: each connection's thread starts a listing at a random "to" date within
-- the seeded two years, then follows the returned nextCursor for up to 4 more pages, then starts again.
-- done() prints one machine-readable line the benchmark parses (latencies in microseconds).
local key = os.getenv("MERIDIAN_BENCH_KEY")
wrk.headers["Authorization"] = "Bearer " .. key
wrk.headers["Accept"] = "application/json"

local first_day = os.time({ year = 2025, month = 1, day = 1, hour = 12 })
local cursor = nil
local pages = 0

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed or os.time())
end

function request()
  local path
  if cursor ~= nil and pages < 5 then
    path = "/v1/transactions?limit=100&cursor=" .. cursor
    pages = pages + 1
  else
    path = "/v1/transactions?limit=100&to=" .. os.date("!%Y-%m-%d", first_day + math.random(0, 729) * 86400)
    pages = 1
  end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status == 200 then
    cursor = body:match('"nextCursor"%s*:%s*"([^"]+)"')
  else
    cursor = nil
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d max_us=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
