# A mask (a list of true/false, or a tensor made by a comparison) of the list's length keeps the items where it is true
xs = [5, -1, 7, -3]
print xs[[true, false, true, false]]  # expect: [5, 7]
print xs[(tensor xs) > 0] xs[(tensor xs) > 100]  # expect: [5, 7] []
print xs[[true, false]]  # expect error: a mask of 2 true/false values cannot select from list of length 4; it needs 4
