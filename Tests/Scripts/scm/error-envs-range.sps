scm n=5 envs=9 target=y { y = normal 0 1 }  # expect error: envs must be between 0 and n (5), got 9
