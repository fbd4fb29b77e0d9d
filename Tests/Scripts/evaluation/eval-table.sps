seed 0
train = spurious n=500
ood = spurious n=500 factor=0.1
m = linear 3 1
m.weight = [[1, 2, 0]]
m.bias = [3]
t = eval m [train, ood] metric=[rmse, r2]
print t.columns
print (t.rmse[0] < 1.1)
print (t.rmse[1] < 1.1)
print ((abs ((rmse m ood) - t.rmse[1])) < 1e-6)

# expect: ["set", "rmse", "r2"]
# expect: true
# expect: true
# expect: true
