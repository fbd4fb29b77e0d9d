# accuracy and error_rate: one logit per row (positive is class 1), or rows of class scores (argmax).
# expect: 0.6666667
print (accuracy (tensor [2, -1, 0.5]) (tensor [1, 0, 0]))
# expect: 0.33333334
print (error_rate (tensor [2, -1, 0.5]) (tensor [1, 0, 0]))
# -1/+1 labels read as 0/1: a label above 0.5 is class 1.
# expect: 1
print (accuracy (tensor [3, -2]) (tensor [1, -1]))
# expect: 0.5
print (accuracy (tensor [[2, 0, -1], [0, 1, 0]]) (tensor [0, 2]))
# expect error: accuracy: label 2 is 3, but with 3 class scores per row labels are class numbers 0 to 2
accuracy (tensor [[2, 0, -1], [0, 1, 0]]) (tensor [0, 3])
