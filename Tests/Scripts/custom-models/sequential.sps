# sequential composes models, activations and defs; built from an mlp's own layers it trains exactly as the mlp.
seed 0
train = spurious n=400 factor=0.2
reference = mlp 3 [16, 16] 1 act=tanh
twin = copy reference
chain = sequential twin.layers
# expect: 5 353
print chain.layers.count chain.params
fit reference train epochs=2 seed=5
fit chain train epochs=2 seed=5
# expect: 0 0
print (max (abs (reference.layers[0].weight - chain.layers[0].weight))) (max (abs (reference.layers[4].bias - chain.layers[4].bias)))
# Activations by command or by act, and a def as a layer without params.
def double x { x * 2 }
m = sequential [linear 3 8, act relu, double, linear 8 1, sigmoid]
# expect: Chain(
# expect:   Linear(3 => 8)  # 32 parameters
# expect:   ReLU()
# expect:   Def(double)
# expect:   Linear(8 => 1)  # 9 parameters
# expect:   Sigmoid()
# expect: )  # 41 parameters total
print m
# expect: 41 3 1
print m.params m.inputs m.outputs
p = m (tensor [[1, 2, 3], [0, 0, 0]])
# expect: [2]
print p.shape
fit m train epochs=1
# expect: true
print ((rmse m train) > 0)
