# Any selection is an assignment target: one value fills every selected item, or one value per item
xs = [1, 2, 3, 4, 5]
xs[[0, 2]] = [10, 30]
print xs  # expect: [10, 2, 30, 4, 5]
xs[3..] = 0
print xs  # expect: [10, 2, 30, 0, 0]
xs[(tensor xs) == 0] = "zero"
print xs  # expect: [10, 2, 30, "zero", "zero"]
xs[-1] = 9
xs[..<2] = tensor [7, 8]
print xs  # expect: [7, 8, 30, "zero", 9]
ys = xs
ys[[true, true, false, false, false]] = nil
print xs[0] ys[..1]  # expect: 7 [nil, nil]
xs[[0, 1]] = [1, 2, 3]  # expect error: cannot assign 3 values to 2 selected items; give one value for each, or a single value for all
