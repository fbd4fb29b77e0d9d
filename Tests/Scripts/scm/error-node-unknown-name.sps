scm n=20 target=y {
  x = normal 0 1
  y = x + z
}
# expect error: 3:11: error: scm node 'y': unknown name 'z'
