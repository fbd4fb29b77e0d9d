# An error in the assignment of a node named like a parameter of the enclosing def names the node.
def make n {
  scm n=10 target=y {
    x = normal 0 1
    n = x + undefined_name  # expect error col 13: scm node 'n': unknown name 'undefined_name'
    y = x
  }
}
make 5
