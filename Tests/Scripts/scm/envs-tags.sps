seed 0
d = scm n=10 envs=2 target=y { x = normal 0 1; y = x }
print d.n d.env[0] d.env[4] d.env[5] d.env[9]  # expect: 10 0 0 1 1
