# Bad input: type optimizer negative lr
# expect error: learning rate must be a finite number >= 0, got -1

o = sgd lr=-1
