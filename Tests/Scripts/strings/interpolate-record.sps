r = {a: 1}
print "r is {r}"  # expect: r is {a: 1}
