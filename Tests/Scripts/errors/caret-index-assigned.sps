# The index of an assignment, even inside another index, is where an out-of-range error points.
grid = [[1, 2], [3, 4]]
grid[1][-1] = 40
print grid  # expect: [[1, 2], [3, 40]]
grid[1][5] = 50  # expect error col 9: index 5 is out of range for list of length 2
