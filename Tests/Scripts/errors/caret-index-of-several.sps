# An index that selects nothing valid is pointed at where it is written: the second of two, or the index of an
# assignment (not the start of the target).
t = zeros 3 3
t[0, 10]  # expect error col 6: index 10 is out of range for axis 1 of size 3 (shape [3, 3])
