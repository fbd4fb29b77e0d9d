W = param [1, 3]
def f x { x @ W.T }
# expect error col 20: item 2 of params is a tensor that is not a param; list the params the model trains (make them with param)
m = model f params=[W, (tensor [1])]
