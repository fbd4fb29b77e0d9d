n = 0
runblock { n = n + 1 }
runblock { n = n + 1 }
print n  # expect: 2
