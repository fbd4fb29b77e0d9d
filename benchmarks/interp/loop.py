# Interpreter speed: a million iterations of scalar arithmetic and a def call (same loop as loop.sps).
def step(x, k):
    return x * 0.5 + k % 7

s = 0
for i in range(0, 1000000):
    s = s + step(i, 3) - i / 2
print(int(s) if s == int(s) else s)
