# python_random takes the integer seed random.seed takes
print (python_random 1.5)  # expect error col 22: argument 'seed' of python_random must be an integer, got number 1.5
