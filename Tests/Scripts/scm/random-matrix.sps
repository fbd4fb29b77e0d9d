d = scm n=50 target=y {
  x = normal 0 1 cols=5
  m = randn 5 5          # a random mixing matrix
  z = x @ m
  y = z @ (tensor [1, 0, 0, 0, 0])
}
print d.features  # expect: ["x1", "x2", "x3", "x4", "x5", "z1", "z2", "z3", "z4", "z5"]
