s = "π ≈ 3.14159 — ok"
print s  # expect: π ≈ 3.14159 — ok
print (len "héllo")  # expect: 5
