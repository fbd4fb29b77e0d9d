m = linear 3 1
m (tensor [[1, 2]])  # expect error: Linear(3 => 1) expects 3 input columns, got 2 (input shape [1, 2])
