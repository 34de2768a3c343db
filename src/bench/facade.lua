-- wrk script for the facade step of src/bench/run.sh. One script, six requests, chosen by BENCH_MODE:
--   unauth   GET  /api/v1/team-requests              no token: answered 401 (the baseline)
--   auth     GET  /api/v1/policy                     with the token, answered from memory: the cost of an
--                                                    authenticated read without PostgreSQL (a reference)
--   get      GET  /api/v1/team-requests/{id}         ids from BENCH_IDS (one per line), in turn
--   list     GET  /api/v1/team-requests?limit=20
--   preview  POST /api/v1/team-requests/preview
--   post     POST /api/v1/team-requests              unique displayName and Idempotency-Key per request
-- BENCH_TOKEN is the caller's bearer token, BENCH_RUN a run id that keeps display names unique.
-- done() prints one "BENCH key=value" line per figure: statuses, latency percentiles from wrk's own
-- histogram (microseconds).
--
-- The load generator shares the service's two cores, so the read modes keep its work small: unauth,
-- auth and list send one request built once (no Lua per request), get takes prebuilt requests from a
-- table, and none of the three defines response(), which would make wrk hand every response's
-- headers and body to Lua (5-10 % of the throughput measured). Their statuses come from wrk's own
-- count of responses of 400 or more ("class_4xx5xx"), the rest being "class_2xx3xx"; run.sh checks
-- each endpoint's status once with curl before it is measured. Submit and preview still count every
-- status: a 429 or 503 there is a finding.

local mode = os.getenv("BENCH_MODE") or "unauth"
local token = os.getenv("BENCH_TOKEN") or ""
local run = os.getenv("BENCH_RUN") or tostring(os.time())

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("tid", #threads)
end

local ids = {}
local prebuilt = {}
local counter = 0
statuses = {}
local counts_statuses = mode == "preview" or mode == "post"

local function body(name)
   return '{"displayName":"' .. name .. '","description":"teams-provisioner benchmark",'
      .. '"owners":["alice@contoso.com"],"members":["bob@contoso.com"]}'
end

local function auth(extra)
   local h = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
   for k, v in pairs(extra or {}) do h[k] = v end
   return h
end

if mode == "unauth" then
   wrk.method = "GET"
   wrk.path = "/api/v1/team-requests"
   wrk.headers["Accept"] = "application/json"
elseif mode == "list" or mode == "auth" then
   wrk.method = "GET"
   wrk.path = mode == "list" and "/api/v1/team-requests?limit=20" or "/api/v1/policy"
   for k, v in pairs(auth()) do wrk.headers[k] = v end
end

function init(args)
   if mode == "get" then
      for line in io.lines(os.getenv("BENCH_IDS")) do
         if #line > 0 then ids[#ids + 1] = line end
      end
      -- Each thread starts at another place in the list, so the threads do not read the same rows in step.
      local start = ((tid or 1) * 7919) % #ids
      for i = 1, #ids do
         local id = ids[((start + i) % #ids) + 1]
         prebuilt[i] = wrk.format("GET", "/api/v1/team-requests/" .. id, auth())
      end
   end
end

local function dynamic_request()
   counter = counter + 1
   if mode == "get" then
      return prebuilt[(counter % #prebuilt) + 1]
   elseif mode == "preview" then
      return wrk.format("POST", "/api/v1/team-requests/preview", auth({ ["Content-Type"] = "application/json" }),
         body("wrk preview " .. run .. " " .. tid .. "-" .. counter))
   else
      local name = "wrk " .. run .. " " .. tid .. "-" .. counter
      return wrk.format("POST", "/api/v1/team-requests",
         auth({ ["Content-Type"] = "application/json", ["Idempotency-Key"] = '"' .. name .. '"' }), body(name))
   end
end

if mode == "get" or counts_statuses then
   request = dynamic_request
end

if counts_statuses then
   function response(status, headers, body)
      statuses[status] = (statuses[status] or 0) + 1
   end
end

function done(summary, latency, requests)
   local total = {}
   for _, thread in ipairs(threads) do
      local s = thread:get("statuses")
      for code, count in pairs(s or {}) do
         total[code] = (total[code] or 0) + count
      end
   end
   local e = summary.errors
   io.write(string.format("BENCH mode=%s\n", mode))
   io.write(string.format("BENCH requests=%d\n", summary.requests))
   io.write(string.format("BENCH duration_us=%d\n", summary.duration))
   io.write(string.format("BENCH p50_us=%d\n", latency:percentile(50)))
   io.write(string.format("BENCH p90_us=%d\n", latency:percentile(90)))
   io.write(string.format("BENCH p99_us=%d\n", latency:percentile(99)))
   io.write(string.format("BENCH max_us=%d\n", latency.max))
   io.write(string.format("BENCH socket_errors=%d\n", e.connect + e.read + e.write + e.timeout))
   if not counts_statuses then
      -- wrk counts responses with a status of 400 or more in errors.status; every other response is 2xx or 3xx.
      io.write(string.format("BENCH class_4xx5xx=%d\n", e.status))
      io.write(string.format("BENCH class_2xx3xx=%d\n", summary.requests - e.status))
      return
   end
   local codes = {}
   for code, count in pairs(total) do
      codes[#codes + 1] = code .. ":" .. count
      io.write(string.format("BENCH status_%d=%d\n", code, count))
   end
   table.sort(codes)
   io.write("BENCH statuses=" .. table.concat(codes, ",") .. "\n")
end
