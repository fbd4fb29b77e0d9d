# gap: how much worse a model does on test data than on its training distribution (positive: worse).
iid = dataset (tensor [[1], [2]]) (tensor [1, 2])
ood = dataset (tensor [[1], [2]]) (tensor [2, 4])
m = linear 1 1
m.weight = tensor [[1]]
m.bias = tensor [0]
# expect: 2.5
print (gap m iid ood metric=mse)
# expect: -2.5
print (gap m ood iid metric=mse)
# For accuracy a drop is a positive gap.
c1 = dataset (tensor [[1], [-1]]) (tensor [1, 0])
c2 = dataset (tensor [[1], [-1]]) (tensor [0, 0])
# expect: 0.5
print (gap m c1 c2 metric=accuracy)
