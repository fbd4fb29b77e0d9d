# A def whose first statement is `if c { return e }` (a recursion's base case) tests `c` and returns `e` before
# the rest of the body runs; everything else about it is as for any `if`.

def fact n {
  if n < 2 { return 1 }
  return n * fact(n - 1)
}
print (fact 10)  # expect: 3628800

# The whole body: falls off the end (nil) when the condition does not hold.
def small n { if n < 10 { return "small" } }
print (small 3)  # expect: small
print (small 30)  # expect: nil

# An `if` with an `else`, or with more than the return, runs as written.
def sign n {
  if n < 0 { return -1 } else { print "not negative" }
  return 1
}
print (sign -5)  # expect: -1
print (sign 5)
# expect: not negative
# expect: 1

def noisy n {
  if n == 0 { print "base"; return 0 }
  return noisy (n - 1)
}
print (noisy 2)
# expect: base
# expect: 0

# The condition's error points at the condition.
def bad n {
  if n { return 1 }  # expect error: a condition must be true or false, got number 3
  return 2
}
bad 3
