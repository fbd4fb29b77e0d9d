# An objective must return one number computed from the model's params.
seed 0
train = spurious n=100 factor=0.2
def number_only m b { 3 }
# expect error col 34: the objective number_only returned a number that does not carry gradients; it must return one number computed from the model's params (a loss)
l = loop (linear 3 1) train loss=number_only
step l
