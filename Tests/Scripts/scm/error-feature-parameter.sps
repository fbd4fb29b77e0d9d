scm n=10 target=y features=[x, w] {
  x = normal 0 1
  w = randn 3  # expect error col 3: scm node 'w' (line 3) is a parameter (a tensor of shape [3]), not a column
  y = x
}
