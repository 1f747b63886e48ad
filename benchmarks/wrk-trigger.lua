-- SPDX-FileCopyrightText: Apinator Console contributors
-- SPDX-License-Identifier: MIT
--
-- wrk script: one pre-signed trigger, sent over and over.
--
--   wrk -t2 -c64 -d10s -s wrk-trigger.lua http://127.0.0.1:PORT/apps/local/events -- REQUEST_FILE
--
-- wrk's Lua has no HMAC, so run-all.sh signs the request once with
-- `apinatorctl sign request --json` at a timestamp taken when the run starts (the
-- sandbox accepts it for its 300 s window) and writes REQUEST_FILE as HTTP does:
-- "Name: value" header lines, one empty line, then the body bytes.
-- Every answer that is not 2xx is counted; done() prints one JSON line.

local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

local function load_request(path)
    local file = assert(io.open(path, "rb"), "wrk-trigger.lua: cannot open request file " .. tostring(path))
    local text = file:read("*a")
    file:close()
    local split = text:find("\n\n", 1, true)
    assert(split, "wrk-trigger.lua: request file has no empty line between headers and body")
    local headers = {}
    for line in text:sub(1, split - 1):gmatch("[^\n]+") do
        local name, value = line:match("^([^:]+):%s*(.*)$")
        assert(name, "wrk-trigger.lua: bad header line: " .. line)
        headers[name] = value
    end
    return headers, text:sub(split + 2)
end

function init(args)
    local headers, body = load_request(args[1])
    wrk.method = "POST"
    wrk.body = body
    for name, value in pairs(headers) do
        wrk.headers[name] = value
    end
    non2xx = 0
    statuses = {}
end

function response(status, headers, body)
    if status < 200 or status > 299 then
        non2xx = non2xx + 1
        statuses[status] = (statuses[status] or 0) + 1
        if non2xx == 1 then
            -- The first refusal says why (a problem document): show it once per thread.
            io.stderr:write("wrk-trigger.lua: HTTP " .. status .. ": " .. tostring(body) .. "\n")
        end
    end
end

function done(summary, latency, requests)
    local non2xx_total = 0
    for _, thread in ipairs(threads) do
        non2xx_total = non2xx_total + thread:get("non2xx")
    end
    local e = summary.errors
    local seconds = summary.duration / 1e6
    io.write(string.format(
        'WRK_JSON {"requests":%d,"seconds":%.3f,"requests_per_second":%.1f,"non2xx":%d,' ..
        '"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"wrk_status_errors":%d,' ..
        '"latency_ms":{"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f}}\n',
        summary.requests, seconds, summary.requests / seconds, non2xx_total,
        e.connect, e.read, e.write, e.timeout, e.status,
        latency:percentile(50) / 1000, latency:percentile(90) / 1000,
        latency:percentile(99) / 1000, latency.max / 1000))
end
