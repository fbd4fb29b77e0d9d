seed 0
train = concat [(spurious n=40 factor=0.2), (spurious n=40 factor=0.5)]
# expect error: per_env=true gives the objective a batch from every environment, so it needs an objective written in sps
l = loop (linear 3 1) train per_env=true
