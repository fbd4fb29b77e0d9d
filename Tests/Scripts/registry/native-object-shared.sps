c = counter()
d = c
d.value = 7
print c.value  # expect: 7
