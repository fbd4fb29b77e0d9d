a = spurious n=4
b = spurious n=3 factor=0.1
c = concat a b
print c.n c.env[0] c.env[3] c.env[4] c.env[6]  # expect: 7 0 0 1 1
e = concat c a
print e.n e.env[7] e.env[10]  # expect: 11 2 2
