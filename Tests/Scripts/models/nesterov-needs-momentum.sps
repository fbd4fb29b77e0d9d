o = sgd lr=0.1 nesterov=true  # expect error: Nesterov momentum needs momentum > 0 and dampening 0
