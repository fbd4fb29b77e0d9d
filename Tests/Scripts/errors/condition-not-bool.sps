if 1 { print "x" }  # expect error: a condition must be true or false, got number 1
