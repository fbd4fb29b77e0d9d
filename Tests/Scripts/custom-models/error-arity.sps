W = param [1, 3]
def f x y z { x @ W.T }
# expect error col 11: f takes 3 arguments; it must take the input alone (and use its params by name), or the input and then each of the 1 params
m = model f params=[W]
