# An intervention on a node the model does not have, with a suggestion.
world = { x1 = normal 0 1; y = x1 + normal 0 1; x3 = y + normal 0 1 }
d = scm n=10 target=y do={ x4 = 0 } world  # expect error col 28: scm do=: the model has no node 'x4'; it defines x1, y, x3; did you mean
