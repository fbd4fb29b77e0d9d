compare (linear 3 1) truth=[1, 2]  # expect error: truth has 2 weights but the model has 3 inputs
