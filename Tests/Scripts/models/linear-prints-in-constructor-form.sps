seed 0
m = linear 3 1
print m
print m.params
print m.weight.shape
print m.bias.shape

# expect: Linear(3 => 1)  # 4 parameters
# expect: 4
# expect: [1, 3]
# expect: [1]
