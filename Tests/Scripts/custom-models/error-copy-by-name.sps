W = param [1, 3]
def f x { x @ W.T }
m = model f params=[W]
# expect error col 10: the layer f uses its params by name, so a copy would still compute with the original's
c = copy m
