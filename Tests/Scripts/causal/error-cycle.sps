# A node read before the block defines it: the model is out of causal order, or has a cycle.
g = graph {
  x = normal 0 1
  y = x + z  # expect error col 11: scm node 'y' reads 'z' before it is defined (line 5)
  z = y + normal 0 1
}
