# where picks elementwise by a condition (numpy's where); alone it gives the positions where a vector is nonzero
x = tensor [-2, 0.5, 3]
print (where (x > 0) x 0)
# expect: 3-element Tensor{Float32}:
# expect: 0.0000  0.5000  3.0000
print (where (tensor [0, 3, 0, 5])) x[where (x > 0)].count
# expect: 2-element Tensor{Float32}:
# expect: 1  3 2
print (where (tensor [[1], [0]]) (tensor [1, 2]) -1)
# expect: 2×2 Tensor{Float32}:
# expect: 1   2
# expect: -1  -1
print (clip x 0 1) (clip 5 nil 3) (clip -5 0 nil)
# expect: 3-element Tensor{Float32}:
# expect: 0.0000  0.5000  1.0000 3 0
print (where (x > 0) x (tensor [1, 2]))  # expect error: where: the condition [3], a [3] and b [2] cannot be broadcast together
