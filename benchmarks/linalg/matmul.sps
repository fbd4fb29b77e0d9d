# 1000×1000 matrix product from the language: 20 products `a @ c` of Float32 matrices (OpenBLAS sgemm), timed by
# run.sh against baseline-matmul.sps (the same set-up and loop without the product).
seed 0
a = randn 1000 1000
c = randn 1000 1000
p = a
for i in 0..<20 {
  p = a @ c
}
print p.shape
