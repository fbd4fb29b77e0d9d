seed 0
d = scm n=1000 target=y { y = normal 0 1; x = y / (uniform 0.02 1) + normal 0 3 }
print d.features d.n  # expect: ["x"] 1000
