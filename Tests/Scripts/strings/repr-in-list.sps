print ["a", "b"]  # expect: ["a", "b"]
print "plain"  # expect: plain
