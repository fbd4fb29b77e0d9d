seed 0
d = concat (spurious n=30) (spurious n=30 factor=0.1) (spurious n=30 factor=1)
p = plot scatter d x=x3 y=y by=env title="three environments"
print p.title p.series  # expect: three environments ["env 0", "env 1", "env 2"]
