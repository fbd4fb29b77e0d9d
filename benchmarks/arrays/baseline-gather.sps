# The set-up and loop of gather.sps without the gathers (see there).
seed 0
x = randn 1000000 16
v = randn 1000000
p = permutation 1000000
rows = x
items = v
for i in 0..<10 {
  rows = x
  items = v
}
print rows.shape items.shape
