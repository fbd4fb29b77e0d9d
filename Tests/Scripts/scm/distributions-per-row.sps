seed 0
d = scm n=2000 target=y {
  x = uniform 0 1
  f = loguniform 0.1 10
  c = choice [1, 2, 3]
  k = constant 7
  y = x * f
}
print ((min d.x) >= 0) ((max d.x) < 1)  # expect: true true
print ((min d.f) >= 0.1) ((max d.f) <= 10) ((std d.f) > 0)  # expect: true true true
print (len (keys {a: 1})) (min d.c) (max d.c) (mean d.k)  # expect: 1 1 3 7
