-- Interpreter speed: a million iterations of scalar arithmetic and a def call (same loop as loop.sps).
local function step(x, k)
  return x * 0.5 + k % 7
end
local s = 0
for i = 0, 1000000 - 1 do
  s = s + step(i, 3) - i / 2
end
print(string.format("%d", s))
