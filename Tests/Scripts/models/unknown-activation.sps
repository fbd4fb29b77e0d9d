m = mlp 3 [8] 1 act=rellu  # expect error: unknown activation 'rellu' (use relu, tanh, sigmoid or leaky_relu); did you mean 'relu'?
