# A distribution made outside the block and assigned to a node is drawn per row.
dist = uniform 5 6
d = scm n=100 target=y { u = dist; y = normal 0 1 }
print ((min d.u) >= 5) ((max d.u) < 6) ((std d.u) > 0)  # expect: true true true
