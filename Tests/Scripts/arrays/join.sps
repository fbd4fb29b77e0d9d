# concat joins along an existing axis, stack along a new one; hstack places vectors and matrices side by side
x = tensor [1, 2, 3]
z = tensor [[4, 5], [6, 7], [8, 9]]
print (hstack x z)
# expect: 3×3 Tensor{Float32}:
# expect: 1  4  5
# expect: 2  6  7
# expect: 3  8  9
s = tensor [[1], [1], [1]]
print ((hstack x z) @ s).shape (sum ((hstack x z) @ s))  # expect: [3, 1] 45
print (concat x (tensor [4])).count (concat z z axis=1).shape (concat z z).shape (concat [z, z] axis=-1).shape  # expect: 4 [3, 4] [6, 2] [3, 4]
print (stack x x).shape (stack x x axis=1).shape (stack [x, x, x] axis=-1).shape  # expect: [2, 3] [3, 2] [3, 3]
print (vstack x x).shape (vstack z (tensor [0, 0])).shape  # expect: [2, 3] [4, 2]
print (concat z (tensor [[1, 2, 3]]))  # expect error col 18: cannot concatenate tensor 2 of shape [1, 3] with tensor 1 of shape [3, 2] along axis 0: sizes differ on axis 1
