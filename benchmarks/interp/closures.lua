-- Closures and counters (same program as closures.sps).
local function counter(step)
  local n = 0
  return function()
    n = n + step
    return n
  end
end
local function adder(k)
  return function(x) return x + k end
end
local function apply(f, x) return f(x) end
local function run(k)
  local total = 0
  for i = 0, k - 1 do
    local c = counter(i % 7)
    for j = 0, 300 - 1 do total = total + c() end
    total = total + apply(adder(i), i)
  end
  return total
end
print(run(6000))
