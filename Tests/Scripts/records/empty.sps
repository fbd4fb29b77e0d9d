r = {}
print r (len r)  # expect: {} 0
