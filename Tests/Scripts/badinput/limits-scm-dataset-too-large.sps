# Bad input: each environment's columns of an scm fit in a tensor, but together they make a dataset whose
# features do not: an error once the first environment shows the width, before the rest are drawn.

# expect error: the scm dataset (60000000 rows of 2 features): its features of shape [60000000, 2] is too large (tensors hold at most 100000000 elements)
d = scm n=60000000 envs=100 target=y { x = normal 0 1; z = normal 0 1; y = normal 0 1 }
