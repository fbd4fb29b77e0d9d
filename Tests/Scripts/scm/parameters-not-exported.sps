d = scm n=10 target=y {
  a = 2
  label = "not a column"
  x = uniform 0 1
  y = a * x
}
print d.features (sum (d.y == 2 * d.x))  # expect: ["x"] 10
