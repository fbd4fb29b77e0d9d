scm n=10 target=a {
  a = 3  # expect error col 3: scm node 'a' (line 2) is a parameter (a number), not a column
  y = normal 0 1
}
