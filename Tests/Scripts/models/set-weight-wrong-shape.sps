m = linear 3 1
m.weight = [1, 2]  # expect error: m.weight has shape [1, 3]; cannot set it to a tensor of shape [2]
