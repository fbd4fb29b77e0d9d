print "should not print"
x = )  # expect error: expected an expression
