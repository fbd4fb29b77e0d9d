# Regression (issue 14): an scm node named like a parameter or local variable of the enclosing def was silently
# dropped — the assignment rebound the def's variable instead of defining a node — so the data had no such column
# and `ols` fitted nothing on it. Every top-level assignment of the block is a node, whatever exists outside,
# and the def's variable keeps its value.
seed 0
def make n {
  d = scm n=100 target=y { x = normal 0 1; n = x + normal 0 1; y = 2 * x + 3 * n }
  print n d.features d.n
  d
}
d = make 100  # expect: 100 ["x", "n"] 100
print (sum (d.y == 2 * d.x + 3 * d["n"]))  # expect: 100
m = ols d
print (round m.weight[0, 0] digits=3) (round m.weight[0, 1] digits=3)  # expect: 2 3
def make2 {
  q = 7
  d = scm n=20 target=y { x = normal 0 1; q = 2 * x; y = x + q }
  print q d.features (sum (d.q == 2 * d.x))
}
make2()  # expect: 7 ["x", "q"] 20
