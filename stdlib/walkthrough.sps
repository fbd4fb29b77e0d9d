# walkthrough.sps — the case study paced for a class.
#
#   sps --step stdlib/walkthrough.sps     shows each statement and waits for Enter (q quits, c runs to the end)
#   sps --echo stdlib/walkthrough.sps     prints a transcript for a handout
#
# Each step is small and followed by a look at what it did.

say "Cows on grass: a model learns whatever lowers the training loss, including features that only happen"
say "to go with the target in the training data. Here is a small world where that happens."
pause

seed 0
train = spurious n=2000 factor=0.2
say "y = x1 + 2*x2 + 3 + noise. x3 is a child of y: x3 = y/0.2 + noise. It is spurious: it carries"
say "information about y only because of how this data was made."
print train
pause

say "How strongly is each column tied to y? Look at the last column."
print (describe train)
pause

say "Out of distribution, the link between y and x3 changes (factor 0.1 instead of 0.2)."
ood = spurious n=2000 factor=0.1
iid = spurious n=2000 factor=0.2
print (corr ood)
pause

say "Train a linear model (a perceptron) one step at a time."
m = linear 3 1
print m.weight
l = loop m train batch=32 optim=(adam lr=1e-2) eval=[iid, ood]
step l
say "After one batch, the loss and the weights:"
print l.loss
print m.weight
pause

say "Now a whole epoch, then nine more."
epoch l
run l epochs=9
print l.history
pause

say "The weight on x3 is clearly not zero: the model leans on the spurious feature."
print (compare m truth=[1, 2, 0] bias=3)
say "In distribution that looks great; out of distribution it fails:"
print (eval m [iid, ood])
pause

say "Fix 1, domain randomization: draw the factor anew for every row, so x3 is unreliable in training."
dr = spurious n=2000 factor=(uniform 0.02 1)
m2 = linear 3 1
fit m2 dr epochs=10 batch=32 optim=(adam lr=1e-2)
print (compare m2 truth=[1, 2, 0] bias=3)
print (eval m2 [iid, ood])
pause

say "Fix 2, augmentation: keep the data, but add noise to x3 in every training batch."
m3 = linear 3 1
fit m3 train epochs=10 batch=32 optim=(adam lr=1e-2) aug=(noise x3 std=30)
print (compare m3 truth=[1, 2, 0] bias=3)
print (eval m3 [iid, ood])
pause

say "Underspecification: ten seeds, same recipe. IID error barely moves; OOD error does."
study = repeat seeds=0..9 {
  mm = linear 3 1
  fit mm train epochs=3 batch=32 optim=(adam lr=1e-2)
  record iid=(rmse mm iid) ood=(rmse mm ood)
}
print (summary study)
print (plot box study cols=[iid, ood] title="RMSE over ten seeds")
say "Same training error, very different behaviour out of distribution: the data did not pin the model down."
