# The set-up and loop of matmul.sps without the product (see there).
seed 0
a = randn 1000 1000
c = randn 1000 1000
p = a
for i in 0..<20 {
  p = a
}
print p.shape
