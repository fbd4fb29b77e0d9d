# A def or block whose body ends in `return e`: the value comes straight from `e` (no return slot), and every
# other way out of the body still works: an earlier return, a return inside a loop, falling off the end.

def leaf d {
  if d == 0 { return [nil, nil] }
  return [leaf(d - 1), leaf(d - 1)]
}
def count t {
  if t[0] == nil { return 1 }
  return 1 + count(t[0]) + count(t[1])
}
print (count (leaf 4))  # expect: 31

def first_over xs limit {
  for x in xs {
    if x > limit { return x }
  }
  return nil
}
print (first_over [1, 5, 9] 4)  # expect: 5
print (first_over [1, 2] 4)  # expect: nil

def only { return "only" }
print (only())  # expect: only

def falls_off x { y = x * 2 }
print (falls_off 3)  # expect: nil

twice = { x -> return x * 2 }
print (twice 21)  # expect: 42

# The last statement's value is used even when it is the only use of a local.
def square_of_sum a b { s = a + b; return s * s }
print (square_of_sum 2 3)  # expect: 25

# An error in the final return's expression points at it.
def broken x {
  y = x + 1
  return y + "a"  # expect error: cannot add
}
broken 1
