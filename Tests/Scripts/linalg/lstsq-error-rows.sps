# lstsq: b needs as many rows as a
x = lstsq (eye 3) [1, 2]  # expect error col 19: lstsq: a has shape [3, 3] and b has shape [2]; b needs 3 rows, one per row of a
