seed 0
d = scm n=200 target=y {
  x = normal 0 1 cols=3
  w = tensor [1, 2, 0]     # a weight vector: a parameter, not a column
  y = x @ w + 3
}
print d.features  # expect: ["x1", "x2", "x3"]
print (sum ((abs (d.y - (d.x1 + 2 * d.x2 + 3))) < 0.001))  # expect: 200
