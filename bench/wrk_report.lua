-- Prints wrk's results as one JSON line (latency in microseconds), for bench/run.py to read.
-- With PATHS_FILE set, requests rotate through the paths listed in that file (one a line).
local paths = {}
local index = 0

function init(args)
  local file = os.getenv("PATHS_FILE")
  if file then
    for line in io.lines(file) do
      paths[#paths + 1] = line
    end
  end
end

function request()
  if #paths == 0 then
    return wrk.format(nil)
  end
  index = index % #paths + 1
  return wrk.format(nil, paths[index])
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'JSON {"requests": %d, "duration_us": %d, "p50": %d, "p99": %d, "non2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
