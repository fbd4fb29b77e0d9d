# The native commands a prelude command uses are bound when the prelude loads: a variable named `run` does not
# change `epoch`, and assigning to `epoch` replaces it as for any built-in command.
seed 0
train = spurious n=200
l = loop (linear 3 1) train batch=50
run = "my run"
epoch l
print l.epoch  # expect: 1
print (type epoch)  # expect: command
epoch = 5
print epoch  # expect: 5
