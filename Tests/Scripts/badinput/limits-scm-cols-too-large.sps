# Bad input: an scm node of cols= columns asks for n×cols values in one tensor: more than a tensor holds (10^8)
# is an error naming the node, before anything is allocated (cols=100000 at n=10^8 asked for 40 GB).

d = scm n=100 target=y { x = normal 0 1 cols=3; y = normal 0 1 }
print d.columns
# expect: ["x1", "x2", "x3", "y"]
# expect error: scm node 'x': normal … cols=100000 for n=100000000 rows: a block of shape [100000000, 100000] is too large (tensors hold at most 100000000 elements)
d = scm n=100000000 target=y { x = normal 0 1 cols=100000; y = normal 0 1 }
