# Index errors name the index and what it indexes
xs = [1, 2, 3]
print xs[[0, 1.5]]  # expect error: list index lists hold integers (or only true/false, a mask); element 1 is number 1.5
