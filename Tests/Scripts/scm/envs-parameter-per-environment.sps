seed 0
d = scm n=400 envs=4 target=y {
  f = sample (uniform 1 100)    # one factor per environment
  x = normal 0 1
  y = x * 0 + f
}
e0 = d.y[0]
e1 = d.y[100]
print (d.y[99] == e0) (d.y[199] == e1) (e0 != e1)  # expect: true true true
