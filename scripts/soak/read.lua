-- wrk script for the soak's readers: POSTs the JSON body in $BODY_FILE (one GraphQL read) on every request, counts
-- answers that are not 200 or carry GraphQL errors, and prints one line when done:
--   <requests> <requests/s> <p50 ms> <p99 ms> <errors> [first bad answer]
local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

errors = 0
example = ""
function response(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) then
    errors = errors + 1
    if example == "" then example = status .. " " .. body:sub(1, 200) end
  end
end

function done(summary, latency, requests)
  local errors, example = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, ""
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("errors")
    if example == "" then example = thread:get("example") end
  end
  io.write(string.format("%d %.0f %.1f %.1f %d %s\n", summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors, example))
end
