# permutation: a seeded random order of 0..<n, or a tensor's rows / a list's items reordered
seed 3
p = permutation 6
seed 3
q = permutation 6
print (p == q).count (sum (p == q)) (sort p)[-1] (sum p)  # expect: 6 6 5 15
print (unique p).count  # expect: 6
t = tensor [[1, 10], [2, 20], [3, 30]]
r = permutation t
print r.shape (sum (r[.., 1] - 10 * r[.., 0]))  # expect: [3, 2] 0
print (sort (permutation ["a", "b", "c"]))  # expect: ["a", "b", "c"]
print (permutation 0).count  # expect: 0
print (permutation -1)  # expect error col 20: permutation needs a count (a whole number ≥ 0), a tensor or a list, got number -1
