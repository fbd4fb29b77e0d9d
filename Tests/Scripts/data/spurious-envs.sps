seed 0
d = spurious n=10 envs=2
print d.env[0] d.env[4] d.env[5] d.env[9]  # expect: 0 0 1 1
