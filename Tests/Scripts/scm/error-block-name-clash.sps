scm n=10 target=y {
  x = normal 0 1 cols=2
  x1 = normal 0 1  # expect error col 3: scm node 'x1' (line 3) and the node 'x' both make a column named 'x1'
  y = x1
}
