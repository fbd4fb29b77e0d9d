seed 0
d = scm n=2000 target=y {
  x1 = normal 0 1
  x2 = normal 0 1
  y  = x1 + 2*x2 + 3 + normal 0 1
  x3 = y / 0.2 + normal 0 3
}
print d.n d.features d.target  # expect: 2000 ["x1", "x2", "x3"] y
print (round (mean d.y) digits=0)  # expect: 3
