-- wrk's script for bench/load.py: prints one line of JSON at the end (requests, duration,
-- latency percentiles in microseconds, errors by kind), which load.py reads instead of wrk's
-- own summary (that one has no 95th percentile).
--
-- With WRK_VARY_ADDRESS set, each request comes from another visitor's address through
-- X-Forwarded-For, as behind a proxy: pages limited per address (certificate verification)
-- answer every request as they would answer many people, not one visitor asking thousands of
-- times. The server must trust one proxy (DJANGO_TRUSTED_PROXY_COUNT=1).

local counter = 0
local thread_number = 0

function setup(thread)
   thread_number = thread_number + 1
   thread:set("id", thread_number)
end

if os.getenv("WRK_VARY_ADDRESS") then
   function request()
      counter = counter + 1
      -- 10.<thread>.<x>.<y>: a new address for each request, 65,536 per thread.
      wrk.headers["X-Forwarded-For"] = string.format(
         "10.%d.%d.%d", id % 256, math.floor(counter / 256) % 256, counter % 256)
      return wrk.format()
   end
end

function done(summary, latency, requests)
   local errors = summary.errors
   io.write(string.format(
      '\nBENCH_RESULT {"requests": %d, "duration_us": %d, "bytes": %d, '
      .. '"p50": %d, "p90": %d, "p95": %d, "p99": %d, "max": %d, '
      .. '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
      summary.requests, summary.duration, summary.bytes,
      latency:percentile(50), latency:percentile(90), latency:percentile(95),
      latency:percentile(99), latency.max,
      errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
