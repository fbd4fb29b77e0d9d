def sq x { x * x }
print [sq 2, sq 3, 1 + 1]  # expect: [4, 9, 2]
