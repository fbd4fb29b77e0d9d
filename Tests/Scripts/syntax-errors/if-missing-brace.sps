if true print 1  # expect error: expected '{' to start the 'if' body
