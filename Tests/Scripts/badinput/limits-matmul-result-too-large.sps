# A matrix product's size is checked before it is allocated: 100000×1 times 1×100000 would be 40 GB.
x = (zeros 100000 1) @ (zeros 1 100000)  # expect error: the matrix product of shape [100000, 100000] is too large
