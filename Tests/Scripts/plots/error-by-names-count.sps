seed 0
d = concat (spurious n=30) (spurious n=30 factor=0.1)
plot scatter d x=x3 y=y by=env names=[train]  # expect error: plot scatter: names= has 1 name for the 2 groups of by=env (0, 1, in that order)
