m = linear 3 1
step m  # expect error: argument 'loop' of step must be a Loop, got Model Linear(3 => 1)  # 4 parameters
