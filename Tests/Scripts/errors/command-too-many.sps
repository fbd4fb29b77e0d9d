print (sqrt 1 2)  # expect error: sqrt takes at most 1 positional argument, got 2
