# Allocation and freeing: the binary-trees benchmark (trees of depth 4 to 14 made as nested lists, walked and
# dropped; one long-lived tree). Same program in binarytrees.py and binarytrees.lua.
def make d {
  if d == 0 { return [nil, nil] }
  return [make(d - 1), make(d - 1)]
}
def check t {
  if t[0] == nil { return 1 }
  return 1 + check(t[0]) + check(t[1])
}
def main n {
  stretch = check (make (n + 1))
  print "stretch tree of depth {n + 1} check: {stretch}"
  long = make n
  d = 4
  while d <= n {
    iterations = 2 ** (n - d + 4)
    total = 0
    for i in 0..<iterations { total = total + check(make(d)) }
    print "{iterations} trees of depth {d} check: {total}"
    d = d + 2
  }
  print "long lived tree of depth {n} check: {check long}"
}
main 14
