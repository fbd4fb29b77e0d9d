# names= names the groups of by= (in order: env 0, env 1, …) instead of "env 0", "env 1".
seed 0
d = concat (spurious n=30) (spurious n=30 factor=0.1)
p = plot scatter d x=x3 y=y by=env names=[train, shifted]
print p.series  # expect: ["train", "shifted"]
