assert (1 < 2)
print "fine"  # expect: fine
