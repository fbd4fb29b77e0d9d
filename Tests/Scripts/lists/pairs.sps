# Two-element list literals (a tree's node, a tuple) take their own path: they hold values of any kind, know their
# depth, and report an error in either element at that element.

leaf = [nil, nil]
print leaf  # expect: [nil, nil]
print [leaf, leaf]  # expect: [[nil, nil], [nil, nil]]
print ["a", 1]  # expect: ["a", 1]
print [nil, [1, 2]]  # expect: [nil, [1, 2]]

def make d {
  if d == 0 { return [nil, nil] }
  return [make(d - 1), make(d - 1)]
}
def count t {
  if t[0] == nil { return 1 }
  return 1 + count(t[0]) + count(t[1])
}
print count(make 6)  # expect: 127

# Each pair is its own value: changing one leaves the other as it was.
p = [leaf, "x"]
q = p
q[0][0] = 5
print p  # expect: [[nil, nil], "x"]
print q  # expect: [[5, nil], "x"]

# A pair wrapped in pairs 20 000 times stops at 10 000 levels.
x = [nil, nil]
# expect error: error: this list would nest lists or records more than 10000 levels deep
for i in range 20000 { x = [x, nil] }
