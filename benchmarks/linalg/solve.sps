# 10×10 solve from the language: 100,000 calls of `solve a b` (timed by run.sh against baseline-solve.sps, the same
# loop without the solve, so the difference is the command's own cost: argument checks, the conversion to double,
# LAPACK's LU with its condition estimate, and the Float32 result).
seed 0
a = randn 10 10 + (eye 10) * 4
b = randn 10
x = b
for i in 0..<100000 {
  x = solve a b
}
print ((norm (a @ x - b)) < 1e-4)
