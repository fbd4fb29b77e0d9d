# arange and linspace as numpy's: arange stops before stop, linspace includes both ends
print (arange 4) (arange 2 5).count (sum (arange 0 1 0.25))
# expect: 4-element Tensor{Float32}:
# expect: 0  1  2  3 3 1.5
print (arange 5 0 -2)
# expect: 3-element Tensor{Float32}:
# expect: 5  3  1
print (linspace 0 1 5)[-1] (linspace 0 1 5)[1] (linspace 0 1).count (linspace 2 3 1)[0]  # expect: 1 0.25 50 2
print (arange 0 1 0).count  # expect error col 19: arange needs a nonzero finite step, got 0
