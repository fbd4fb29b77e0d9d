-- Memory management: 200,000 reference cycles (same loop as cycles.sps); Lua's collector frees them.
local function pair()
  local v = 0
  local function set(x) v = x end
  return {set}
end
local n = 0
for i = 0, 200000 - 1 do
  local p = pair()
  p[1](p)
  n = n + 1
end
print(n)
