print 1 "two" [3] true nil  # expect: 1 two [3] true nil
print  # expect:
