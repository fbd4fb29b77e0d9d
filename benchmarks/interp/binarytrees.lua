-- Allocation and freeing: the binary-trees benchmark (same program as binarytrees.sps).
local function make(d)
  if d == 0 then return {false, false} end
  return {make(d - 1), make(d - 1)}
end
local function check(t)
  if not t[1] then return 1 end
  return 1 + check(t[1]) + check(t[2])
end
local function main(n)
  local stretch = check(make(n + 1))
  print("stretch tree of depth " .. (n + 1) .. " check: " .. stretch)
  local long = make(n)
  local d = 4
  while d <= n do
    local iterations = 1 << (n - d + 4)
    local total = 0
    for i = 0, iterations - 1 do total = total + check(make(d)) end
    print(iterations .. " trees of depth " .. d .. " check: " .. total)
    d = d + 2
  end
  print("long lived tree of depth " .. n .. " check: " .. check(long))
end
main(14)
