scm n=20 target=y {
  x = normal 0 1
  y = x + randn 5  # expect error col 7: scm node 'y': shapes [20] and [5] cannot be broadcast together
}
