seed 0
m = mlp 3 [64, 64] 1 act=relu
print m
print (len m.layers)
print m[2]
print m.layers[4].weight.shape

# expect: Chain(
# expect:   Linear(3 => 64)  # 256 parameters
# expect:   ReLU()
# expect:   Linear(64 => 64)  # 4_160 parameters
# expect:   ReLU()
# expect:   Linear(64 => 1)  # 65 parameters
# expect: )  # 4_481 parameters total
# expect: 5
# expect: Linear(64 => 64)  # 4_160 parameters
# expect: [1, 64]
