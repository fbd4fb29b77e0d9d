print "a {1 +} b"  # expect error: expected an expression
