print (round 3.14159 digit=2)  # expect error: unknown argument 'digit' for round; did you mean 'digits'?
