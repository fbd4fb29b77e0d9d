# solve: b must have one row per row of a; the error names both shapes and points at b
a = eye 3
solve a (tensor [1, 2])  # expect error col 10: solve: a has shape [3, 3] and b has shape [2]; b needs 3 rows, one per row of a
