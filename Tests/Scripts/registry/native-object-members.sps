c = counter start=5
print c.value c.name  # expect: 5 counter
c.value = 10
print c.value  # expect: 10
print c  # expect: Counter(10)
