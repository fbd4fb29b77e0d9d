seed 0
d = spurious n=1000
m = linear 3 1
m.weight = [[1, 2, 0]]
m.bias = [3]
print (abs ((rmse m d) ** 2 - (mse m d)) < 1e-9)
print ((mae m d) < (rmse m d))
print ((r2 m d) > 0.8)

# expect: true
# expect: true
# expect: true
