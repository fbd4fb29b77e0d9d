# A list of only numbers or only booleans is stored compactly, and one that gets a value of another kind turns into
# a list of values; none of that shows: indexing, setting, comparing, printing and copying work the same.
flags = []
for i in 0..<5 { flags = append flags (i % 2 == 0) }
print flags  # expect: [true, false, true, false, true]
flags[1] = "no"
print flags (len flags)  # expect: [true, "no", true, false, true] 5
xs = [1, 2, 3]
ys = xs
xs[0] = 10
print xs ys  # expect: [10, 2, 3] [1, 2, 3]
xs[1] = [20]
print xs ys  # expect: [10, [20], 3] [1, 2, 3]
print ([1, 2] == [1, 2]) ([1, true] == [1, true]) ([true] == [1]) ([] == [])  # expect: true true false true
zs = []
zs = append zs 1.5
zs = append zs nil
zs = append zs 2
print zs zs[-1] zs[1]  # expect: [1.5, nil, 2] 2 nil
ns = [3, 1, 2]
ns += [4]
ns += ["five"]
print ns (len ns)  # expect: [3, 1, 2, 4, "five"] 5
bs = [true, false]
bs[0] = 1
print bs (bs[0] + 1)  # expect: [1, false] 2
grid = [[0, 0], [0, 0]]
grid[1][0] = 5
row = grid[1]
grid[1][1] = 6
print grid row  # expect: [[0, 0], [5, 6]] [5, 0]
print (sum [1, 2, 3]) (map [1, 2] { x -> x * 2 })  # expect: 6 [2, 4]
