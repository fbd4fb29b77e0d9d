r = {n: 1}
r.n += 10
print r.n  # expect: 11
