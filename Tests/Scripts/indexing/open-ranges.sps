# A range in an index may leave out its start (from the first item), its end (to the last) or both
xs = [10, 20, 30, 40, 50]
print xs[2..] xs[..<2] xs[..1] xs[..-2] xs[-2..]  # expect: [30, 40, 50] [10, 20] [10, 20] [10, 20, 30, 40] [40, 50]
print xs[..]  # expect: [10, 20, 30, 40, 50]
print xs[5..]  # expect: []
print "abcdef"[3..] "abcdef"[..<2]  # expect: def ab
m = tensor [[1, 2, 3], [4, 5, 6]]
print m[.., 1]
# expect: 2-element Tensor{Float32}:
# expect: 2  5
print m[1.., 1..]
# expect: 1×2 Tensor{Float32}:
# expect: 5  6
k = 1
print xs[k + 1..] xs[..k]  # expect: [30, 40, 50] [10, 20]
print xs[6..]  # expect error: range 6.. is out of range for list of length 5
