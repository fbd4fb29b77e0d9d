def sq x { x * x }
print (sq 7)  # expect: 49
