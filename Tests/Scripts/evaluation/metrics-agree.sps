seed 0
d = spurious n=1000
m = linear 3 1
m.weight = [[1, 2, 0]]
m.bias = [3]
# metrics are measured in Float32 and reported at its precision (7 significant digits)
print ((abs ((rmse m d) ** 2 - (mse m d))) < 1e-6 * (mse m d))
print ((mae m d) < (rmse m d))
print ((r2 m d) > 0.8)

# expect: true
# expect: true
# expect: true
