# model f params=[…]: a def of the input trained through the params listed; evaluated like any model.
seed 0
train = spurious n=500 factor=0.2
W = param [1, 3]
b = param [1] fan_in=3
def lin x { x @ W.T + b }
m = model lin params=[W, b]
# expect: Def(lin)  # 4 parameters
print m
# expect: 4 2
print m.params m.parameters.count
before = rmse m train
fit m train epochs=5 optim=(adam lr=0.05)
# The params themselves were trained (m.parameters are W and b).
# expect: true true
print ((rmse m train) < before) ((m.parameters[0].value - W.value)[0, 0] == 0)
t = eval m [train] metric=[rmse, r2]
# expect: ["set", "rmse", "r2"]
print t.columns
# expect: true
print ((sensitivity m train x3) > 0)
# A def of the input and then each param: copy gives a model with its own params.
def lin2 x V c { x @ V.T + c }
m2 = model lin2 params=[(param [1, 3]), (param [1] fan_in=3)]
m3 = copy m2
fit m3 train epochs=1
# expect: true
print ((max (abs ((detach m2.parameters[0]) - (detach m3.parameters[0])))) > 0)
