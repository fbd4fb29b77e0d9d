# Gathers from the language: 10 × (1,000,000 rows of a 1,000,000×16 Float32 matrix by a random permutation, and
# 1,000,000 elements of a vector by the same index). Timed by run.sh against baseline-gather.sps (the same set-up
# and loop without the gathers).
seed 0
x = randn 1000000 16
v = randn 1000000
p = permutation 1000000
rows = x
items = v
for i in 0..<10 {
  rows = x[p]
  items = v[p]
}
print rows.shape items.shape
