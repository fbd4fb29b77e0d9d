c = counter()
bump c; bump c
print c.value  # expect: 2
