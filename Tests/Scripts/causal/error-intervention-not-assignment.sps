world = { x1 = normal 0 1; y = x1 + normal 0 1 }
d = scm n=10 target=y do={ print 1 } world  # expect error col 28: scm do=: each statement must assign a node of the model
