scm n=10 target=a {
  a = 3
  y = normal 0 1
}
# expect error: 2:3: error: scm node 'a' (line 2) is a parameter (a number), not a column
