r = {a: 1}
r.a = 2
r.b = 3
print r  # expect: {a: 2, b: 3}
