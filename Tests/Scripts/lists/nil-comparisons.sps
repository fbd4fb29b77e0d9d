# Comparing with nil reads a variable or a list element without copying it; the answers are the general rule's.
t = [[nil, nil], nil, 0, false, ""]
def probe xs i { [xs[i] == nil, xs[i] != nil, nil == xs[i]] }
print (probe t 0) (probe t 1) (probe t 2) (probe t 3) (probe t 4)  # expect: [false, true, false] [true, false, true] [false, true, false] [false, true, false] [false, true, false]
def far xs { xs[9] == nil }  # expect error col 17: index 9 is out of range for list of length 5
print (far t)
