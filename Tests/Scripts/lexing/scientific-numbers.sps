print 5e-4  # expect: 0.0005
print 1e3  # expect: 1000
print 2.5E2  # expect: 250
print 1_000_000  # expect: 1000000
