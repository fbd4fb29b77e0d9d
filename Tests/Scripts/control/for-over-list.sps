for x in ["a", "b"] { print x }
# expect: a
# expect: b
