r = 10..<20
print r[0] r[9]  # expect: 10 19
