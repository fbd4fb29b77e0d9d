# Interpreter speed: a million iterations of scalar arithmetic and a def call.
# The same loop is in loop.py; run.sh times both with the release build.
def step x k {
  return x * 0.5 + k % 7
}
s = 0
for i in 0..<1000000 {
  s = s + step i 3 - i / 2
}
print s
