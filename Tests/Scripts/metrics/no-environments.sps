d = dataset (tensor [[1], [2]]) (tensor [1, 2])
m = linear 1 1
# expect error: env_metrics: the dataset has no environments; tag its rows with concat [e0, e1, …], envs= of a generator, or env= of csv
env_metrics m d
