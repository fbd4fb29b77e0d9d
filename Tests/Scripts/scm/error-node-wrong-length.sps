scm n=20 target=y {
  x = normal 0 1
  y = x + randn 5
}
# expect error: 3:7: error: scm node 'y': shapes [20] and [5] cannot be broadcast together
