# algo= and optim= take one value for every model, or one per model
d = iut 2 n=20
ms = [linear 10 1, linear 10 1]
fit_linear ms d.train optim=[adam lr=0.1, adam lr=0.2, sgd lr=1]  # expect error col 29: optim= lists 3 values for 2 models; give one, or one per model
