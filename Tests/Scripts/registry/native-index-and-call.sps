c = counter start=3
print c[2] (c 4)  # expect: 6 7
