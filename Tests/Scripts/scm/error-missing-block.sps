scm n=5 target=y  # expect error: scm is missing argument 'model'
