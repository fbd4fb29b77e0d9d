name = "sps"; n = 3
print "hello {name}, {n * 2} times"  # expect: hello sps, 6 times
