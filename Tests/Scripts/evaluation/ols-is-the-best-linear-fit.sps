seed 0
train = spurious n=5000
ood = spurious n=5000 factor=0.1
best = ols train
print best
print (best.weight[0, 2] > 0.1)
print ((rmse best train) < 0.6)
print ((rmse best ood) > 2)

# expect: Linear(3 => 1)  # 4 parameters
# expect: true
# expect: true
# expect: true
