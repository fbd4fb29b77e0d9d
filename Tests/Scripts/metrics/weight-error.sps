# weight_error: mean squared error of the causal and the non-causal weights, as the IRM paper's chain-SEM table.
m = linear 4 1
m.weight = tensor [[1.5, 1, 0.5, 0]]
# The causal features are where the truth is not 0 by default.
# expect: {causal: 0.125, noncausal: 0.125}
print (weight_error m truth=[1, 1, 0, 0])
# expect: {causal: 0.16666667, noncausal: 0}
print (weight_error m truth=[1, 1, 0, 0] causal=[0, 1, 2])
# expect: {causal: 0, noncausal: 0.125}
print (weight_error [1, 1, 0.5, 0] truth=[1, 1, 0, 0])
# expect error: truth has 3 weights but the model has 4
weight_error m truth=[1, 1, 0]
