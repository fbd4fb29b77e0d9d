# Reductions take axis= (negative from the end); without it they give a number
m = tensor [[1, 2, 3], [4, 5, 6]]
print (sum m axis=-1)[1] (mean m axis=0)[2] (prod m) (prod m axis=1)[0]  # expect: 15 4.5 720 6
print (max m axis=1)[0] (min m axis=0)[1] (argmax m axis=1)[0] (argmin m axis=0)[2] (argmin [3, 1, 2])  # expect: 3 2 2 0 1
print (std [1, 2, 3, 4] ddof=0) (round (std [1, 2, 3, 4]) digits=4) (var [1, 2, 3, 4]) (var m axis=1 ddof=0)[0]  # expect: 1.118033988749895 1.291 1.6666666666666667 0.6666667
print (any (m > 5)) (all (m > 0)) (any (m > 5) axis=1)[0] (all [1, 0])  # expect: 1 1 0 0
print (sum m axis=2)  # expect error col 19: axis 2 is out of range for a tensor of shape [2, 3] (rank 2)
