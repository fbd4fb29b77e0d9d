# A line plot of a loop's history is titled with it (`l.history`), and labels its y axis from the columns.
seed 0
train = spurious n=64
ood = spurious n=64 factor=0.1
l = loop (linear 3 1) train batch=32 eval=[ood]
run l epochs=3
p = plot line l.history
print p.title "|" p.ylabel "|" p.xlabel  # expect: l.history | loss / rmse | epoch
print (plot line (fit (linear 3 1) train epochs=2).history).title  # expect: training history
h = l.history
print (plot line h y=[train_loss]).title  # expect: h
