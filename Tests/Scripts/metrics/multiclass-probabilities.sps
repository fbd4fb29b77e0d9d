# A model with several outputs: predict_proba is the softmax of each row; accuracy takes the argmax.
m = linear 2 3
m.weight = tensor [[1, 0], [0, 1], [-1, -1]]
m.bias = tensor [0, 0, 0]
d = dataset (tensor [[2, 0], [0, 2], [-1, -1], [1, 1]]) (tensor [0, 1, 2, 2])
p = predict_proba m d
# expect: [4, 3]
print p.shape
# expect: true
print (max (abs (sum p axis=1 - 1)) < 1e-6)
# expect: 0.75
print (accuracy m d)
# expect: 0.25
print (error_rate m d)
# expect: [1, 3]
print (predict_proba m (tensor [1, 2])).shape
