# The loop of solve.sps without the solve (see there).
seed 0
a = randn 10 10 + (eye 10) * 4
b = randn 10
x = b
for i in 0..<100000 {
  x = b
}
print ((norm (a @ x - b)) >= 0)
