# A number listed in features= becomes a constant column: here each environment's factor.
seed 0
d = scm n=6 envs=2 target=y features=[x, f] { f = sample [2, 3]; x = normal 0 1; y = x * f }
print d.features (d.f[0] == d.f[2]) (d.f[3] == d.f[5])  # expect: ["x", "f"] true true
print (sum (d.y == d.x * d.f))  # expect: 6
