# A layer written in sps must return a tensor computed from its params.
W = param [1, 3]
def frozen x { (detach W) @ (tensor [1, 1, 1]) }
m = model frozen params=[W]
# expect error: the layer frozen returned a tensor that does not carry gradients from its params (1)
m (tensor [[1, 2, 3]])
