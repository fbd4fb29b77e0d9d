# A tensor's index in an assignment: the axis whose index is wrong is the one pointed at.
w = zeros 2 3
w[1, 2] = 1
w[1, "b"] = 2  # expect error col 6: tensor index must be an integer, a range, a list of integers or a mask, got string "b"
