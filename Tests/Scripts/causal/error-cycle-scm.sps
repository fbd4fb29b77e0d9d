# scm checks the order too: a node cannot read itself before it exists.
d = scm n=10 target=y {
  y = y + normal 0 1  # expect error col 7: scm node 'y' reads its own value before it is defined
}
