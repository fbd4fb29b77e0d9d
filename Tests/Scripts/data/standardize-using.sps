seed 0
train = spurious n=100
ood = spurious n=100 factor=0.1
a = standardize ood using=train
parts = standardize train ood
print (len parts) (sum (parts[1].x3 == a.x3))  # expect: 2 100
print (sum (a.y == ood.y))  # expect: 100
print ((round (mean a.x3) digits=1) != 0)  # expect: true
