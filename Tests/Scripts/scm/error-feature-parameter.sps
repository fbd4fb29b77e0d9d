scm n=10 target=y features=[x, w] {
  x = normal 0 1
  w = randn 3
  y = x
}
# expect error: 3:3: error: scm node 'w' (line 3) is a parameter (a tensor of shape [3]), not a column
