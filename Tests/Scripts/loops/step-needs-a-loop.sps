m = linear 3 1
step m  # expect error: argument 'loop' of step must be a Loop, got Model (4 parameters)
