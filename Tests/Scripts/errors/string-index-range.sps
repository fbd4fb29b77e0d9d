print "abc"[10]  # expect error: index 10 is out of range for string of length 3
