-- parley bench: wrk replays the query mix, one request path per line of the file given after "--",
-- round robin from a different offset in each wrk thread, and prints its figures as one JSON line.
local paths = {}
local next_index = 0

local threads = 0

function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  next_index = (tonumber(offset) or 0) * 37
end

function request()
  next_index = next_index + 1
  return wrk.format("GET", paths[(next_index % #paths) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"errors":%d,"seconds":%.3f,"p50":%.3f,"p95":%.3f,"p99":%.3f,"mean":%.3f,"max":%.3f}\n',
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.mean / 1000, latency.max / 1000))
end
