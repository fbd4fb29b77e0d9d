r = {"a b": 1}
print r["a b"]  # expect: 1
