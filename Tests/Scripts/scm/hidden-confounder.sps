seed 0
d = scm n=1000 target=y {
  _u = normal 0 1          # hidden: shapes x and y, not exported
  x = _u + normal 0 0.5
  y = _u + normal 0 0.5
}
print d.features  # expect: ["x"]
print ((corr d).y[0] > 0.6)  # expect: true
