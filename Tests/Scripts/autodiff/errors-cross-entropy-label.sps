# cross_entropy needs class numbers in 0..<classes.
print (cross_entropy (param (tensor [[1, 2]])) (tensor [3]))  # expect error col 49: cross_entropy: label 3 at position 0 is not a class number in 0..<2
