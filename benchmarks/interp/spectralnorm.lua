-- Floating-point arithmetic and calls: the spectral-norm benchmark (same program as spectralnorm.sps; element k of
-- a vector is at index k + 1).
local function a(i, j) return 1 / ((i + j) * (i + j + 1) / 2 + i + 1) end
local function times(v, n)
  local out = {}
  for i = 0, n - 1 do
    local s = 0
    for j = 0, n - 1 do s = s + a(i, j) * v[j + 1] end
    out[#out + 1] = s
  end
  return out
end
local function timesTransposed(v, n)
  local out = {}
  for i = 0, n - 1 do
    local s = 0
    for j = 0, n - 1 do s = s + a(j, i) * v[j + 1] end
    out[#out + 1] = s
  end
  return out
end
local function timesAtA(v, n) return timesTransposed(times(v, n), n) end
local function spectral(n)
  local u = {}
  for i = 0, n - 1 do u[#u + 1] = 1 end
  local v = {}
  for k = 0, 10 - 1 do
    v = timesAtA(u, n)
    u = timesAtA(v, n)
  end
  local vBv, vv = 0, 0
  for i = 0, n - 1 do
    vBv = vBv + u[i + 1] * v[i + 1]
    vv = vv + v[i + 1] * v[i + 1]
  end
  return math.sqrt(vBv / vv)
end
print(string.format("%.9f", spectral(150)))
