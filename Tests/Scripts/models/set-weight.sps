seed 0
m = linear 3 1
m.weight = [[1, 2, 0]]
m.bias = [3]
print m.weight
x = tensor [[1, 1, 1], [0, 0, 0]]
print (m x)

# expect: 1×3 Tensor{Float32}:
# expect:  1  2  0
# expect: 2-element Tensor{Float32} (grad from model):
# expect:  6  3
