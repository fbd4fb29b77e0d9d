# Bad input: shape set row wrong length
# expect error: cannot assign [3] values to a selection of shape [2]

t = zeros 2 2
t[0] = [1, 2, 3]
