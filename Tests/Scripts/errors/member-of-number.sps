x = 1
print x.foo  # expect error: a number has no members
