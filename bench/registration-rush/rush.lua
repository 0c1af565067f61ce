-- wrk script for the registration rush (bench/README.md).
--   wrk -t1 -c64 -d120s --timeout 30s -s rush.lua http://127.0.0.1:PORT -- /api/activities/ID/registrations tokens.tsv
-- tokens.tsv has one line per member: access token, phone, real name, email (tab-separated). Each member registers
-- exactly once: delay() hands out one member per request and parks a connection once every member has been sent,
-- so wrk sends exactly as many requests as there are members. When every answer is in, the thread stops and wakes
-- wrk's main thread, so the run ends there instead of at -d (which stays as the upper bound in time).
-- Run it with ONE wrk thread (-t1): the early end and the member hand-out assume a single thread.
local ffi = require("ffi")
ffi.cdef [[
typedef unsigned long pthread_t;
pthread_t pthread_self(void);
int pthread_kill(pthread_t thread, int sig);
typedef struct { long tv_sec; long tv_nsec; } rush_timespec;
int clock_gettime(int clock, rush_timespec *tp);
]]

local function now_us()
  local ts = ffi.new("rush_timespec")
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

-- main thread ------------------------------------------------------------------------------------------------
local threads = {}
main_thread = nil

function setup(thread)
  main_thread = main_thread or tonumber(ffi.C.pthread_self())
  thread:set("main_thread", main_thread)
  table.insert(threads, thread)
end

-- worker thread ----------------------------------------------------------------------------------------------
local path, members, total = nil, {}, 0
local handed, answered = 0, 0
statuses = {}
first_request_us, last_response_us, last_201_us = 0, 0, 0

function init(args)
  path = args[1]
  for line in io.lines(args[2]) do
    local token, phone, name, email = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)\t([^\t]+)$")
    if token then
      total = total + 1
      members[total] = { token = token, phone = phone, name = name, email = email }
    end
  end
end

local parked = 3600 * 1000 -- ms: never reached, the thread stops first

function delay()
  if handed >= total then return parked end
  handed = handed + 1
  return 0
end

local sent = 0
function request()
  -- wrk calls request() once on thread 0 before the run to check the script (script_verify_request); that call
  -- comes before any delay() and must not use up a member.
  if handed == 0 then return wrk.format("GET", "/healthz") end
  sent = sent + 1
  local m = members[sent]
  if m == nil then
    -- Only after a reconnect (wrk re-asks for a request without a delay()): never send a member twice.
    return wrk.format("GET", "/healthz")
  end
  if first_request_us == 0 then first_request_us = now_us() end
  local body = string.format('{"realName":"%s","phone":"%s","email":"%s"}', m.name, m.phone, m.email)
  return wrk.format("POST", path, {
    ["Authorization"] = "Bearer " .. m.token,
    ["Content-Type"] = "application/json",
  }, body)
end

function response(status, headers, body)
  answered = answered + 1
  statuses[status] = (statuses[status] or 0) + 1
  local t = now_us()
  last_response_us = t
  if status == 201 then last_201_us = t end
  if answered >= total then
    wrk.thread:stop()
    ffi.C.pthread_kill(main_thread, 2) -- SIGINT: wrk's main thread stops sleeping and reports
  end
end

-- report (main thread) ----------------------------------------------------------------------------------------
function done(summary, latency, requests)
  local counts, first, last, last201 = {}, nil, 0, 0
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("statuses")) do counts[status] = (counts[status] or 0) + n end
    local f = t:get("first_request_us")
    if f > 0 and (first == nil or f < first) then first = f end
    last = math.max(last, t:get("last_response_us"))
    last201 = math.max(last201, t:get("last_201_us"))
  end
  local c2xx, c201, c409, c422, c4xx, c5xx, other = 0, 0, 0, 0, 0, 0, 0
  for status, n in pairs(counts) do
    if status == 201 then c201 = c201 + n end
    if status == 409 then c409 = c409 + n elseif status == 422 then c422 = c422 + n end
    if status >= 200 and status < 300 then c2xx = c2xx + n
    elseif status >= 400 and status < 500 then c4xx = c4xx + n
    elseif status >= 500 then c5xx = c5xx + n
    else other = other + n end
  end
  local detail = {}
  for status, n in pairs(counts) do table.insert(detail, status .. ":" .. n) end
  table.sort(detail)
  local e = summary.errors
  io.write(string.format(
    "RESULT responses=%d seconds=%.4f claim_seconds=%.4f wrk_seconds=%.4f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
    "s2xx=%d s201=%d s409=%d s422=%d s4xx=%d s5xx=%d sother=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d statuses=%s\n",
    summary.requests, (last - (first or last)) / 1e6, (last201 > 0 and (last201 - first) or 0) / 1e6, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    c2xx, c201, c409, c422, c4xx, c5xx, other, e.connect, e.read, e.write, e.timeout, table.concat(detail, ",")))
end
