scm n=20 target=y {
  x = normal 0 1 cols=2
  y = x @ (randn 2 1) + normal 0 1  # expect error: scm node 'y' (line 3) has shape [20, 20]: an [n, 1] column was probably combined with an [n] column
}
