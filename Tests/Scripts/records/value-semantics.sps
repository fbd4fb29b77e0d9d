a = {v: 1}
b = a
b.v = 2
print a.v b.v  # expect: 1 2
