scm n=20 target=y {
  x = normal 0 1
  y = x + z  # expect error col 11: scm node 'y': unknown name 'z'
}
