scm n=10 target=y features=[x, x] { x = normal 0 1; y = x }  # expect error: scm: the feature 'x' is listed twice in features=
