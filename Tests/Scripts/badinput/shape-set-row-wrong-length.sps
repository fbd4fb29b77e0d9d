# Bad input: shape set row wrong length

t = zeros 2 2
# expect error: cannot assign [3] values to a selection of shape [2]
t[0] = [1, 2, 3]
