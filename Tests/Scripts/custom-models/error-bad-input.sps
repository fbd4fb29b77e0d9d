m = sequential [linear 3 4, act relu, linear 4 1]
# expect error: Linear(3 => 4) expects 3 input columns, got 2
m (tensor [[1, 2]])
