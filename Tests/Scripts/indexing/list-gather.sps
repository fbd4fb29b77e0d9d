# A list or tensor of positions selects those items in that order (repeats allowed, negative from the end)
xs = ["a", "b", "c", "d"]
print xs[[3, 0, 0]] xs[[-1, 1]]  # expect: ["d", "a", "a"] ["d", "b"]
print xs[tensor [2, 1]] xs[[]]  # expect: ["c", "b"] []
print "abc"[[2, 1, 0]]  # expect: cba
print xs[[0, 4]]  # expect error: index 4 is out of range for list of length 4
