x = 5
if x > 3 { print "big" } else { print "small" }  # expect: big
if x > 10 { print "huge" } else if x > 4 { print "medium" } else { print "tiny" }  # expect: medium
