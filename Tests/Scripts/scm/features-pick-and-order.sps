d = scm n=10 target=y features=[x3, x1] {
  x1 = normal 0 1
  x2 = normal 0 1
  y = x1 + x2
  x3 = y + normal 0 1
}
print d.features  # expect: ["x3", "x1"]
