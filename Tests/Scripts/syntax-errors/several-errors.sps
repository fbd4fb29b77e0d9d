x = (1 + )  # expect error: syntax-errors/several-errors.sps:1:10: error: expected an expression, found ')'
print "fine"
y = * 2  # expect error: syntax-errors/several-errors.sps:3:5: error: expected an expression, found '*'
z = 3 4  # expect error: unexpected number 4 after a complete statement
