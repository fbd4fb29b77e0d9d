# An error about a node named like a parameter of the enclosing def points at the node's assignment. (Inside
# the def, a bare `target=n` would be the def's variable n; the string "n" is the node's name.)
def make n {
  scm n=10 target="n" {
    x = normal 0 1
    n = 3  # expect error col 5: scm node 'n' (line 6) is a parameter (a number), not a column
  }
}
make 10
