-- List building and indexing: a sieve of Eratosthenes (same program as lists.sps; Lua's lists count from 1, so
-- number k is at index k + 1).
local function sieve(n)
  local flags = {}
  for i = 0, n - 1 do flags[#flags + 1] = true end
  flags[1] = false
  flags[2] = false
  local i = 2
  while i * i < n do
    if flags[i + 1] then
      local j = i * i
      while j < n do
        flags[j + 1] = false
        j = j + i
      end
    end
    i = i + 1
  end
  local primes = {}
  for k = 0, n - 1 do
    if flags[k + 1] then primes[#primes + 1] = k end
  end
  return primes
end
local function total(xs)
  local s = 0
  for i = 1, #xs do s = s + xs[i] % 1000 end
  return s
end
local ps = sieve(2000000)
print(#ps .. " " .. total(ps) .. " " .. ps[#ps])
