m = linear 3 1
if m { print 1 }  # expect error col 4: a condition must be true or false, got Model (4 parameters)
