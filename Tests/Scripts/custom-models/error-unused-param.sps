# Every param listed must be used by the layer.
W = param [1, 3]
b = param [1] fan_in=3
def no_bias x { x @ W.T }
m = model no_bias params=[W, b]
# expect error: the layer no_bias does not use param 2 of 2: its output does not depend on it
m (tensor [[1, 2, 3]])
